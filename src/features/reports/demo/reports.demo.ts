import type { Transaction } from 'kysely';
import { addDays, londonDate } from '../../../platform/dates';
import type { Clock } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import type { DemoContext, DemoStep } from '../../../platform/module';
import type { LeadershipLevel } from '../../staff';

type Trx = Transaction<Database>;

// The trust's history, for the reports that look back: the pipeline's flow between stages by year,
// application, acceptance and completion rates, withdrawal reasons and progression after each stage.
// Past cohorts of the leadership ladder's first two stages, placed in the academic years before the
// demo's current one (so the years read the same whenever the demo is seeded), with applications,
// completed and withdrawn places, and the role changes on the staff records that followed.

const MIDDLE = 'Towards Middle Leadership';
const SENIOR = 'Towards Senior Leadership';

interface PastCohort {
  programme: typeof MIDDLE | typeof SENIOR;
  name: string;
  /** Which academic year: 1 is the one before the demo's current year. */
  yearsBack: number;
  /** Month and day ('MM-DD') it started and ended in that academic year. */
  starts: string;
  ends: string;
  /** Who completed it, on its last day. */
  completed: string[];
  /** Who withdrew, how many days after it started, and why. */
  withdrawn: { person: string; afterDays: number; reason: string }[];
}

/**
 * The ladder's past cohorts. Most people who completed Towards Middle Leadership three and two years
 * ago moved on to Towards Senior Leadership the year after (two of them withdrew); last year's
 * completers (Cohort 6, with certificates, from the certificates step) haven't moved on yet. Only
 * accepted applications are left: declined ones are deleted six months after the decision.
 */
const PAST_COHORTS: PastCohort[] = [
  {
    programme: MIDDLE,
    name: 'Cohort 3',
    yearsBack: 3,
    starts: '10-02',
    ends: '03-21',
    completed: ['rEng', 'rY7', 'hEng', 'oKs1', 'oKs2', 'rSenco', 'oT4'],
    withdrawn: [],
  },
  {
    programme: SENIOR,
    name: 'Cohort 1',
    yearsBack: 3,
    starts: '09-18',
    ends: '07-10',
    completed: ['rAss', 'oDep'],
    withdrawn: [],
  },
  {
    programme: MIDDLE,
    name: 'Cohort 4',
    yearsBack: 2,
    starts: '09-23',
    ends: '03-13',
    completed: ['oSenco', 'hEy', 'rOff', 'hOff', 'rBm', 'rTa2', 'oTa1'],
    withdrawn: [{ person: 'rHum1', afterDays: 60, reason: 'Caring for a family member this year; hopes to join a later cohort' }],
  },
  {
    programme: SENIOR,
    name: 'Cohort 2',
    yearsBack: 2,
    starts: '09-16',
    ends: '07-09',
    completed: ['rEng', 'rY7', 'oKs1', 'oKs2', 'rSenco', 'oOff'],
    withdrawn: [{ person: 'oT4', afterDays: 75, reason: 'Took on a Year 6 class with the new curriculum mid-year and could not give the project the time' }],
  },
  {
    programme: SENIOR,
    name: 'Cohort 3',
    yearsBack: 1,
    starts: '09-15',
    ends: '07-08',
    completed: ['oSenco', 'hEy', 'rOff', 'hOff', 'rBm'],
    withdrawn: [{ person: 'hEng', afterDays: 120, reason: 'Parental leave from January; will rejoin a later cohort' }],
  },
];

/** A day a role began: some days after a past cohort's last day, or a day of an earlier academic year. */
type Anchor = { cohort: `${typeof MIDDLE | typeof SENIOR}, ${string}`; days: number } | { yearsBack: number; on: string };

/**
 * Role histories on the staff records: the roles someone held before the one their record shows
 * now, and when each (and the one now) began. The changes after completing a stage are what the
 * progression report counts; Hannah Jones's are what her leadership record lists under Roles held.
 */
const ROLE_HISTORIES: { person: string; earlier: { title: string; level: LeadershipLevel; from: Anchor }[]; nowFrom: Anchor }[] = [
  // Towards Middle Leadership, Cohort 3: five promoted within a year, one more within two.
  {
    person: 'rEng',
    earlier: [
      { title: 'Teacher of English', level: 'none', from: { yearsBack: 6, on: '09-01' } },
      { title: 'Second in English', level: 'middle', from: { cohort: `${MIDDLE}, Cohort 3`, days: 120 } },
    ],
    nowFrom: { cohort: `${SENIOR}, Cohort 2`, days: 60 },
  },
  {
    person: 'rY7',
    earlier: [{ title: 'Teacher of Geography', level: 'none', from: { yearsBack: 6, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 3`, days: 60 },
  },
  {
    person: 'hEng',
    earlier: [{ title: 'Year 4 Teacher', level: 'none', from: { yearsBack: 5, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 3`, days: 250 },
  },
  {
    person: 'oKs1',
    earlier: [{ title: 'Year 2 Teacher', level: 'none', from: { yearsBack: 7, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 3`, days: 180 },
  },
  {
    person: 'oKs2',
    earlier: [
      { title: 'Year 5 Teacher', level: 'none', from: { yearsBack: 6, on: '09-01' } },
      { title: 'Upper Key Stage 2 Phase Leader', level: 'middle', from: { cohort: `${MIDDLE}, Cohort 3`, days: 300 } },
    ],
    nowFrom: { cohort: `${SENIOR}, Cohort 2`, days: 100 },
  },
  {
    person: 'rSenco',
    earlier: [{ title: 'Teacher of English and Assistant SENCo', level: 'none', from: { yearsBack: 6, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 3`, days: 500 },
  },
  {
    person: 'oT4',
    earlier: [{ title: 'Year 6 Teacher', level: 'none', from: { yearsBack: 6, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 3`, days: 900 },
  },
  // Towards Middle Leadership, Cohort 4.
  {
    person: 'oSenco',
    earlier: [{ title: 'Year 3 Teacher', level: 'none', from: { yearsBack: 6, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 4`, days: 150 },
  },
  {
    person: 'hEy',
    earlier: [{ title: 'Reception Teacher', level: 'none', from: { yearsBack: 6, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 4`, days: 90 },
  },
  {
    person: 'rOff',
    earlier: [{ title: 'Administrator', level: 'none', from: { yearsBack: 6, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 4`, days: 200 },
  },
  {
    person: 'hOff',
    earlier: [{ title: 'Administrative Officer', level: 'none', from: { yearsBack: 6, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 4`, days: 420 },
  },
  {
    person: 'rBm',
    earlier: [
      { title: 'Finance Officer', level: 'none', from: { yearsBack: 6, on: '09-01' } },
      { title: 'Finance Manager', level: 'middle', from: { cohort: `${MIDDLE}, Cohort 4`, days: 100 } },
    ],
    nowFrom: { cohort: `${SENIOR}, Cohort 3`, days: 45 },
  },
  {
    person: 'rTa2',
    earlier: [{ title: 'Teaching Assistant', level: 'none', from: { yearsBack: 6, on: '09-01' } }],
    nowFrom: { cohort: `${MIDDLE}, Cohort 4`, days: 300 },
  },
  // Towards Senior Leadership, Cohorts 1 and 2.
  {
    person: 'rAss',
    earlier: [{ title: 'Head of Science', level: 'middle', from: { yearsBack: 8, on: '09-01' } }],
    nowFrom: { cohort: `${SENIOR}, Cohort 1`, days: 200 },
  },
  {
    person: 'oOff',
    earlier: [{ title: 'Office Manager', level: 'middle', from: { yearsBack: 7, on: '09-01' } }],
    nowFrom: { cohort: `${SENIOR}, Cohort 2`, days: 30 },
  },
  // Hannah Jones, whose leadership record lists her roles: teacher, then key stage 3 coordinator, then second in department.
  {
    person: 'rMat3',
    earlier: [
      { title: 'Teacher of Mathematics', level: 'none', from: { yearsBack: 7, on: '09-01' } },
      { title: 'Key Stage 3 Mathematics Coordinator', level: 'middle', from: { yearsBack: 4, on: '09-01' } },
    ],
    nowFrom: { yearsBack: 2, on: '09-01' },
  },
];

/** The first calendar year of the academic year (from 1 September) that `today` (YYYY-MM-DD) falls in. */
function academicYearOfDay(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 9 ? year : year - 1;
}

/** The day 'MM-DD' of the academic year `yearsBack` years before today's (September to December in its first calendar year). */
function dayOfAcademicYear(today: string, yearsBack: number, monthDay: string): string {
  const first = academicYearOfDay(today) - yearsBack;
  return `${Number(monthDay.slice(0, 2)) >= 9 ? first : first + 1}-${monthDay}`;
}

/** Seeds one past cohort with its accepted applications, places, completions and withdrawals. */
async function seedPastCohort(trx: Trx, context: DemoContext, today: string, programmeId: string, cohort: PastCohort): Promise<void> {
  const { organisationId, ids } = context;
  const person = (key: string) => {
    const value = ids.get(key);
    if (!value) throw new Error(`no demo person ${key}`);
    return value;
  };
  const startsOn = dayOfAcademicYear(today, cohort.yearsBack, cohort.starts);
  const endsOn = dayOfAcademicYear(today, cohort.yearsBack, cohort.ends);
  const opensOn = addDays(startsOn, -150);
  const closesOn = addDays(startsOn, -100);
  const decidedOn = addDays(closesOn, 21);
  const at = (day: string, time = '10:00') => `${day}T${time}:00.000Z`;
  const cohortId = newId();
  await trx
    .insertInto('cohorts')
    .values({
      id: cohortId,
      organisation_id: organisationId,
      programme_id: programmeId,
      name: cohort.name,
      name_normalised: cohort.name.toLowerCase(),
      applications_open_on: opensOn,
      applications_close_on: closesOn,
      endorsement_deadline: addDays(closesOn, 14),
      starts_on: startsOn,
      ends_on: endsOn,
      capacity: 16,
      needs_line_manager: 1,
      needs_headteacher: 1,
      created_at: at(addDays(opensOn, -30)),
      updated_at: at(endsOn, '16:00'),
    })
    .execute();
  await trx
    .insertInto('cohort_leads')
    .values({ cohort_id: cohortId, person_id: person('director') })
    .execute();
  const declarations = await trx.selectFrom('programmes').select('declarations').where('id', '=', programmeId).executeTakeFirstOrThrow();

  const applicants = [
    ...cohort.completed.map((key) => ({ key, place: 'completed' as const, reason: null })),
    ...cohort.withdrawn.map((w) => ({ key: w.person, place: 'withdrawn' as const, reason: w.reason, afterDays: w.afterDays })),
  ];
  // Only accepted applications: declined ones are deleted six months after the decision (the
  // retention sweep would delete them at the demo's first run), so past cohorts have none left.
  const decision = 'A strong application with clear support from your school.';
  for (const [i, applicant] of applicants.entries()) {
    const personId = person(applicant.key);
    const submittedOn = addDays(closesOn, -3 - i * 2);
    const details = await trx.selectFrom('people').select(['school_id', 'line_manager_id', 'job_title']).where('id', '=', personId).executeTakeFirstOrThrow();
    // The role they held when they applied, from their staff record's history.
    const heldThen = await trx
      .selectFrom('roles_held')
      .select('job_title')
      .where('person_id', '=', personId)
      .where('started_on', '<=', submittedOn)
      .orderBy('started_on', 'desc')
      .executeTakeFirst();
    const head = details.school_id
      ? await trx.selectFrom('people').select('id').where('school_id', '=', details.school_id).where('leadership_level', '=', 'headteacher').executeTakeFirst()
      : undefined;
    const applicationId = newId();
    await trx
      .insertInto('applications')
      .values({
        id: applicationId,
        organisation_id: organisationId,
        cohort_id: cohortId,
        person_id: personId,
        school_id: details.school_id,
        status: 'accepted',
        live_slot: 'live',
        current_role: heldThen?.job_title ?? details.job_title,
        experience: 'I have led projects with colleagues in my team and want to take on more responsibility for how we work together.',
        motivation: 'I want to learn to lead colleagues well, and my line manager has encouraged me to take the next step.',
        declarations: declarations.declarations,
        coach_person_id: null,
        coach_name: null,
        coach_email: null,
        project_idea: null,
        eligible: 1,
        eligibility_notes: '[]',
        recommendation_id: null,
        decision_reason: decision,
        submitted_at: at(submittedOn),
        decided_at: at(decidedOn, '14:00'),
        waitlisted_at: null,
        created_at: at(addDays(submittedOn, -2)),
        updated_at: at(decidedOn, '14:00'),
      })
      .execute();
    const event = (status: 'submitted' | 'awaiting_endorsement' | 'endorsed' | 'accepted', actor: string | null, reason: string | null, day: string) =>
      trx
        .insertInto('application_events')
        .values({ id: newId(), application_id: applicationId, status, actor_id: actor, reason, created_at: at(day, '12:00') })
        .execute();
    await event('submitted', personId, null, submittedOn);
    await event('awaiting_endorsement', null, null, submittedOn);
    for (const [kind, answeredBy, afterDays] of [
      ['line_manager', details.line_manager_id, 2],
      ['headteacher', head?.id ?? details.line_manager_id, 5],
    ] as const) {
      await trx
        .insertInto('endorsements')
        .values({
          id: newId(),
          application_id: applicationId,
          kind,
          endorser_id: kind === 'line_manager' ? details.line_manager_id : null,
          school_id: details.school_id,
          status: 'supported',
          comment: 'Fully supported: ready for the next step and respected by colleagues.',
          answered_by: answeredBy,
          requested_at: at(submittedOn, '12:00'),
          due_on: addDays(closesOn, 14),
          reminded_at: null,
          answered_at: at(addDays(submittedOn, afterDays)),
          created_at: at(submittedOn, '12:00'),
        })
        .execute();
    }
    await event('endorsed', head?.id ?? null, null, addDays(submittedOn, 5));
    await event('accepted', person('director'), decision, decidedOn);

    const withdrawnOn = applicant.place === 'withdrawn' ? addDays(startsOn, applicant.afterDays) : null;
    const enrolmentId = newId();
    await trx
      .insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: organisationId,
        application_id: applicationId,
        cohort_id: cohortId,
        programme_id: programmeId,
        person_id: personId,
        status: applicant.place,
        return_cohort_id: null,
        status_reason: applicant.reason,
        completed_at: applicant.place === 'completed' ? at(endsOn, '15:00') : null,
        created_at: at(decidedOn, '14:00'),
        updated_at: withdrawnOn ? at(withdrawnOn) : at(endsOn, '15:00'),
      })
      .execute();
    await trx
      .insertInto('enrolment_events')
      .values([
        {
          id: newId(),
          enrolment_id: enrolmentId,
          status: 'active',
          actor_id: person('director'),
          reason: 'Place offered after review of applications',
          created_at: at(decidedOn, '14:00'),
        },
        withdrawnOn
          ? { id: newId(), enrolment_id: enrolmentId, status: 'withdrawn', actor_id: person('director'), reason: applicant.reason, created_at: at(withdrawnOn) }
          : { id: newId(), enrolment_id: enrolmentId, status: 'completed', actor_id: person('director'), reason: null, created_at: at(endsOn, '15:00') },
      ])
      .execute();
  }
}

/** Rewrites a person's roles held as their history: the earlier roles, then the role they hold now from the day it began. */
async function seedRoleHistory(trx: Trx, context: DemoContext, today: string, history: (typeof ROLE_HISTORIES)[number], dayOf: (anchor: Anchor) => string) {
  const personId = context.ids.get(history.person);
  if (!personId) return;
  const now = await trx
    .selectFrom('roles_held')
    .select(['id', 'school_id', 'created_at'])
    .where('person_id', '=', personId)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  if (!now) return;
  // Never later than the demo's today (the last change of the oldest cohort can be, early in September).
  const starts = [...history.earlier.map((r) => r.from), history.nowFrom].map((anchor) => {
    const day = dayOf(anchor);
    return day > today ? today : day;
  });
  await trx
    .updateTable('roles_held')
    .set({ started_on: starts[starts.length - 1] as string })
    .where('id', '=', now.id)
    .execute();
  for (const [i, role] of history.earlier.entries()) {
    await trx
      .insertInto('roles_held')
      .values({
        id: newId(),
        organisation_id: context.organisationId,
        person_id: personId,
        job_title: role.title,
        leadership_level: role.level,
        school_id: now.school_id,
        started_on: starts[i] as string,
        ended_on: starts[i + 1] as string,
        created_at: now.created_at,
      })
      .execute();
  }
}

async function seedHistory(trx: Trx, clock: Clock, context: DemoContext) {
  const today = londonDate(clock.now());
  const programmes = await trx
    .selectFrom('programmes')
    .select(['id', 'title'])
    .where('organisation_id', '=', context.organisationId)
    .where('title', 'in', [MIDDLE, SENIOR])
    .execute();
  const endedOn = new Map<string, string>();
  for (const cohort of PAST_COHORTS) {
    const cohortEnds = dayOfAcademicYear(today, cohort.yearsBack, cohort.ends);
    endedOn.set(`${cohort.programme}, ${cohort.name}`, cohortEnds);
  }
  const dayOf = (anchor: Anchor) => {
    if ('yearsBack' in anchor) return dayOfAcademicYear(today, anchor.yearsBack, anchor.on);
    const ended = endedOn.get(anchor.cohort);
    if (!ended) throw new Error(`no past cohort ${anchor.cohort}`);
    return addDays(ended, anchor.days);
  };
  // Roles first, so each application records the role its applicant held when they applied.
  for (const history of ROLE_HISTORIES) await seedRoleHistory(trx, context, today, history, dayOf);
  for (const cohort of PAST_COHORTS) {
    const programme = programmes.find((p) => p.title === cohort.programme);
    if (programme) await seedPastCohort(trx, context, today, programme.id, cohort);
  }
}

/**
 * The reports read what the other features' demo steps seed. This step adds the trust's history
 * (past cohorts of the leadership ladder with applications, completions, withdrawals and the role
 * changes that followed, for the flow, rates and progression reports), and prints one more sign-in: a
 * line manager whose team is on programmes (two of the head of mathematics's department are), so My
 * team shows progress and attendance.
 */
export const reportsDemo: DemoStep = {
  async seed(trx, clock, context) {
    await seedHistory(trx, clock, context);
    const id = context.ids.get('rMat');
    if (!id) return [];
    const person = await trx.selectFrom('people').select('email').where('id', '=', id).executeTakeFirst();
    return person ? [{ who: 'My team with people on programmes (head of mathematics)', email: person.email }] : [];
  },
};
