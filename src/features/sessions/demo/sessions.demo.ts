import { demoPdf } from '../../../platform/demo';
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database';
import type { Clock } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import { addDays, londonDate, londonDateTimeToUtc } from '../../../platform/dates';
import { saveFile } from '../../../platform/files/files';
import type { SessionKind } from '../sessions.tables';
import type { DemoContext } from '../../../platform/module';
import { seedAttendance } from './attendance.demo';

type Trx = Transaction<Database>;

/** What the sessions demo made, for the parts seeded after it (attendance on past sessions). */
export interface DemoSessions {
  /** Cohort 7 of Towards Middle Leadership: six twilight sessions in date order (the first three are past). */
  middleSessionIds: string[];
  /** Cohort 3 of Leadership Pathways: seminars in date order (the first two are past; the third is cancelled). */
  pathwaysSessionIds: string[];
  tasterId: string;
  graduationId: string;
}

/** The next Tuesday on or after a date (twilight sessions run on Tuesdays). */
function tuesdayFrom(date: string): string {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, (2 - day + 7) % 7);
}

function at(date: string, time: string): string {
  const result = londonDateTimeToUtc(date, time);
  if ('error' in result) throw new Error(`demo time ${date} ${time} does not exist in London`);
  return result.instant;
}

/**
 * Demo data: sessions of Cohort 7 of Towards Middle Leadership (six twilight sessions, 4:15pm to
 * 5:45pm, some past, with materials), seminars of Leadership Pathways Cohort 3 (one cancelled), an
 * open taster session that is full with a waiting list, and a graduation ceremony. Runs after the
 * programmes, cohorts and enrolments are seeded.
 */
export async function seedSessions(trx: Trx, clock: Clock, people: DemoContext): Promise<DemoSessions> {
  const { organisationId, ids } = people;
  const now = clock.now().toISOString();
  const today = londonDate(clock.now());
  const id = (key: string) => {
    const value = ids.get(key);
    if (!value) throw new Error(`no demo person ${key}`);
    return value;
  };
  const cohortOf = async (programme: string, cohort: string) =>
    trx
      .selectFrom('cohorts')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .select(['cohorts.id', 'cohorts.programme_id'])
      .where('programmes.organisation_id', '=', organisationId)
      .where('programmes.title', '=', programme)
      .where('cohorts.name', '=', cohort)
      .executeTakeFirstOrThrow();
  const middle = await cohortOf('Towards Middle Leadership', 'Cohort 7');
  const pathways = await cohortOf('Leadership Pathways', 'Cohort 3');
  const focusOf = async (programmeId: string) =>
    (await trx.selectFrom('programme_focus_skills').select('skill_id').where('programme_id', '=', programmeId).orderBy('skill_id').execute()).map(
      (r) => r.skill_id,
    );

  interface DemoSession {
    cohortId: string | null;
    kind: SessionKind;
    title: string;
    description: string;
    skillIds?: string[];
    date: string;
    from: string;
    to: string;
    venue?: string;
    onlineUrl?: string;
    capacity?: number;
    facilitators: string[];
    cancelled?: string;
  }
  async function addSession(s: DemoSession): Promise<string> {
    const sessionId = newId();
    await trx
      .insertInto('sessions_events')
      .values({
        id: sessionId,
        organisation_id: organisationId,
        cohort_id: s.cohortId,
        kind: s.kind,
        title: s.title,
        description: s.description,
        skill_ids: JSON.stringify(s.skillIds ?? []),
        starts_at: at(s.date, s.from),
        ends_at: at(s.date, s.to),
        mode: s.onlineUrl ? 'online' : 'in_person',
        venue: s.onlineUrl ? null : (s.venue ?? null),
        online_url: s.onlineUrl ?? null,
        capacity: s.capacity ?? null,
        status: s.cancelled ? 'cancelled' : 'scheduled',
        cancel_reason: s.cancelled ?? null,
        cancelled_at: s.cancelled ? now : null,
        sequence: s.cancelled ? 1 : 0,
        check_in_secret: randomBytes(32).toString('hex'),
        created_by: id('director'),
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const person of s.facilitators)
      await trx
        .insertInto('session_facilitators')
        .values({ session_id: sessionId, person_id: id(person) })
        .execute();
    return sessionId;
  }
  /** A file (a one-line PDF of `text`) or a link that a facilitator added to a session. */
  type DemoMaterial = { title: string; by: string } & ({ fileName: string; text: string } | { url: string });
  async function addMaterial(sessionId: string, material: DemoMaterial) {
    const by = id(material.by);
    const fileId =
      'url' in material
        ? null
        : await saveFile(trx, clock, {
            organisationId,
            fileName: material.fileName,
            contentType: 'application/pdf',
            bytes: demoPdf(material.text),
            createdBy: by,
          });
    await trx
      .insertInto('session_materials')
      .values({
        id: newId(),
        session_id: sessionId,
        title: material.title,
        url: 'url' in material ? material.url : null,
        file_id: fileId,
        added_by: by,
        created_at: now,
      })
      .execute();
  }

  // Towards Middle Leadership, Cohort 7: six twilight sessions over six months, three of them past.
  const middleFocus = await focusOf(middle.programme_id);
  const riverside = 'Riverside Academy, Learning Centre (Room L2)';
  const middleSpecs: { days: number; title: string; description: string; materials?: DemoMaterial[] }[] = [
    {
      days: -70,
      title: 'Session 1: Knowing yourself as a leader',
      description: 'Your leadership so far, your strengths and what your colleagues expect of you. Please complete your self-assessment before the session.',
      materials: [
        {
          title: 'Session 1 slides',
          fileName: 'session-1-knowing-yourself.pdf',
          text: 'Towards Middle Leadership - Session 1: Knowing yourself as a leader',
          by: 'director',
        },
        { title: 'Reading: the first ninety days as a middle leader', url: 'https://www.example.org/reading/first-ninety-days', by: 'rAss' },
      ],
    },
    {
      days: -42,
      title: 'Session 2: Leading a team',
      description: 'What makes a team work well, and how to get the best from people who were your peers last year.',
      materials: [
        { title: 'Session 2 slides', fileName: 'session-2-leading-a-team.pdf', text: 'Towards Middle Leadership - Session 2: Leading a team', by: 'rDep' },
      ],
    },
    {
      days: -14,
      title: 'Session 3: Holding professional conversations',
      description: 'Planning and practising the difficult conversations every leader has: feedback, disagreement and saying no.',
      materials: [
        { title: 'Conversation planning sheet', fileName: 'conversation-planning-sheet.pdf', text: 'Planning a professional conversation', by: 'director' },
      ],
    },
    {
      days: 14,
      title: 'Session 4: Leading change',
      description: 'Why changes stall, and how to plan one your team believes in. Bring the outline of your leadership project.',
      materials: [
        { title: 'Pre-reading: leading change', fileName: 'pre-reading-leading-change.pdf', text: 'Pre-reading for Session 4: Leading change', by: 'rDep' },
      ],
    },
    { days: 49, title: 'Session 5: Coaching colleagues', description: 'A simple coaching model to use with your team, practised in threes.' },
    {
      days: 77,
      title: 'Session 6: Presenting your leadership project',
      description: 'Each participant presents their project and what they learned: ten minutes each, with questions.',
    },
  ];
  const middleSessionIds: string[] = [];
  for (const [i, { days, title, description, materials = [] }] of middleSpecs.entries()) {
    const focus = i % Math.max(1, middleFocus.length);
    const sessionId = await addSession({
      cohortId: middle.id,
      kind: 'session',
      title,
      description,
      skillIds: middleFocus.slice(focus, focus + 1),
      date: tuesdayFrom(addDays(today, days)),
      from: '16:15',
      to: '17:45',
      // Session 3 ran online (the school was closed for a power cut that week).
      ...(i === 2 ? { onlineUrl: 'https://teams.microsoft.com/l/meetup-join/riverside-middle-leadership-3' } : { venue: riverside }),
      facilitators: i % 2 === 0 ? ['director', 'rAss'] : ['rDep'],
    });
    middleSessionIds.push(sessionId);
    for (const material of materials) await addMaterial(sessionId, material);
  }

  // Leadership Pathways, Cohort 3: seminars through the year; one had to be cancelled.
  const pathwaysFocus = await focusOf(pathways.programme_id);
  const pathwaysSpecs: { days: number; title: string; description: string; cancelled?: string; materials?: DemoMaterial[] }[] = [
    {
      days: -60,
      title: 'Seminar 1: Your whole-school project',
      description: 'Setting the aim and the measures for your project, with your coach.',
      materials: [
        {
          title: 'Project planning template',
          fileName: 'project-planning-template.pdf',
          text: 'Leadership Pathways - project planning template',
          by: 'director',
        },
      ],
    },
    { days: -25, title: 'Seminar 2: Using evidence well', description: 'Finding and weighing evidence for your project; bring one study you have read.' },
    {
      days: 20,
      title: 'Seminar 3: Leading through others',
      description: 'Delegation and accountability across a school.',
      cancelled: 'Clashes with the trust’s training day. The seminar will be rearranged.',
    },
    { days: 48, title: 'Seminar 3: Leading through others (rearranged)', description: 'Delegation and accountability across a school.' },
    { days: 90, title: 'Seminar 4: Evaluating impact', description: 'How you will know your project worked, and how to tell governors.' },
  ];
  const pathwaysSessionIds: string[] = [];
  for (const [i, { days, title, description, cancelled, materials = [] }] of pathwaysSpecs.entries()) {
    const focus = i % Math.max(1, pathwaysFocus.length);
    const sessionId = await addSession({
      cohortId: pathways.id,
      kind: 'session',
      title,
      description,
      skillIds: pathwaysFocus.slice(focus, focus + 1),
      date: addDays(tuesdayFrom(addDays(today, days)), 2),
      from: '16:00',
      to: '17:30',
      venue: 'Hillcrest Primary School, Staff Room',
      facilitators: ['director'],
      cancelled,
    });
    pathwaysSessionIds.push(sessionId);
    for (const material of materials) await addMaterial(sessionId, material);
  }

  // An open taster session with four places, full, and two people waiting (in the order they asked).
  const tasterId = await addSession({
    cohortId: null,
    kind: 'taster',
    title: 'Towards Middle Leadership: taster session',
    description:
      'An hour to find out what the programme involves and whether it is right for you, with two colleagues from Cohort 7. Applications for Cohort 8 are open now.',
    date: addDays(tuesdayFrom(addDays(today, 7)), 1),
    from: '16:00',
    to: '17:00',
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/waymark-middle-leadership-taster',
    capacity: 4,
    facilitators: ['rDep', 'rMat2'],
  });
  const booked = ['rEng1', 'rSci2', 'oT3', 'hT1'];
  const waiting = ['rHum2', 'oT5'];
  for (const [i, person] of [...booked, ...waiting].entries()) {
    const since = new Date(clock.now().getTime() - (10 - i) * 3600_000).toISOString();
    const isBooked = i < booked.length;
    await trx
      .insertInto('session_bookings')
      .values({
        id: newId(),
        session_id: tasterId,
        person_id: id(person),
        status: isBooked ? 'booked' : 'waiting',
        waiting_since: isBooked ? null : since,
        booked_at: isBooked ? since : null,
        cancelled_at: null,
        created_at: since,
        updated_at: since,
      })
      .execute();
  }

  // The graduation ceremony after Cohort 7 ends: no limit on places.
  const graduationId = await addSession({
    cohortId: null,
    kind: 'graduation',
    title: 'Graduation ceremony 2027',
    description: 'Celebrating everyone who has completed a programme this year, with their line managers and headteachers. Refreshments from 5:30pm.',
    date: addDays(tuesdayFrom(addDays(today, 112)), 2),
    from: '18:00',
    to: '19:30',
    venue: 'Riverside Academy, Main Hall',
    facilitators: ['ceo', 'director'],
  });
  for (const person of ['rMat2', 'rSci1', 'rMat', 'rHead']) {
    await trx
      .insertInto('session_bookings')
      .values({
        id: newId(),
        session_id: graduationId,
        person_id: id(person),
        status: 'booked',
        waiting_since: null,
        booked_at: now,
        cancelled_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  // Registers of Cohort 7's sessions that have happened (attendance-calendars).
  await seedAttendance(trx, clock, middle);
  return { middleSessionIds, pathwaysSessionIds, tasterId, graduationId };
}
