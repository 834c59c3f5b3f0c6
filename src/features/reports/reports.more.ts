import { londonDate } from '../../platform/dates';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { NotFound } from '../../platform/http/errors';
import { DEFAULT_GROUP_MINIMUM, discloseSkill, type GroupScores, isHidden, RATER_GROUP_LABELS, type RaterGroup } from '../feedback';
import { suppressionThreshold } from './reports.diversity';
import { cohortInScope, type ReportQuery, reportChoices, requireValid } from './reports.filters';
import * as q from './reports.queries';
import { type Download, fileSuffix, type ReportTable, sessionAttendanceRows } from './reports.service';
import { LEADERSHIP_RANK } from '../staff';
import { SUPPRESSED, type Shown, shownPercent, suppress } from './suppression';

/** One bar of a chart: a label, a percentage (or null for none to draw) and what to write beside it. */
export interface Bar {
  label: string;
  value: number | null;
  text: string;
}

/** A report page: its tables (each downloads as CSV) and, where people would rather look than read, a chart of one of them. */
export interface MoreReport {
  key: string;
  title: string;
  intro: string;
  tables: ReportTable[];
  chart: { title: string; bars: Bar[] } | null;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 100));

/** Attendance by cohort (the sessions held so far and every mark recorded) and by session. */
async function attendance(deps: AppDeps, scope: q.ReportScope): Promise<Omit<MoreReport, 'key' | 'title' | 'intro'>> {
  const [sessions, cohorts] = await Promise.all([
    q.attendanceBySession(deps.db, scope, deps.clock.now().toISOString()),
    q.cohortsOfOrganisation(deps.db, scope.organisationId),
  ]);
  const byCohort = new Map<string, { held: Set<string>; marks: Record<string, number> }>();
  for (const row of sessions) {
    const c = byCohort.get(row.cohort_id) ?? { held: new Set<string>(), marks: {} };
    c.held.add(row.id);
    if (row.status) c.marks[row.status] = (c.marks[row.status] ?? 0) + Number(row.n);
    byCohort.set(row.cohort_id, c);
  }
  const rows = cohorts
    .filter((c) => cohortInScope(scope, c) && byCohort.has(c.id))
    .map((c) => {
      const { held, marks } = byCohort.get(c.id) as { held: Set<string>; marks: Record<string, number> };
      const [present, late, withReason, absent] = [marks.present ?? 0, marks.late ?? 0, marks.absent_with_reason ?? 0, marks.absent ?? 0];
      const recorded = present + late + withReason + absent;
      return [`${c.programme_title}, ${c.name}`, held.size, recorded, present, late, withReason, absent, percent(present + late, recorded)];
    });
  return {
    tables: [
      {
        key: 'by-cohort',
        caption: 'Attendance by cohort, at the sessions held so far',
        headers: ['Cohort', 'Sessions held', 'Marks recorded', 'Present', 'Late', 'Absent with reason', 'Absent', 'Attendance (%)'],
        numeric: [false, true, true, true, true, true, true, true],
        rows,
        empty: 'No sessions of these cohorts have been held yet.',
      },
      {
        key: 'by-session',
        caption: 'Attendance at each session held, newest first',
        headers: ['Cohort', 'Session', 'Date', 'Recorded', 'Present', 'Late', 'Absent with reason', 'Absent', 'Attendance (%)'],
        numeric: [false, false, false, true, true, true, true, true, true],
        rows: sessionAttendanceRows(sessions),
        empty: 'No sessions of these cohorts have been held yet.',
      },
    ],
    chart: {
      title: 'Attendance by cohort: the percentage of marks recorded that were present or late',
      bars: rows.map((r) => ({
        label: String(r[0]),
        value: typeof r[7] === 'number' ? r[7] : null,
        text: typeof r[7] === 'number' ? `${r[7]}%` : 'not taken',
      })),
    },
  };
}

/** Whether a measure's newest outcome reaches its target, in the direction the target lies from the baseline. */
function measureMet(m: { baseline_value: number; target_value: number }, value: number): boolean {
  return Number(m.target_value) >= Number(m.baseline_value) ? value >= Number(m.target_value) : value <= Number(m.target_value);
}

/** Mentoring (meetings held, each mentor's places used) and projects (measures met), by cohort. */
async function mentoringAndProjects(deps: AppDeps, scope: q.ReportScope): Promise<Omit<MoreReport, 'key' | 'title' | 'intro'>> {
  const today = londonDate(deps.clock.now());
  const [mentors, pairings, projects, measures, cohorts, enrolments] = await Promise.all([
    q.mentorCapacity(deps.db, scope.organisationId),
    q.pairingMeetings(deps.db, scope, today),
    q.projectsInScope(deps.db, scope),
    q.measuresInScope(deps.db, scope),
    q.cohortsOfOrganisation(deps.db, scope.organisationId),
    q.enrolmentCounts(deps.db, scope),
  ]);
  const kept = cohorts.filter((c) => cohortInScope(scope, c));
  const participants = (cohortId: string) =>
    enrolments.filter((e) => e.cohort_id === cohortId && e.status !== 'withdrawn').reduce((sum, e) => sum + Number(e.n), 0);

  const mentorRows = mentors.map((m) => {
    const ofMentor = pairings.filter((p) => p.mentor_id === m.id);
    const places = m.places === null ? null : Number(m.places);
    return [
      `${m.given_name} ${m.family_name}`,
      m.school_name ?? 'Central team',
      places ?? 'Not set',
      Number(m.active),
      places === null ? null : percent(Number(m.active), places),
      ofMentor.length,
      ofMentor.reduce((sum, p) => sum + Number(p.held), 0),
    ];
  });

  const cohortRows = kept
    .map((c) => {
      const ofCohort = pairings.filter((p) => p.cohort_id === c.id);
      const held = ofCohort.reduce((sum, p) => sum + Number(p.held), 0);
      const confirmed = ofCohort.reduce((sum, p) => sum + Number(p.confirmed ?? 0), 0);
      const mentored = new Set(ofCohort.map((p) => p.enrolment_id)).size;
      return [
        `${c.programme_title}, ${c.name}`,
        participants(c.id),
        mentored,
        held,
        confirmed,
        mentored === 0 ? null : Math.round((held / mentored) * 10) / 10,
      ];
    })
    .filter((r) => Number(r[1]) > 0 || Number(r[2]) > 0);

  // Each measure's newest outcome decides whether it is met.
  const newest = new Map<string, { project_id: string; baseline_value: number; target_value: number; on: string | null; value: number | null }>();
  for (const m of measures) {
    const found = newest.get(m.id);
    if (!found || (m.measured_on !== null && (found.on === null || m.measured_on > found.on)))
      newest.set(m.id, { project_id: m.project_id, baseline_value: m.baseline_value, target_value: m.target_value, on: m.measured_on, value: m.value });
  }
  const projectRows = kept
    .map((c) => {
      const ofCohort = projects.filter((p) => p.cohort_id === c.id);
      const ids = new Set(ofCohort.map((p) => p.id));
      const ms = [...newest.values()].filter((m) => ids.has(m.project_id));
      const measured = ms.filter((m) => m.value !== null);
      const met = measured.filter((m) => measureMet(m, Number(m.value))).length;
      return [
        `${c.programme_title}, ${c.name}`,
        ofCohort.length,
        ofCohort.filter((p) => p.status === 'submitted').length,
        ofCohort.filter((p) => p.status === 'met').length,
        ms.length,
        measured.length,
        met,
        percent(met, ms.length),
      ];
    })
    .filter((r) => Number(r[1]) > 0);

  return {
    tables: [
      {
        key: 'mentoring-by-cohort',
        caption: 'Mentoring and coaching by cohort',
        headers: ['Cohort', 'Participants', 'With a mentor or coach', 'Meetings held', 'Meetings confirmed by both', 'Meetings per person mentored'],
        numeric: [false, true, true, true, true, true],
        rows: cohortRows,
        empty: 'Nobody on these cohorts has a mentor or coach yet.',
      },
      {
        key: 'mentors',
        caption: 'Each mentor or coach: places, people they support now, and meetings with participants of these cohorts',
        headers: ['Mentor or coach', 'School', 'Places', 'Supporting now', 'Places used (%)', 'Pairings on these cohorts', 'Meetings held'],
        numeric: [false, false, true, true, true, true, true],
        rows: mentorRows,
        empty: 'Nobody has offered places as a mentor or coach yet.',
      },
      {
        key: 'projects',
        caption: 'Projects by cohort, and their measures met (by the newest outcome recorded)',
        headers: [
          'Cohort',
          'Projects',
          'Submitted for assessment',
          'Assessed as met',
          'Measures',
          'Measures with an outcome',
          'Measures met',
          'Measures met (%)',
        ],
        numeric: [false, true, true, true, true, true, true, true],
        rows: projectRows,
        empty: 'Nobody on these cohorts has a project yet.',
      },
    ],
    chart: {
      title: 'Each mentor’s or coach’s places used: the people they support now as a percentage of their places',
      bars: mentorRows.map((r) => ({
        label: String(r[0]),
        value: typeof r[4] === 'number' ? Math.min(r[4], 100) : null,
        text: typeof r[4] === 'number' ? `${r[3]} of ${r[2]} (${r[4]}%)` : `${r[3]}, places not set`,
      })),
    },
  };
}

/** The same day `years` years on (29 February to 28 February, as the string compares). */
const yearsAfter = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

type RoleRow = Awaited<ReturnType<typeof q.rolesHeldOfCompleters>>[number];

/**
 * The days a person's role changed, from their roles held: each role after their first that differs
 * from the one before it (a reactivation reopening the same role is no change), and whether it was to
 * a more senior leadership level.
 */
function roleChanges(rows: RoleRow[]): Map<string, { on: string; moreSenior: boolean }[]> {
  const byPerson = new Map<string, RoleRow[]>();
  for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
  const changes = new Map<string, { on: string; moreSenior: boolean }[]>();
  for (const [personId, held] of byPerson) {
    held.sort((a, b) => a.started_on.localeCompare(b.started_on) || a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    const found: { on: string; moreSenior: boolean }[] = [];
    for (let i = 1; i < held.length; i++) {
      const [before, after] = [held[i - 1] as RoleRow, held[i] as RoleRow];
      if (before.job_title === after.job_title && before.leadership_level === after.leadership_level && before.school_id === after.school_id) continue;
      found.push({ on: after.started_on, moreSenior: LEADERSHIP_RANK[after.leadership_level] > LEADERSHIP_RANK[before.leadership_level] });
    }
    changes.set(personId, found);
  }
  return changes;
}

/** The progression table's columns: the counts, each followed (after the first) by its percentage where it has a base. */
export const PROGRESSION_HEADERS = [
  'Programme',
  'Completed',
  'Completed 1 year ago or more',
  'Changed role within 1 year',
  'Changed role within 1 year (%)',
  'Moved to a more senior level within 1 year',
  'Moved to a more senior level within 1 year (%)',
  'Completed 2 years ago or more',
  'Changed role within 2 years',
  'Changed role within 2 years (%)',
  'Moved to a more senior level within 2 years',
  'Moved to a more senior level within 2 years (%)',
];

/**
 * Progression after each stage of the pathway: of the people who completed a programme (each person
 * once, from their first completion), how many changed role, and how many moved to a more senior
 * leadership level, within 1 and 2 years after completing, from their staff records' roles held. A
 * window counts only people for whom it has ended: those who completed at least that long ago. Counts
 * of people below the threshold are hidden (`c`), and percentages whose count or base is hidden.
 */
async function progression(deps: AppDeps, scope: q.ReportScope, threshold: number): Promise<Omit<MoreReport, 'key' | 'title' | 'intro'> & { intro: string }> {
  const today = londonDate(deps.clock.now());
  const [completions, roles] = await Promise.all([q.completionsInScope(deps.db, scope), q.rolesHeldOfCompleters(deps.db, scope)]);
  const changes = roleChanges(roles);
  const programmes = new Map<string, { title: string; stage: number | null; completedOn: Map<string, string> }>();
  for (const c of completions) {
    const on = londonDate(new Date(c.completed_at ?? c.updated_at));
    const p = programmes.get(c.programme_id) ?? { title: c.programme_title, stage: c.stage_position, completedOn: new Map<string, string>() };
    const earlier = p.completedOn.get(c.person_id);
    if (!earlier || on < earlier) p.completedOn.set(c.person_id, on);
    programmes.set(c.programme_id, p);
  }
  const stages = [...programmes.values()].sort((a, b) => (a.stage ?? 99) - (b.stage ?? 99) || a.title.localeCompare(b.title));
  const counts = stages.map((s) => {
    const row = [s.completedOn.size];
    for (const years of [1, 2]) {
      let base = 0;
      let changed = 0;
      let moreSenior = 0;
      for (const [personId, on] of s.completedOn) {
        const until = yearsAfter(on, years);
        if (until > today) continue;
        base++;
        const within = (changes.get(personId) ?? []).filter((c) => c.on > on && c.on <= until);
        if (within.length > 0) changed++;
        if (within.some((c) => c.moreSenior)) moreSenior++;
      }
      row.push(base, changed, moreSenior);
    }
    return row;
  });
  // The columns overlap (a promotion is also a change of role), so no count adds up to another:
  // hiding the small ones is enough for none to be worked out.
  const shown = suppress({ cells: counts, rowTotals: false, columnTotals: false }, threshold).cells;
  const rows = stages.map((s, i) => {
    const [completed, base1, changed1, senior1, base2, changed2, senior2] = shown[i] as Shown[];
    const pct = (count: Shown | undefined, base: Shown | undefined) => shownPercent(count ?? SUPPRESSED, base ?? SUPPRESSED, threshold);
    return [
      s.title,
      completed ?? SUPPRESSED,
      base1 ?? SUPPRESSED,
      changed1 ?? SUPPRESSED,
      pct(changed1, base1),
      senior1 ?? SUPPRESSED,
      pct(senior1, base1),
      base2 ?? SUPPRESSED,
      changed2 ?? SUPPRESSED,
      pct(changed2, base2),
      senior2 ?? SUPPRESSED,
      pct(senior2, base2),
    ];
  });
  const bar = (label: string, value: string | number | null | undefined) => ({
    label,
    value: typeof value === 'number' ? value : null,
    text: typeof value === 'number' ? `${value}%` : value === SUPPRESSED ? 'c (too few people to show)' : 'nobody yet',
  });
  return {
    intro:
      'Of the people who completed each programme, how many changed role (a new job title, leadership level or school on their staff record) and how many moved to a more senior leadership level, within 1 year and within 2 years after completing. ' +
      'Each window counts only the people who completed at least that long ago, so the “within 2 years” columns count fewer people than “Completed”. ' +
      `Counts of fewer than ${threshold} people are hidden and shown as c, as are percentages of them; z means nobody has completed that long ago yet.`,
    tables: [
      {
        key: 'by-programme',
        caption: 'Role changes within 1 and 2 years of completing each programme, in pathway order',
        headers: PROGRESSION_HEADERS,
        numeric: PROGRESSION_HEADERS.map((_, i) => i > 0),
        rows,
        empty: 'Nobody has completed these programmes yet.',
      },
    ],
    chart: {
      title: 'The percentage of people who changed role within 1 and within 2 years of completing each programme',
      bars: rows.flatMap((r) => [bar(`${r[0]}: within 1 year`, r[4]), bar(`${r[0]}: within 2 years`, r[9])]),
    },
  };
}

const COLLEAGUE_GROUPS: RaterGroup[] = ['line_manager', 'peer', 'direct_report', 'other'];

/**
 * Each cohort's 360 profile by skill: the average of each colleague group and of all colleagues,
 * pooled over the cohort's closed rounds, shown only where the feedback feature's anonymity rules
 * allow (`discloseSkill`): a round's group with fewer people than its minimum is in no figure; a
 * pooled group is shown only from its minimum (the largest of its rounds', and never less than 3, the
 * line manager included, since pooled they are no longer one named person); "All colleagues" is
 * withheld when it would give a folded group away. And a cohort's profile needs at least the report
 * threshold of participants, so no one person's feedback is shown.
 */
async function feedbackProfiles(deps: AppDeps, scope: q.ReportScope, threshold: number): Promise<Omit<MoreReport, 'key' | 'title' | 'intro'>> {
  const today = londonDate(deps.clock.now());
  const [rounds, cohorts] = await Promise.all([q.closedRoundsInScope(deps.db, scope, today), q.cohortsOfOrganisation(deps.db, scope.organisationId)]);
  const ids = rounds.map((r) => r.id);
  const [groups, responses, skills] = await Promise.all([q.roundGroups(deps.db, ids), q.colleagueResponses(deps.db, ids), q.skillsOfRounds(deps.db, ids)]);
  const rows: (string | number | null)[][] = [];
  for (const c of cohorts.filter((x) => cohortInScope(scope, x))) {
    const ofCohort = new Set(rounds.filter((r) => r.cohort_id === c.id).map((r) => r.id));
    if (ofCohort.size === 0) continue;
    // A round's group below its minimum is in no figure at all.
    const counted = new Set(
      groups
        .filter(
          (g) =>
            ofCohort.has(g.round_id) &&
            !isHidden({ group: g.rater_group, minimum: Number(g.minimum), anonymous: true, count: 0, sum: 0, respondents: Number(g.answered) }),
        )
        .map((g) => `${g.round_id} ${g.rater_group}`),
    );
    const minimum = new Map<RaterGroup, number>();
    for (const g of groups)
      if (ofCohort.has(g.round_id)) minimum.set(g.rater_group, Math.max(minimum.get(g.rater_group) ?? DEFAULT_GROUP_MINIMUM, Number(g.minimum)));
    const cohortSkills = new Map<string, { code: string; title: string }>();
    for (const s of skills) if (ofCohort.has(s.round_id)) cohortSkills.set(s.id, { code: s.code, title: s.title });
    const parsed = responses
      .filter((r) => ofCohort.has(r.round_id) && counted.has(`${r.round_id} ${r.rater_group}`))
      .map((r) => {
        let ratings: Record<string, number | null> = {};
        try {
          ratings = JSON.parse(r.ratings);
        } catch {
          ratings = {};
        }
        return { group: r.rater_group, ratings };
      });
    const respondents = (group: RaterGroup) => parsed.filter((r) => r.group === group).length;
    const enough = ofCohort.size >= threshold;
    for (const [skillId, s] of [...cohortSkills].sort((a, b) => a[1].code.localeCompare(b[1].code, undefined, { numeric: true }))) {
      const scores: GroupScores[] = COLLEAGUE_GROUPS.map((group) => {
        const given = parsed.filter((r) => r.group === group).map((r) => r.ratings[skillId]);
        const numbers = given.filter((v): v is number => typeof v === 'number');
        return {
          group,
          minimum: Math.max(DEFAULT_GROUP_MINIMUM, minimum.get(group) ?? DEFAULT_GROUP_MINIMUM),
          anonymous: true,
          count: numbers.length,
          sum: numbers.reduce((a, b) => a + b, 0),
          respondents: respondents(group),
        };
      });
      const disclosed = discloseSkill(scores);
      const mean = (count: number, sum: number) => Math.round((sum / count) * 10) / 10;
      const cells = disclosed.groups.map((g) =>
        !enough ? SUPPRESSED : g.decision === 'shown' ? mean(g.count, g.sum) : g.decision === 'no_scores' && g.respondents === 0 ? 'z' : SUPPRESSED,
      );
      const all = disclosed.allOthers;
      const allCell = !enough ? SUPPRESSED : all.decision === 'shown' ? mean(all.count, all.sum) : all.decision === 'no_scores' ? 'z' : SUPPRESSED;
      rows.push([`${c.programme_title}, ${c.name}`, `${s.code} ${s.title}`, enough ? ofCohort.size : SUPPRESSED, ...cells, allCell]);
    }
  }
  return {
    tables: [
      {
        key: 'skills',
        caption: '360 feedback by skill: the average rating (1 to 5) each group of colleagues gave the cohort',
        headers: [
          'Cohort',
          'Skill',
          'Participants',
          ...COLLEAGUE_GROUPS.map((g) => RATER_GROUP_LABELS[g].plural.replace('Line manager', 'Line managers')),
          'All colleagues',
        ],
        numeric: [false, false, true, true, true, true, true, true],
        rows,
        empty: 'No 360 rounds of these cohorts have closed yet.',
      },
    ],
    chart: null,
  };
}

const PAGES = {
  attendance: {
    title: 'Attendance',
    intro: 'Attendance at the sessions of each cohort held so far: present and late count as attending. “Not taken” means no register was recorded.',
    build: (deps: AppDeps, scope: q.ReportScope) => attendance(deps, scope),
  },
  mentoring: {
    title: 'Mentoring and projects',
    intro:
      'How much mentoring and coaching the cohorts have had, how much of each mentor’s or coach’s offer of places is used, and how participants’ projects are doing against their measures.',
    build: (deps: AppDeps, scope: q.ReportScope) => mentoringAndProjects(deps, scope),
  },
  feedback: {
    title: '360 feedback by cohort',
    intro:
      'What colleagues said in the cohort’s 360 feedback, skill by skill, pooled over every round that has closed. Figures are shown only as the 360 feedback’s anonymity rules allow: c marks a figure withheld to keep respondents anonymous, z a group with no answers.',
    build: async (deps: AppDeps, scope: q.ReportScope) => feedbackProfiles(deps, scope, await suppressionThreshold(deps, scope.organisationId)),
  },
  progression: {
    title: 'Progression after programmes',
    intro: '',
    build: async (deps: AppDeps, scope: q.ReportScope) => progression(deps, scope, await suppressionThreshold(deps, scope.organisationId)),
  },
} as const;

export type MoreReportKey = keyof typeof PAGES;
export const MORE_REPORTS = Object.keys(PAGES) as MoreReportKey[];

/** One of the report pages, with its filters. */
export async function moreReport(deps: AppDeps, viewer: Viewer, key: MoreReportKey, query: ReportQuery) {
  const choices = await reportChoices(deps, viewer, query);
  const page = PAGES[key];
  const built = await page.build(deps, choices.scope);
  const report: MoreReport = { key, title: page.title, intro: page.intro, ...built };
  return { choices, report };
}

/** One table of a report page as a download, with the same columns; NotFound for an unknown table. */
export async function moreReportDownload(deps: AppDeps, viewer: Viewer, key: MoreReportKey, table: string, query: ReportQuery): Promise<Download> {
  const { choices, report } = await moreReport(deps, viewer, key, query);
  requireValid(choices);
  const found = report.tables.find((t) => t.key === table);
  if (!found) throw new NotFound();
  return { fileName: `${key}-${found.key}${fileSuffix(choices)}.csv`, headers: found.headers, rows: found.rows };
}
