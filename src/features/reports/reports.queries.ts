import type { Executor } from '../../platform/db/database';
import type { ApplicationStatus } from '../cohorts';
import type { EnrolmentStatus } from '../enrolments';
import type { StaffType } from '../staff';

// Reports read every feature's tables, read-only (docs/architecture.md: "reports may read
// everything"). Nothing here writes; every query is scoped to one organisation.

/** Applications a programme lead can decide on now: submitted with no support still awaited, or endorsed. */
export const READY_TO_DECIDE: readonly ApplicationStatus[] = ['submitted', 'endorsed'];

/** How far back a session's register still counts as "to take": older gaps are history, not a task. */
export const REGISTER_WINDOW_DAYS = 60;

// ----- Work queues -----

/** Applications ready for a decision, by cohort (cohorts of the organisation; for programme leads). */
export function applicationsToDecide(db: Executor, organisationId: string) {
  return db
    .selectFrom('applications')
    .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select((eb) => ['cohorts.id as cohort_id', 'cohorts.name as cohort_name', 'programmes.title as programme_title', eb.fn.countAll<number>().as('n')])
    .where('applications.organisation_id', '=', organisationId)
    .where('applications.status', 'in', [...READY_TO_DECIDE])
    .groupBy(['cohorts.id', 'cohorts.name', 'programmes.title'])
    .orderBy('programmes.title')
    .orderBy('cohorts.name')
    .execute();
}

/** Support (endorsements) asked for and not given by its due date, by cohort. */
export function endorsementsOverdue(db: Executor, organisationId: string, today: string) {
  return db
    .selectFrom('endorsements')
    .innerJoin('applications', 'applications.id', 'endorsements.application_id')
    .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select((eb) => ['cohorts.id as cohort_id', 'cohorts.name as cohort_name', 'programmes.title as programme_title', eb.fn.countAll<number>().as('n')])
    .where('applications.organisation_id', '=', organisationId)
    .where('applications.status', '=', 'awaiting_endorsement')
    .where('endorsements.status', '=', 'requested')
    .where('endorsements.due_on', '<', today)
    .groupBy(['cohorts.id', 'cohorts.name', 'programmes.title'])
    .orderBy('programmes.title')
    .orderBy('cohorts.name')
    .execute();
}

/** Cohort sessions held in the last REGISTER_WINDOW_DAYS days with no attendance recorded at all. */
export function registersNotTaken(db: Executor, organisationId: string, now: string, since: string) {
  return db
    .selectFrom('sessions_events')
    .innerJoin('cohorts', 'cohorts.id', 'sessions_events.cohort_id')
    .select(['sessions_events.id', 'sessions_events.title', 'sessions_events.starts_at', 'cohorts.name as cohort_name'])
    .where('sessions_events.organisation_id', '=', organisationId)
    .where('sessions_events.status', '=', 'scheduled')
    .where('sessions_events.starts_at', '<=', now)
    .where('sessions_events.starts_at', '>=', since)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('session_attendance').select('session_attendance.session_id').whereRef('session_attendance.session_id', '=', 'sessions_events.id')),
      ),
    )
    .orderBy('sessions_events.starts_at')
    .execute();
}

/** Cohorts that have ended with participants still active: their completion waits to be confirmed. */
export function completionsToConfirm(db: Executor, organisationId: string, today: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select((eb) => ['cohorts.id as cohort_id', 'cohorts.name as cohort_name', 'programmes.title as programme_title', eb.fn.countAll<number>().as('n')])
    .where('enrolments.organisation_id', '=', organisationId)
    .where('enrolments.status', '=', 'active')
    .where('cohorts.ends_on', '<=', today)
    .groupBy(['cohorts.id', 'cohorts.name', 'programmes.title'])
    .orderBy('programmes.title')
    .orderBy('cohorts.name')
    .execute();
}

/**
 * Submitted projects the viewer assesses: those naming them as assessor, and (for programme leads)
 * those naming nobody. Never their own.
 */
export function projectsToAssess(db: Executor, organisationId: string, viewerId: string, isLead: boolean) {
  return db
    .selectFrom('projects')
    .innerJoin('people', 'people.id', 'projects.person_id')
    .select(['projects.id', 'projects.title', 'people.given_name', 'people.family_name'])
    .where('projects.organisation_id', '=', organisationId)
    .where('projects.status', '=', 'submitted')
    .where('projects.person_id', '!=', viewerId)
    .where((eb) =>
      isLead ? eb.or([eb('projects.assessor_id', '=', viewerId), eb('projects.assessor_id', 'is', null)]) : eb('projects.assessor_id', '=', viewerId),
    )
    .orderBy('projects.updated_at')
    .execute();
}

/** Outside addresses for 360 feedback awaiting approval: the viewer's reports' (or everyone's, for programme leads). */
export async function feedbackApprovalsWaiting(db: Executor, organisationId: string, viewerId: string, isLead: boolean, today: string): Promise<number> {
  const row = await db
    .selectFrom('feedback_respondents')
    .innerJoin('feedback_rounds', 'feedback_rounds.id', 'feedback_respondents.round_id')
    .innerJoin('people', 'people.id', 'feedback_rounds.person_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('feedback_rounds.organisation_id', '=', organisationId)
    .where('feedback_rounds.closed_at', 'is', null)
    .where('feedback_rounds.closes_on', '>=', today)
    .where('feedback_respondents.status', '=', 'awaiting_approval')
    .where('feedback_rounds.person_id', '!=', viewerId)
    .$if(!isLead, (qb) => qb.where('people.line_manager_id', '=', viewerId))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ----- People and their programmes -----

/** Active staff of the organisation line managed by the viewer. */
export function directReports(db: Executor, organisationId: string, managerId: string) {
  return people(db, organisationId).where('people.line_manager_id', '=', managerId).execute();
}

/** Active staff of one school. */
export function staffOfSchool(db: Executor, organisationId: string, schoolId: string) {
  return people(db, organisationId).where('people.school_id', '=', schoolId).execute();
}

/** One member of staff of the organisation (any status), or undefined. */
export function findPerson(db: Executor, organisationId: string, personId: string) {
  return db
    .selectFrom('people')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select([
      'people.id',
      'people.given_name',
      'people.family_name',
      'people.job_title',
      'people.school_id',
      'people.line_manager_id',
      'people.organisation_id',
      'schools.name as school_name',
    ])
    .where('people.organisation_id', '=', organisationId)
    .where('people.id', '=', personId)
    .executeTakeFirst();
}

function people(db: Executor, organisationId: string) {
  return db
    .selectFrom('people')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select(['people.id', 'people.given_name', 'people.family_name', 'people.job_title', 'people.school_id', 'schools.name as school_name'])
    .where('people.organisation_id', '=', organisationId)
    .where('people.status', '=', 'active')
    .orderBy('people.family_name')
    .orderBy('people.given_name');
}

/** One school of the organisation, or undefined. */
export function findSchool(db: Executor, organisationId: string, schoolId: string) {
  return db.selectFrom('schools').select(['id', 'name']).where('organisation_id', '=', organisationId).where('id', '=', schoolId).executeTakeFirst();
}

export interface EnrolmentRow {
  id: string;
  person_id: string;
  organisation_id: string;
  cohort_id: string;
  programme_id: string;
  status: EnrolmentStatus;
  completed_at: string | null;
  programme_title: string;
  modules_required: number | null;
  cohort_name: string;
  starts_on: string;
  ends_on: string;
}

/** Every enrolment of these people (any status), newest cohort first. */
export async function enrolmentsOfPeople(db: Executor, organisationId: string, personIds: readonly string[]): Promise<EnrolmentRow[]> {
  if (personIds.length === 0) return [];
  const rows: EnrolmentRow[] = [];
  // In slices, so a whole trust's staff stays under every engine's limit on bound parameters.
  for (let i = 0; i < personIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('enrolments')
        .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
        .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
        .select([
          'enrolments.id',
          'enrolments.person_id',
          'enrolments.organisation_id',
          'enrolments.cohort_id',
          'enrolments.programme_id',
          'enrolments.status',
          'enrolments.completed_at',
          'programmes.title as programme_title',
          'programmes.modules_required',
          'cohorts.name as cohort_name',
          'cohorts.starts_on',
          'cohorts.ends_on',
        ])
        .where('enrolments.organisation_id', '=', organisationId)
        .where('enrolments.person_id', 'in', personIds.slice(i, i + 500))
        .orderBy('cohorts.starts_on', 'desc')
        .execute()),
    );
  }
  return rows;
}

/** Applications of these people still in progress (sent, not yet decided), for "applied" in a school's view. */
export async function openApplicationsOfPeople(db: Executor, organisationId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  const rows = [];
  for (let i = 0; i < personIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('applications')
        .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
        .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
        .select(['applications.id', 'applications.person_id', 'applications.status', 'programmes.title as programme_title', 'cohorts.name as cohort_name'])
        .where('applications.organisation_id', '=', organisationId)
        .where('applications.person_id', 'in', personIds.slice(i, i + 500))
        .where('applications.status', 'in', ['submitted', 'awaiting_endorsement', 'endorsed', 'waitlisted'])
        .execute()),
    );
  }
  return rows;
}

/** The mentor or coach of each enrolment in an active pairing. */
export async function mentorsOfEnrolments(db: Executor, enrolmentIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < enrolmentIds.length; i += 500) {
    const rows = await db
      .selectFrom('mentoring_pairings')
      .innerJoin('people', 'people.id', 'mentoring_pairings.mentor_id')
      .select(['mentoring_pairings.enrolment_id', 'people.given_name', 'people.family_name'])
      .where('mentoring_pairings.enrolment_id', 'in', enrolmentIds.slice(i, i + 500))
      .where('mentoring_pairings.status', '=', 'active')
      .execute();
    for (const row of rows) if (row.enrolment_id) found.set(row.enrolment_id, `${row.given_name} ${row.family_name}`);
  }
  return found;
}

/** The programme's requirements, as the completion engine takes them. */
export function requirementsOfProgrammes(db: Executor, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programme_requirements')
    .select(['id', 'programme_id', 'kind', 'position', 'settings'])
    .where('programme_id', 'in', [...programmeIds])
    .orderBy('position')
    .execute();
}

// ----- Cohorts (programme leads' downloads) -----

/** Every cohort of the organisation with its programme, newest start first. */
export function cohortsOfOrganisation(db: Executor, organisationId: string) {
  return db
    .selectFrom('cohorts')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select([
      'cohorts.id',
      'cohorts.name',
      'cohorts.starts_on',
      'cohorts.ends_on',
      'cohorts.capacity',
      'programmes.title as programme_title',
      'programmes.id as programme_id',
    ])
    .where('cohorts.organisation_id', '=', organisationId)
    .orderBy('cohorts.starts_on', 'desc')
    .orderBy('programmes.title')
    .execute();
}

/** One cohort of the organisation with its programme, or undefined. */
export function findCohort(db: Executor, organisationId: string, cohortId: string) {
  return db
    .selectFrom('cohorts')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select([
      'cohorts.id',
      'cohorts.name',
      'cohorts.starts_on',
      'cohorts.ends_on',
      'programmes.title as programme_title',
      'programmes.id as programme_id',
      'programmes.modules_required',
    ])
    .where('cohorts.organisation_id', '=', organisationId)
    .where('cohorts.id', '=', cohortId)
    .executeTakeFirst();
}

/** The cohort's participants (any status) with their school, line manager and email. */
export function participantsOfCohort(db: Executor, cohortId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('people', 'people.id', 'enrolments.person_id')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .leftJoin('people as manager', 'manager.id', 'people.line_manager_id')
    .select([
      'enrolments.id',
      'enrolments.person_id',
      'enrolments.organisation_id',
      'enrolments.cohort_id',
      'enrolments.programme_id',
      'enrolments.status',
      'enrolments.completed_at',
      'people.given_name',
      'people.family_name',
      'people.email',
      'people.job_title',
      'people.staff_type',
      'schools.name as school_name',
      'manager.given_name as manager_given_name',
      'manager.family_name as manager_family_name',
    ])
    .where('enrolments.cohort_id', '=', cohortId)
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

/** The cohort's scheduled sessions, in order. */
export function sessionsOfCohort(db: Executor, cohortId: string) {
  return db
    .selectFrom('sessions_events')
    .select(['id', 'title', 'starts_at', 'ends_at'])
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'scheduled')
    .orderBy('starts_at')
    .execute();
}

/** Every attendance mark of the cohort's sessions. */
export function attendanceOfCohort(db: Executor, cohortId: string) {
  return db
    .selectFrom('session_attendance')
    .innerJoin('sessions_events', 'sessions_events.id', 'session_attendance.session_id')
    .select(['session_attendance.session_id', 'session_attendance.person_id', 'session_attendance.status', 'session_attendance.method'])
    .where('sessions_events.cohort_id', '=', cohortId)
    .execute();
}

// ----- The trust's pipeline -----

/** Enrolments in scope by programme (with its pathway stage), school and status. */
export function pipelineCounts(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('people', 'people.id', 'enrolments.person_id')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select((eb) => [
      'programmes.id as programme_id',
      'programmes.title as programme_title',
      'programmes.stage_position',
      'schools.id as school_id',
      'schools.name as school_name',
      'enrolments.status',
      'enrolments.cohort_id',
      eb.fn.countAll<number>().as('n'),
    ])
    .where('enrolments.cohort_id', 'in', cohortsInScope(db, scope))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('enrolments.organisation_id', '=', scope.participantOrganisationId as string))
    .$if(narrowsPeople(scope), (qb) => qb.where('enrolments.person_id', 'in', peopleInScope(db, scope)))
    .groupBy(['programmes.id', 'programmes.title', 'programmes.stage_position', 'schools.id', 'schools.name', 'enrolments.status', 'enrolments.cohort_id'])
    .execute();
}

/** Applications in scope by cohort and status, for application, acceptance and completion rates. */
export function applicationCounts(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('applications')
    .select((eb) => ['applications.cohort_id', 'applications.status', eb.fn.countAll<number>().as('n')])
    .where('applications.cohort_id', 'in', cohortsInScope(db, scope))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('applications.organisation_id', '=', scope.participantOrganisationId as string))
    .$if(narrowsPeople(scope), (qb) => qb.where('applications.person_id', 'in', peopleInScope(db, scope)))
    .groupBy(['applications.cohort_id', 'applications.status'])
    .execute();
}

/** Enrolments in scope by cohort and status. */
export function enrolmentCounts(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('enrolments')
    .select((eb) => ['enrolments.cohort_id', 'enrolments.status', eb.fn.countAll<number>().as('n')])
    .where('enrolments.cohort_id', 'in', cohortsInScope(db, scope))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('enrolments.organisation_id', '=', scope.participantOrganisationId as string))
    .$if(narrowsPeople(scope), (qb) => qb.where('enrolments.person_id', 'in', peopleInScope(db, scope)))
    .groupBy(['enrolments.cohort_id', 'enrolments.status'])
    .execute();
}

/** Applications in scope by the applicant's school (when they applied) and status. */
export function applicationCountsBySchool(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('applications')
    .leftJoin('schools', 'schools.id', 'applications.school_id')
    .select((eb) => ['schools.name as school_name', 'applications.status', 'applications.cohort_id', eb.fn.countAll<number>().as('n')])
    .where('applications.cohort_id', 'in', cohortsInScope(db, scope))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('applications.organisation_id', '=', scope.participantOrganisationId as string))
    .$if(narrowsPeople(scope), (qb) => qb.where('applications.person_id', 'in', peopleInScope(db, scope)))
    .groupBy(['schools.name', 'applications.status', 'applications.cohort_id'])
    .execute();
}

/** Enrolments in scope by the participant's school and status. */
export function enrolmentCountsBySchool(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('enrolments')
    .innerJoin('people', 'people.id', 'enrolments.person_id')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select((eb) => ['schools.name as school_name', 'enrolments.status', 'enrolments.cohort_id', eb.fn.countAll<number>().as('n')])
    .where('enrolments.cohort_id', 'in', cohortsInScope(db, scope))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('enrolments.organisation_id', '=', scope.participantOrganisationId as string))
    .$if(narrowsPeople(scope), (qb) => qb.where('enrolments.person_id', 'in', peopleInScope(db, scope)))
    .groupBy(['schools.name', 'enrolments.status', 'enrolments.cohort_id'])
    .execute();
}

/** Withdrawals in scope, by programme and the reason given. */
export function withdrawalReasons(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select((eb) => ['programmes.title as programme_title', 'enrolments.status_reason', 'enrolments.cohort_id', eb.fn.countAll<number>().as('n')])
    .where('enrolments.status', '=', 'withdrawn')
    .where('enrolments.cohort_id', 'in', cohortsInScope(db, scope))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('enrolments.organisation_id', '=', scope.participantOrganisationId as string))
    .$if(narrowsPeople(scope), (qb) => qb.where('enrolments.person_id', 'in', peopleInScope(db, scope)))
    .groupBy(['programmes.title', 'enrolments.status_reason', 'enrolments.cohort_id'])
    .execute();
}

/** Every session of the cohorts in scope held by `now`, with its attendance marks (of the people in scope) counted by status. */
export function attendanceBySession(db: Executor, scope: ReportScope, now: string) {
  return db
    .selectFrom('sessions_events')
    .innerJoin('cohorts', 'cohorts.id', 'sessions_events.cohort_id')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .leftJoin('session_attendance', (join) => {
      const marks = join.onRef('session_attendance.session_id', '=', 'sessions_events.id');
      return narrowsPeople(scope) || scope.participantOrganisationId !== null
        ? marks.on('session_attendance.person_id', 'in', peopleInScope(db, scope))
        : marks;
    })
    .select((eb) => [
      'sessions_events.id',
      'sessions_events.title',
      'sessions_events.starts_at',
      'cohorts.id as cohort_id',
      'cohorts.name as cohort_name',
      'programmes.title as programme_title',
      'session_attendance.status',
      eb.fn.count<number>('session_attendance.person_id').as('n'),
    ])
    .where('sessions_events.cohort_id', 'in', cohortsInScope(db, scope))
    .where('sessions_events.status', '=', 'scheduled')
    .where('sessions_events.starts_at', '<=', now)
    .groupBy([
      'sessions_events.id',
      'sessions_events.title',
      'sessions_events.starts_at',
      'cohorts.id',
      'cohorts.name',
      'programmes.title',
      'session_attendance.status',
    ])
    .orderBy('sessions_events.starts_at', 'desc')
    .execute();
}

/** Draft projects of the viewer's direct reports, waiting for them to confirm the project is part of the job. */
export function projectsToConfirm(db: Executor, organisationId: string, managerId: string) {
  return db
    .selectFrom('projects')
    .innerJoin('people', 'people.id', 'projects.person_id')
    .select(['projects.id', 'projects.title', 'people.given_name', 'people.family_name'])
    .where('projects.organisation_id', '=', organisationId)
    .where('projects.status', '=', 'draft')
    .where('people.line_manager_id', '=', managerId)
    .orderBy('projects.created_at')
    .execute();
}

/** The cohort's applications (all but drafts), with the applicant and their school when they applied. */
export function applicationsOfCohort(db: Executor, cohortId: string) {
  return db
    .selectFrom('applications')
    .innerJoin('people', 'people.id', 'applications.person_id')
    .leftJoin('schools', 'schools.id', 'applications.school_id')
    .select([
      'applications.id',
      'applications.status',
      'applications.current_role',
      'applications.submitted_at',
      'applications.decided_at',
      'people.given_name',
      'people.family_name',
      'people.email',
      'schools.name as school_name',
    ])
    .where('applications.cohort_id', '=', cohortId)
    .where('applications.status', '!=', 'draft')
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

/** The endorsements of the cohort's applications: kind and status. */
export function endorsementsOfCohort(db: Executor, cohortId: string) {
  return db
    .selectFrom('endorsements')
    .innerJoin('applications', 'applications.id', 'endorsements.application_id')
    .select(['endorsements.application_id', 'endorsements.kind', 'endorsements.status'])
    .where('applications.cohort_id', '=', cohortId)
    .execute();
}

/** Active staff of the organisation (of some schools only, when `schoolIds` is given) with their school and line manager. */
export function staffList(db: Executor, organisationId: string, schoolIds: readonly string[] | null) {
  return db
    .selectFrom('people')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .leftJoin('people as manager', 'manager.id', 'people.line_manager_id')
    .select([
      'people.given_name',
      'people.family_name',
      'people.email',
      'people.job_title',
      'schools.name as school_name',
      'manager.given_name as manager_given_name',
      'manager.family_name as manager_family_name',
    ])
    .where('people.organisation_id', '=', organisationId)
    .where('people.status', '=', 'active')
    .$if(schoolIds !== null, (qb) => qb.where('people.school_id', 'in', schoolIds && schoolIds.length > 0 ? [...schoolIds] : ['']))
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

// ----- Settings -----

/** The organisation's suppression threshold, or undefined when it keeps the default. */
export async function findSuppressionThreshold(db: Executor, organisationId: string): Promise<number | undefined> {
  const row = await db.selectFrom('report_settings').select('suppression_threshold').where('organisation_id', '=', organisationId).executeTakeFirst();
  return row ? Number(row.suppression_threshold) : undefined;
}

export async function saveSuppressionThreshold(db: Executor, organisationId: string, threshold: number, by: string, at: string) {
  await db
    .insertInto('report_settings')
    .values({ organisation_id: organisationId, suppression_threshold: threshold, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ suppression_threshold: threshold, updated_at: at, updated_by: by }))
    .execute();
}

// ----- Diversity and barriers (only ever counted) -----

/** Which of the organisation's cohorts a report counts: one programme's, one academic year's (from 1 September), one cohort, or all. */
export interface CohortScope {
  organisationId: string;
  programmeId: string | null;
  /** The academic year's first calendar year: cohorts starting from 1 September of it to 31 August after. */
  year: number | null;
  cohortId?: string | null;
}

/** What a report counts: its cohorts, and of their people those of one organisation (a partner's), one school, one type of staff. */
export interface ReportScope extends CohortScope {
  cohortId: string | null;
  /** The participants' own organisation: the provider's or a partner's. */
  participantOrganisationId: string | null;
  /** The participants' school, from their staff record. */
  schoolId: string | null;
  staffType: StaffType | null;
}

/** The ids of the cohorts in scope, as a subquery. */
export function cohortsInScope(db: Executor, scope: CohortScope) {
  return db
    .selectFrom('cohorts')
    .select('cohorts.id')
    .where('cohorts.organisation_id', '=', scope.organisationId)
    .$if(scope.programmeId !== null, (qb) => qb.where('cohorts.programme_id', '=', scope.programmeId as string))
    .$if((scope.cohortId ?? null) !== null, (qb) => qb.where('cohorts.id', '=', scope.cohortId as string))
    .$if(scope.year !== null, (qb) =>
      qb.where('cohorts.starts_on', '>=', `${scope.year}-09-01`).where('cohorts.starts_on', '<', `${Number(scope.year) + 1}-09-01`),
    );
}

/** Whether the scope narrows the people counted (by school or type of staff). */
const narrowsPeople = (scope: ReportScope) => scope.schoolId !== null || scope.staffType !== null;

/** The ids of the people of the scope's organisation, school and type of staff, as a subquery. */
export function peopleInScope(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('people')
    .select('people.id')
    .$if(scope.schoolId !== null, (qb) => qb.where('people.school_id', '=', scope.schoolId as string))
    .$if(scope.staffType !== null, (qb) => qb.where('people.staff_type', '=', scope.staffType as StaffType))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('people.organisation_id', '=', scope.participantOrganisationId as string));
}

/** The organisations whose staff have applied to or are enrolled on the organisation's cohorts (its own first, whether or not), by name. */
export async function participantOrganisations(db: Executor, organisationId: string) {
  const rows = await db
    .selectFrom('organisations')
    .select(['organisations.id', 'organisations.name'])
    .where((eb) =>
      eb.or([
        eb('organisations.id', '=', organisationId),
        eb(
          'organisations.id',
          'in',
          db
            .selectFrom('applications')
            .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
            .select('applications.organisation_id')
            .where('cohorts.organisation_id', '=', organisationId),
        ),
        eb(
          'organisations.id',
          'in',
          db
            .selectFrom('enrolments')
            .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
            .select('enrolments.organisation_id')
            .where('cohorts.organisation_id', '=', organisationId),
        ),
      ]),
    )
    .orderBy('organisations.name')
    .execute();
  return [...rows.filter((r) => r.id === organisationId), ...rows.filter((r) => r.id !== organisationId)];
}

/** The equality columns a report may count by (never read for one person). */
export type EqualityColumn = 'sex' | 'ethnicity' | 'disability' | 'age_band' | 'working_pattern';

/**
 * Active staff (narrowed to a school and a staff type if chosen) counted by their answer to one
 * equality question and by the furthest stage they reached in the cohorts in scope: 0 none, 1 applied
 * (an application sent, or enrolled and withdrew), 2 on a programme (active or deferred), 3 completed.
 * Counted in the database: no person's answers leave it.
 */
export function stageCountsByAnswer(
  db: Executor,
  scope: CohortScope,
  column: EqualityColumn,
  filter: { schoolId: string | null; staffType: StaffType | null },
) {
  const applied = db
    .selectFrom('applications')
    .select((eb) => ['applications.person_id', eb.val(1).as('stage')])
    .where('applications.organisation_id', '=', scope.organisationId)
    .where('applications.status', '!=', 'draft')
    .where('applications.cohort_id', 'in', cohortsInScope(db, scope));
  const enrolled = db
    .selectFrom('enrolments')
    .select((eb) => [
      'enrolments.person_id',
      eb.case().when('enrolments.status', '=', 'completed').then(3).when('enrolments.status', 'in', ['active', 'deferred']).then(2).else(1).end().as('stage'),
    ])
    .where('enrolments.organisation_id', '=', scope.organisationId)
    .where('enrolments.cohort_id', 'in', cohortsInScope(db, scope));
  const furthest = db
    .selectFrom(applied.unionAll(enrolled).as('reached'))
    .select((eb) => ['reached.person_id', eb.fn.max('reached.stage').as('stage')])
    .groupBy('reached.person_id')
    .as('furthest');
  return db
    .selectFrom('people')
    .leftJoin('equality_answers', 'equality_answers.person_id', 'people.id')
    .leftJoin(furthest, 'furthest.person_id', 'people.id')
    .select((eb) => [`equality_answers.${column} as answer`, 'furthest.stage', eb.fn.countAll<number>().as('n')])
    .where('people.organisation_id', '=', scope.organisationId)
    .where('people.status', '=', 'active')
    .$if(filter.schoolId !== null, (qb) => qb.where('people.school_id', '=', filter.schoolId as string))
    .$if(filter.staffType !== null, (qb) => qb.where('people.staff_type', '=', filter.staffType as StaffType))
    .groupBy([`equality_answers.${column}`, 'furthest.stage'])
    .execute();
}

/** Each active member of staff's barriers to aspiring (JSON lists), narrowed like the staff: only ever counted. */
export function barriersOfStaff(db: Executor, organisationId: string, filter: { schoolId: string | null; staffType: StaffType | null }) {
  return db
    .selectFrom('careers_aspirations')
    .innerJoin('people', 'people.id', 'careers_aspirations.person_id')
    .select(['people.id', 'careers_aspirations.barriers'])
    .where('people.organisation_id', '=', organisationId)
    .where('people.status', '=', 'active')
    .$if(filter.schoolId !== null, (qb) => qb.where('people.school_id', '=', filter.schoolId as string))
    .$if(filter.staffType !== null, (qb) => qb.where('people.staff_type', '=', filter.staffType as StaffType))
    .execute();
}

/** The organisation's schools, by name. */
export function schoolsOfOrganisation(db: Executor, organisationId: string) {
  return db.selectFrom('schools').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').execute();
}

// ----- Cohort skill profiles -----

/** Submitted baseline and final self-assessments of the enrolments in scope: per cohort, skill and checkpoint, how many rated it and the sum. */
export function selfAssessmentTotals(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('self_assessment_ratings')
    .innerJoin('self_assessments', 'self_assessments.id', 'self_assessment_ratings.self_assessment_id')
    .innerJoin('enrolments', 'enrolments.id', 'self_assessments.enrolment_id')
    .innerJoin('framework_skills', 'framework_skills.id', 'self_assessment_ratings.skill_id')
    .select((eb) => [
      'enrolments.cohort_id',
      'framework_skills.id as skill_id',
      'framework_skills.code',
      'framework_skills.title',
      'framework_skills.position',
      'self_assessments.checkpoint',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('self_assessment_ratings.rating').as('total'),
    ])
    .where('enrolments.cohort_id', 'in', cohortsInScope(db, scope))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('enrolments.organisation_id', '=', scope.participantOrganisationId as string))
    .$if(narrowsPeople(scope), (qb) => qb.where('enrolments.person_id', 'in', peopleInScope(db, scope)))
    .where('self_assessments.status', '=', 'submitted')
    .where('self_assessments.checkpoint', 'in', ['baseline', 'final'])
    .where('self_assessment_ratings.rating', 'is not', null)
    .groupBy([
      'enrolments.cohort_id',
      'framework_skills.id',
      'framework_skills.code',
      'framework_skills.title',
      'framework_skills.position',
      'self_assessments.checkpoint',
    ])
    .execute();
}

// ----- Mentoring, projects and 360 in aggregate -----

/** The enrolments in scope (their cohort, participant's organisation, school, type of staff), as a subquery of ids. */
export function enrolmentsInScope(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('enrolments')
    .select('enrolments.id')
    .where('enrolments.cohort_id', 'in', cohortsInScope(db, scope))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('enrolments.organisation_id', '=', scope.participantOrganisationId as string))
    .$if(narrowsPeople(scope), (qb) => qb.where('enrolments.person_id', 'in', peopleInScope(db, scope)));
}

/** Each mentor or coach of the organisation: their places, and their pairings active now (on any programme or none). */
export function mentorCapacity(db: Executor, organisationId: string) {
  return db
    .selectFrom('people')
    .leftJoin('mentoring_profiles', 'mentoring_profiles.person_id', 'people.id')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .leftJoin('mentoring_pairings', (join) => join.onRef('mentoring_pairings.mentor_id', '=', 'people.id').on('mentoring_pairings.status', '=', 'active'))
    .select((eb) => [
      'people.id',
      'people.given_name',
      'people.family_name',
      'schools.name as school_name',
      'mentoring_profiles.places',
      eb.fn.count<number>('mentoring_pairings.id').as('active'),
    ])
    .where('people.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([eb('mentoring_profiles.places', '>', 0), eb('people.id', 'in', db.selectFrom('mentoring_pairings').select('mentoring_pairings.mentor_id'))]),
    )
    .groupBy(['people.id', 'people.given_name', 'people.family_name', 'schools.name', 'mentoring_profiles.places'])
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

/** Pairings for enrolments in scope, each with its mentor, cohort and the meetings held by `today` (and of those, confirmed). */
export function pairingMeetings(db: Executor, scope: ReportScope, today: string) {
  return db
    .selectFrom('mentoring_pairings')
    .innerJoin('enrolments', 'enrolments.id', 'mentoring_pairings.enrolment_id')
    .leftJoin('mentoring_meetings', (join) =>
      join.onRef('mentoring_meetings.pairing_id', '=', 'mentoring_pairings.id').on('mentoring_meetings.held_on', '<=', today),
    )
    .select((eb) => [
      'mentoring_pairings.id',
      'mentoring_pairings.mentor_id',
      'mentoring_pairings.status',
      'enrolments.cohort_id',
      'enrolments.id as enrolment_id',
      eb.fn.count<number>('mentoring_meetings.id').as('held'),
      eb.fn.sum<number>(eb.case().when('mentoring_meetings.status', '=', 'confirmed').then(1).else(0).end()).as('confirmed'),
    ])
    .where('mentoring_pairings.enrolment_id', 'in', enrolmentsInScope(db, scope))
    .groupBy(['mentoring_pairings.id', 'mentoring_pairings.mentor_id', 'mentoring_pairings.status', 'enrolments.cohort_id', 'enrolments.id'])
    .execute();
}

/** Projects of enrolments in scope, with their cohort and status. */
export function projectsInScope(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('projects')
    .innerJoin('enrolments', 'enrolments.id', 'projects.enrolment_id')
    .select(['projects.id', 'projects.status', 'enrolments.cohort_id'])
    .where('projects.enrolment_id', 'in', enrolmentsInScope(db, scope))
    .execute();
}

/** The measures of projects of enrolments in scope, each with its outcomes recorded. */
export function measuresInScope(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('project_measures')
    .innerJoin('projects', 'projects.id', 'project_measures.project_id')
    .leftJoin('project_outcomes', 'project_outcomes.measure_id', 'project_measures.id')
    .select([
      'project_measures.id',
      'project_measures.project_id',
      'project_measures.baseline_value',
      'project_measures.target_value',
      'project_outcomes.measured_on',
      'project_outcomes.value',
    ])
    .where('projects.enrolment_id', 'in', enrolmentsInScope(db, scope))
    .execute();
}

/** Closed 360 rounds (closed, or past their closing day) counting towards enrolments in scope, with their cohort. */
export function closedRoundsInScope(db: Executor, scope: ReportScope, today: string) {
  return db
    .selectFrom('feedback_rounds')
    .innerJoin('enrolments', 'enrolments.id', 'feedback_rounds.enrolment_id')
    .select(['feedback_rounds.id', 'enrolments.cohort_id'])
    .where('feedback_rounds.enrolment_id', 'in', enrolmentsInScope(db, scope))
    .where((eb) => eb.or([eb('feedback_rounds.closed_at', 'is not', null), eb('feedback_rounds.closes_on', '<', today)]))
    .execute();
}

/** The groups of these rounds, with each one's minimum and how many in it answered. */
export async function roundGroups(db: Executor, roundIds: readonly string[]) {
  const rows = [];
  for (let i = 0; i < roundIds.length; i += 500) {
    const slice = roundIds.slice(i, i + 500);
    rows.push(
      ...(await db
        .selectFrom('feedback_round_groups')
        .select((eb) => [
          'feedback_round_groups.round_id',
          'feedback_round_groups.rater_group',
          'feedback_round_groups.minimum',
          eb
            .selectFrom('feedback_respondents')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('feedback_respondents.round_id', '=', 'feedback_round_groups.round_id')
            .whereRef('feedback_respondents.rater_group', '=', 'feedback_round_groups.rater_group')
            .where('feedback_respondents.status', '=', 'submitted')
            .as('answered'),
        ])
        .where('feedback_round_groups.round_id', 'in', slice)
        .execute()),
    );
  }
  return rows;
}

/** The colleagues' responses (not students') to these rounds: group and ratings only. */
export async function colleagueResponses(db: Executor, roundIds: readonly string[]) {
  const rows = [];
  for (let i = 0; i < roundIds.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('feedback_responses')
        .select(['feedback_responses.round_id', 'feedback_responses.rater_group', 'feedback_responses.ratings'])
        .where('feedback_responses.round_id', 'in', roundIds.slice(i, i + 500))
        .where('feedback_responses.rater_group', '!=', 'student')
        .execute()),
    );
  return rows;
}

/** The skills asked about in these rounds' framework versions, by code. */
export async function skillsOfRounds(db: Executor, roundIds: readonly string[]) {
  if (roundIds.length === 0) return [];
  const rows = [];
  for (let i = 0; i < roundIds.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('feedback_round_skills')
        .innerJoin('framework_skills', 'framework_skills.id', 'feedback_round_skills.skill_id')
        .select(['feedback_round_skills.round_id', 'framework_skills.id', 'framework_skills.code', 'framework_skills.title'])
        .where('feedback_round_skills.round_id', 'in', roundIds.slice(i, i + 500))
        .execute()),
    );
  return rows;
}

// ----- Progression (role changes after completing a programme) -----

/** Completed enrolments in scope, as a subquery's base: the cohorts, organisation, school and type of staff chosen. */
function completedEnrolments(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('enrolments')
    .where('enrolments.status', '=', 'completed')
    .where('enrolments.cohort_id', 'in', cohortsInScope(db, scope))
    .$if(scope.participantOrganisationId !== null, (qb) => qb.where('enrolments.organisation_id', '=', scope.participantOrganisationId as string))
    .$if(narrowsPeople(scope), (qb) => qb.where('enrolments.person_id', 'in', peopleInScope(db, scope)));
}

/** Who completed which programme (a stage of the pathway) in scope, and when. */
export function completionsInScope(db: Executor, scope: ReportScope) {
  return completedEnrolments(db, scope)
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select([
      'enrolments.person_id',
      'enrolments.programme_id',
      'programmes.title as programme_title',
      'programmes.stage_position',
      'enrolments.completed_at',
      'enrolments.updated_at',
    ])
    .execute();
}

/** Every role held (the staff record's history) by the people who completed a programme in scope. */
export function rolesHeldOfCompleters(db: Executor, scope: ReportScope) {
  return db
    .selectFrom('roles_held')
    .select([
      'roles_held.id',
      'roles_held.person_id',
      'roles_held.job_title',
      'roles_held.leadership_level',
      'roles_held.school_id',
      'roles_held.started_on',
      'roles_held.created_at',
    ])
    .where('roles_held.person_id', 'in', completedEnrolments(db, scope).select('enrolments.person_id'))
    .execute();
}
