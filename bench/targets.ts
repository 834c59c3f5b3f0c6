// The load benchmark's routes (bench/run.ts), also profiled in-process by bench/pages.profile.ts:
// every signed-in page the speed targets name, each with the viewer whose cookie it carries and a
// check that the page shows what it should before anything is measured.
import { COMMON_SURNAME_FRAGMENT } from './generate';
import { COHORT_NAME, PROGRAMME_TITLE, ROSTER_SIZE, type PagesSeed } from './pages-seed';

export type Viewer = 'admin' | 'lead' | 'participant';

export interface Target {
  name: string;
  path: string;
  /** Whose session cookie the requests carry; null for none. */
  viewer: Viewer | null;
  signedIn: boolean;
  note: string;
  /** Checks the page once before the runs: returns what is wrong with it, or null. */
  expect?: (body: string) => string | null;
}

const searchPath = `/staff?q=${encodeURIComponent(COMMON_SURNAME_FRAGMENT)}`;

const count = (body: string, text: string) => body.split(text).length - 1;
const contains =
  (...texts: string[]) =>
  (body: string) => {
    const missing = texts.filter((t) => !body.includes(t));
    return missing.length ? `does not show ${missing.map((t) => `“${t}”`).join(', ')}` : null;
  };

export function targetsFor(seed: PagesSeed): Target[] {
  const target = (name: string, path: string, viewer: Viewer | null, note: string, expect?: Target['expect']): Target => ({
    name,
    path,
    viewer,
    signedIn: viewer !== null,
    note,
    ...(expect ? { expect } : {}),
  });
  return [
    target('directory', '/staff', 'admin', 'staff directory, first page, whole organisation (org admin)'),
    target('directory-search', searchPath, 'admin', `staff directory searching “${COMMON_SURNAME_FRAGMENT}” (org admin)`),
    target('home', '/', 'admin', 'home page of the org admin (the most summaries)', contains('Helen')),
    target('home-participant', '/', 'participant', 'home page of a participant', contains(seed.participant.name.split(' ')[0] ?? '')),
    target('my-programme', '/my-programme', 'participant', 'My programme: the participant’s enrolments and progress', contains(PROGRAMME_TITLE, COHORT_NAME)),
    target(
      'enrolment',
      `/enrolments/${seed.enrolmentId}`,
      'participant',
      'the participant’s enrolment page (requirements, modules)',
      contains(`My programme: ${PROGRAMME_TITLE}`),
    ),
    target('report-360', `/feedback/${seed.roundId}/report`, 'participant', 'the participant’s own 360 report: 8 skills, 21 answers in 5 groups', (body) => {
      const figures = count(body, 'Figures for Skill ');
      return figures === 8 && !body.includes('No figures can be shown') ? null : `shows figures for ${figures} of 8 skills`;
    }),
    target('roster', `/cohorts/${seed.cohortId}/roster`, 'lead', `the programme lead’s roster of a cohort of ${ROSTER_SIZE}`, (body) => {
      const shown = new RegExp(`(\\d+) (?:[a-z]+ )?participants? in ${COHORT_NAME}`).exec(body);
      return shown?.[1] === String(ROSTER_SIZE) ? null : `shows ${shown?.[1] ?? 'no'} participants, expected ${ROSTER_SIZE}`;
    }),
    target('health', '/health', null, 'trivial route, no session cookie'),
    target('health-signed-in', '/health', 'admin', 'trivial route with the session cookie: the cost of loading the viewer'),
  ];
}
