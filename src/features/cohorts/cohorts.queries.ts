import type { Executor } from '../../platform/db/database';
import type { ApplicationStatus, ApplicationsTable, CohortsTable, EndorsementsTable } from './cohorts.tables';
import type { QueueQuery } from './cohorts.schemas';
import { type Insertable, sql, type Updateable } from 'kysely';
import { type KeysetCursor, keysetPage } from '../../platform/db/keyset';

// Programmes, people and schools are read here, never written. Enrolments are the enrolments
// feature's: places are counted, locked and given through its public entry (`../enrolments`).
// Application statuses and their history are written only by applications.lifecycle.ts.

export function findProgramme(db: Executor, organisationId: string, programmeId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'organisation_id', 'title', 'status', 'declarations', 'eligibility', 'asks_for_coach', 'asks_for_project', 'motivation_word_limit'])
    .where('id', '=', programmeId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** A cohort with its programme's title and status, if it belongs to the organisation. */
export function findCohort(db: Executor, organisationId: string, cohortId: string) {
  return db
    .selectFrom('cohorts')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .selectAll('cohorts')
    .select(['programmes.title as programme_title', 'programmes.status as programme_status', 'programmes.eligibility as programme_eligibility'])
    .where('cohorts.id', '=', cohortId)
    .where('cohorts.organisation_id', '=', organisationId)
    .executeTakeFirst();
}
export type CohortWithProgramme = NonNullable<Awaited<ReturnType<typeof findCohort>>>;

export function findCohortByName(db: Executor, programmeId: string, nameNormalised: string) {
  return db.selectFrom('cohorts').select('id').where('programme_id', '=', programmeId).where('name_normalised', '=', nameNormalised).executeTakeFirst();
}

/** Active people holding the programme lead role: those a cohort may name as its leads. */
export function listLeadCandidates(db: Executor, organisationId: string) {
  return db
    .selectFrom('people')
    .select(['people.id', 'people.given_name', 'people.family_name', 'people.job_title'])
    .where('people.organisation_id', '=', organisationId)
    .where('people.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grants')
          .select('role_grants.id')
          .whereRef('role_grants.person_id', '=', 'people.id')
          .where('role_grants.role', '=', 'programme_lead'),
      ),
    )
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

export function listCohortLeads(db: Executor, cohortId: string) {
  return db
    .selectFrom('cohort_leads')
    .innerJoin('people', 'people.id', 'cohort_leads.person_id')
    .select(['people.id', 'people.given_name', 'people.family_name', 'people.email'])
    .where('cohort_leads.cohort_id', '=', cohortId)
    .orderBy('people.family_name')
    .execute();
}

export async function insertCohort(db: Executor, cohort: Insertable<CohortsTable>, leadIds: string[]) {
  await db.insertInto('cohorts').values(cohort).execute();
  if (leadIds.length)
    await db
      .insertInto('cohort_leads')
      .values(leadIds.map((person_id) => ({ cohort_id: cohort.id, person_id })))
      .execute();
}

export async function updateCohort(db: Executor, cohortId: string, changes: Updateable<CohortsTable>, leadIds: string[]) {
  await db.updateTable('cohorts').set(changes).where('id', '=', cohortId).execute();
  await db.deleteFrom('cohort_leads').where('cohort_id', '=', cohortId).execute();
  if (leadIds.length)
    await db
      .insertInto('cohort_leads')
      .values(leadIds.map((person_id) => ({ cohort_id: cohortId, person_id })))
      .execute();
}

export async function countApplicationsByStatus(db: Executor, cohortId: string): Promise<Partial<Record<ApplicationStatus, number>>> {
  const rows = await db
    .selectFrom('applications')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cohort_id', '=', cohortId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The waiting list, first in line first. */
export function listWaitlist(db: Executor, cohortId: string) {
  return db
    .selectFrom('applications')
    .innerJoin('people', 'people.id', 'applications.person_id')
    .leftJoin('schools', 'schools.id', 'applications.school_id')
    .select(['applications.id', 'applications.waitlisted_at', 'people.given_name', 'people.family_name', 'schools.name as school_name'])
    .where('applications.cohort_id', '=', cohortId)
    .where('applications.status', '=', 'waitlisted')
    .orderBy('applications.waitlisted_at')
    .orderBy('applications.id')
    .execute();
}

export function findLiveApplication(db: Executor, cohortId: string, personId: string) {
  return db
    .selectFrom('applications')
    .select(['id', 'status'])
    .where('cohort_id', '=', cohortId)
    .where('person_id', '=', personId)
    .where('live_slot', '=', 'live')
    .executeTakeFirst();
}

export function findPersonRecord(db: Executor, organisationId: string, personId: string) {
  return db
    .selectFrom('people')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select([
      'people.id',
      'people.given_name',
      'people.family_name',
      'people.email',
      'people.school_id',
      'people.job_title',
      'people.staff_type',
      'people.leadership_level',
      'people.started_in_schools_on',
      'people.line_manager_id',
      'people.status',
      'schools.name as school_name',
    ])
    .where('people.id', '=', personId)
    .where('people.organisation_id', '=', organisationId)
    .executeTakeFirst();
}

// Recommendations are made on a programme's page and kept by the programmes feature: read through its functions.
export { latestRecommendation as findRecommendation, recommendationsReceived as listRecommendationsFor } from '../programmes';

/** Saves a draft's answers, only while it is still a draft; returns whether it did. */
export async function updateAnswers(db: Executor, id: string, changes: Omit<Updateable<ApplicationsTable>, 'status' | 'live_slot'>): Promise<boolean> {
  const result = await db.updateTable('applications').set(changes).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The application's status as it is now (read inside the transaction that changes it). */
export async function findApplicationStatus(db: Executor, id: string): Promise<ApplicationStatus> {
  return (await db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
}

/** An application with its cohort, programme, applicant and school: everything its pages show. */
export function findApplicationDetail(db: Executor, organisationId: string, id: string) {
  return (
    db
      .selectFrom('applications')
      .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .innerJoin('people as applicant', 'applicant.id', 'applications.person_id')
      .leftJoin('schools', 'schools.id', 'applications.school_id')
      .leftJoin('people as coach', 'coach.id', 'applications.coach_person_id')
      .selectAll('applications')
      .select([
        'cohorts.name as cohort_name',
        'cohorts.applications_open_on',
        'cohorts.applications_close_on',
        'cohorts.endorsement_deadline',
        'cohorts.capacity',
        'cohorts.needs_line_manager',
        'cohorts.needs_headteacher',
        'programmes.id as programme_id',
        'programmes.title as programme_title',
        'programmes.status as programme_status',
        'programmes.declarations as programme_declarations',
        'programmes.eligibility as programme_eligibility',
        'programmes.asks_for_coach',
        'programmes.asks_for_project',
        'programmes.motivation_word_limit',
        'applicant.given_name',
        'applicant.family_name',
        'applicant.email',
        'applicant.job_title',
        'applicant.staff_type',
        'applicant.leadership_level',
        'applicant.started_in_schools_on',
        'applicant.line_manager_id as applicant_line_manager_id',
        'applicant.school_id as applicant_school_id',
        'applicant.organisation_id as applicant_organisation_id',
        'schools.name as school_name',
        'coach.given_name as coach_given_name',
        'coach.family_name as coach_family_name',
        'coach.email as coach_person_email',
      ])
      .where('applications.id', '=', id)
      // The provider's organisation, or the applicant's own when they applied to a partner's programme.
      .where((eb) => eb.or([eb('applications.organisation_id', '=', organisationId), eb('applicant.organisation_id', '=', organisationId)]))
      .executeTakeFirst()
  );
}
export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof findApplicationDetail>>>;

export function listEvents(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_events')
    .leftJoin('people', 'people.id', 'application_events.actor_id')
    .select([
      'application_events.id',
      'application_events.status',
      'application_events.reason',
      'application_events.created_at',
      'application_events.actor_id',
      'people.given_name',
      'people.family_name',
    ])
    .where('application_events.application_id', '=', applicationId)
    .orderBy('application_events.created_at')
    .orderBy('application_events.id')
    .execute();
}

export function listEndorsements(db: Executor, applicationId: string) {
  return db
    .selectFrom('endorsements')
    .leftJoin('people as endorser', 'endorser.id', 'endorsements.endorser_id')
    .leftJoin('people as answerer', 'answerer.id', 'endorsements.answered_by')
    .leftJoin('schools', 'schools.id', 'endorsements.school_id')
    .selectAll('endorsements')
    .select([
      'endorser.given_name as endorser_given_name',
      'endorser.family_name as endorser_family_name',
      'answerer.given_name as answerer_given_name',
      'answerer.family_name as answerer_family_name',
      'schools.name as school_name',
    ])
    .where('endorsements.application_id', '=', applicationId)
    .orderBy('endorsements.kind', 'desc')
    .execute();
}
export type EndorsementRow = Awaited<ReturnType<typeof listEndorsements>>[number];

export async function insertEndorsement(db: Executor, endorsement: Insertable<EndorsementsTable>) {
  await db.insertInto('endorsements').values(endorsement).execute();
}

export function findEndorsement(db: Executor, id: string) {
  return db.selectFrom('endorsements').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Cancels the endorsements nobody has answered yet (the chain stopped, or the application ended). */
export async function cancelPendingEndorsements(db: Executor, applicationId: string) {
  await db
    .updateTable('endorsements')
    .set({ status: 'cancelled' })
    .where('application_id', '=', applicationId)
    .where('status', 'in', ['waiting', 'requested'])
    .execute();
}

/** Active admins of a school: those who give the headteacher's support. */
export function listSchoolAdmins(db: Executor, schoolId: string) {
  return db
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select(['people.id', 'people.given_name', 'people.email'])
    .where('role_grants.role', '=', 'school_admin')
    .where('role_grants.school_id', '=', schoolId)
    .where('people.status', '=', 'active')
    .orderBy('people.id')
    .execute();
}

export function listOrgAdmins(db: Executor, organisationId: string) {
  return db
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select(['people.id', 'people.given_name', 'people.email'])
    .where('role_grants.role', '=', 'org_admin')
    .where('people.organisation_id', '=', organisationId)
    .where('people.status', '=', 'active')
    .orderBy('people.id')
    .execute();
}

/** Colleagues who might coach: active people at the same school (or anywhere, for central staff), not the applicant. */
export function listCoachCandidates(db: Executor, organisationId: string, schoolId: string | null, excludeId: string) {
  let query = db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'job_title'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('id', '!=', excludeId);
  if (schoolId) query = query.where('school_id', '=', schoolId);
  return query.orderBy('family_name').orderBy('given_name').limit(1000).execute();
}

/** The review queue's rows: submitted applications and later (never drafts), filtered. */
function queueRows(db: Executor, cohortId: string, filters: QueueQuery) {
  let query = db
    .selectFrom('applications')
    .innerJoin('people', 'people.id', 'applications.person_id')
    .leftJoin('schools', 'schools.id', 'applications.school_id')
    .where('applications.cohort_id', '=', cohortId)
    .where('applications.status', '!=', 'draft');
  // `none`: no school at all (the central team); `urn:<URN>`: an outside applicant's school, not on Waymark.
  const outsideUrn = filters.school?.startsWith(OUTSIDE_SCHOOL_PREFIX) ? filters.school.slice(OUTSIDE_SCHOOL_PREFIX.length) : null;
  if (filters.school === 'none') query = query.where('applications.school_id', 'is', null).where('applications.school_urn', 'is', null);
  else if (outsideUrn !== null) query = query.where('applications.school_id', 'is', null).where('applications.school_urn', '=', outsideUrn);
  else if (filters.school) query = query.where('applications.school_id', '=', filters.school);
  if (filters.status) query = query.where('applications.status', '=', filters.status);
  if (filters.eligibility) query = query.where('applications.eligible', '=', filters.eligibility === 'eligible' ? 1 : 0);
  return query;
}

const QUEUE_COLUMNS = [
  'applications.id',
  'applications.status',
  'applications.eligible',
  'applications.submitted_at',
  'applications.school_id',
  'applications.school_urn',
  'people.given_name',
  'people.family_name',
  'schools.name as school_name',
] as const;

/**
 * The queue's order: oldest submission first, then id. A draft withdrawn before it was sent has no
 * submission time; it sorts first on both engines (the empty text), and the sort key is never null,
 * so keyset comparisons hold. The `applications_cohort_queue` index holds exactly this expression.
 */
const SUBMITTED = sql<string>`coalesce(${sql.ref('applications.submitted_at')}, '')`;

/** The whole review queue (for the CSV download), in the page's order. */
export function listQueue(db: Executor, cohortId: string, filters: QueueQuery) {
  return queueRows(db, cohortId, filters).select(QUEUE_COLUMNS).orderBy(SUBMITTED).orderBy('applications.id').execute();
}

/**
 * One page of the review queue by keyset (`keysetPage`): after or before an application in it,
 * with how many match and how many come before the page. A cursor naming no application that
 * matches starts at the beginning; the cohort and the filters are applied to every page.
 */
export function queuePage(db: Executor, cohortId: string, filters: QueueQuery, pageSize: number, cursor: KeysetCursor) {
  const base = queueRows(db, cohortId, filters);
  return keysetPage({
    columns: [SUBMITTED, 'applications.id'],
    order: 'asc',
    cursor,
    pageSize,
    key: async (id) => {
      const row = await base
        .select((eb) => [SUBMITTED.as('submitted'), eb.ref('applications.id').as('id')])
        .where('applications.id', '=', id)
        .executeTakeFirst();
      return row ? [row.submitted, row.id] : undefined;
    },
    count: (before) => base.select((eb) => [eb.fn.countAll<number>().as('total'), (before ?? sql<number>`0`).as('before')]).executeTakeFirstOrThrow(),
    rows: (where, order) => {
      let query = base.select(QUEUE_COLUMNS);
      if (where) query = query.where(where);
      return query.orderBy(SUBMITTED, order).orderBy('applications.id', order).limit(pageSize).execute();
    },
  });
}

export function listEndorsementsFor(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('endorsements').select(['application_id', 'kind', 'status']).where('application_id', 'in', applicationIds).execute();
}

/** How the queue's school filter names an outside applicant's school: `urn:` and its URN. */
export const OUTSIDE_SCHOOL_PREFIX = 'urn:';

/** The URNs of outside applicants' schools (not on Waymark) with applications to the cohort, for the queue's filter. */
export async function listQueueOutsideUrns(db: Executor, cohortId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('applications')
    .select('applications.school_urn')
    .distinct()
    .where('applications.cohort_id', '=', cohortId)
    .where('applications.status', '!=', 'draft')
    .where('applications.school_id', 'is', null)
    .where('applications.school_urn', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.school_urn ? [r.school_urn] : []));
}

/** Schools with applications to the cohort, for the queue's filter. */
export function listQueueSchools(db: Executor, cohortId: string) {
  return db
    .selectFrom('applications')
    .innerJoin('schools', 'schools.id', 'applications.school_id')
    .select(['schools.id', 'schools.name'])
    .distinct()
    .where('applications.cohort_id', '=', cohortId)
    .where('applications.status', '!=', 'draft')
    .orderBy('schools.name')
    .execute();
}

/** The person's own applications, newest first. */
export function listOwnApplications(db: Executor, personId: string) {
  return db
    .selectFrom('applications')
    .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select([
      'applications.id',
      'applications.status',
      'applications.updated_at',
      'applications.submitted_at',
      'cohorts.name as cohort_name',
      'cohorts.applications_close_on',
      'programmes.title as programme_title',
    ])
    .where('applications.person_id', '=', personId)
    .orderBy('applications.created_at', 'desc')
    .execute();
}

/** Cohorts of open programmes whose window includes today. */
export function listOpenCohorts(db: Executor, organisationId: string, programmeIds: string[], today: string) {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cohorts')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select(['cohorts.id', 'cohorts.name', 'cohorts.programme_id', 'cohorts.applications_close_on', 'cohorts.starts_on'])
    .where('cohorts.organisation_id', '=', organisationId)
    .where('cohorts.programme_id', 'in', programmeIds)
    .where('programmes.status', '=', 'open')
    .where('cohorts.applications_open_on', '<=', today)
    .where('cohorts.applications_close_on', '>=', today)
    .orderBy('cohorts.applications_close_on')
    .execute();
}

/** Every cohort of a programme, newest start first. */
export function listCohortsOfProgramme(db: Executor, organisationId: string, programmeId: string) {
  return db
    .selectFrom('cohorts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .orderBy('starts_on', 'desc')
    .orderBy('name')
    .execute();
}

// ----- Reminders -----

/** Draft applications to cohorts of open programmes whose window is open and closes between `today` and `until` (London dates), of active people. */
export function listDraftsClosingSoon(db: Executor, today: string, until: string) {
  return db
    .selectFrom('applications')
    .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .innerJoin('people', 'people.id', 'applications.person_id')
    .select([
      'applications.id as application_id',
      'applications.person_id',
      'cohorts.id as cohort_id',
      'cohorts.name as cohort_name',
      'cohorts.applications_close_on',
      'programmes.title as programme_title',
    ])
    .where('applications.status', '=', 'draft')
    .where('programmes.status', '=', 'open')
    .where('people.status', '=', 'active')
    .where('cohorts.applications_open_on', '<=', today)
    .where('cohorts.applications_close_on', '>=', today)
    .where('cohorts.applications_close_on', '<=', until)
    .orderBy('cohorts.applications_close_on')
    .orderBy('applications.id')
    .execute();
}

/**
 * People recommended for a programme with a cohort whose window is open and closes between
 * `today` and `until`, who have no application to that cohort; one row per recommendation.
 */
export function listRecommendedNotAppliedClosingSoon(db: Executor, today: string, until: string) {
  return db
    .selectFrom('recommendations')
    .innerJoin('programmes', 'programmes.id', 'recommendations.programme_id')
    .innerJoin('cohorts', 'cohorts.programme_id', 'recommendations.programme_id')
    .innerJoin('people', 'people.id', 'recommendations.person_id')
    .innerJoin('people as recommender', 'recommender.id', 'recommendations.recommended_by')
    .select([
      'recommendations.person_id',
      'recommendations.created_at',
      'cohorts.id as cohort_id',
      'cohorts.name as cohort_name',
      'cohorts.applications_close_on',
      'programmes.id as programme_id',
      'programmes.title as programme_title',
      'recommender.given_name as recommender_given_name',
      'recommender.family_name as recommender_family_name',
    ])
    .where('programmes.status', '=', 'open')
    .where('people.status', '=', 'active')
    .where('cohorts.applications_open_on', '<=', today)
    .where('cohorts.applications_close_on', '>=', today)
    .where('cohorts.applications_close_on', '<=', until)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('applications')
            .select('applications.id')
            .whereRef('applications.cohort_id', '=', 'cohorts.id')
            .whereRef('applications.person_id', '=', 'recommendations.person_id'),
        ),
      ),
    )
    .orderBy('cohorts.applications_close_on')
    .orderBy('recommendations.created_at')
    .execute();
}

/**
 * Every cohort of the organisation with its programme and, for a programme that is a stage of a
 * pathway, the pathway's id and the stage's place on it; newest start first.
 */
export function listCohortsOfOrganisation(db: Executor, organisationId: string) {
  return db
    .selectFrom('cohorts')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select([
      'cohorts.id',
      'cohorts.name',
      'cohorts.starts_on',
      'cohorts.ends_on',
      'programmes.id as programme_id',
      'programmes.title as programme_title',
      'programmes.pathway_id',
      'programmes.stage_position',
    ])
    .where('cohorts.organisation_id', '=', organisationId)
    .orderBy('cohorts.starts_on', 'desc')
    .orderBy('cohorts.id')
    .execute();
}

/** The applicants of a cohort's round in the given statuses, with their names and addresses, by name. */
export function listApplicantsInStatuses(db: Executor, cohortId: string, statuses: readonly ApplicationStatus[]) {
  return db
    .selectFrom('applications')
    .innerJoin('people', 'people.id', 'applications.person_id')
    .select(['applications.person_id', 'applications.status', 'people.given_name', 'people.family_name', 'people.email'])
    .where('applications.cohort_id', '=', cohortId)
    .where('applications.status', 'in', statuses.length > 0 ? [...statuses] : ['submitted'])
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

/** The endorsement a headteacher's link was made for, with its application's organisation; undefined for a link nobody was sent. */
export function findEndorsementByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('endorsements')
    .innerJoin('applications', 'applications.id', 'endorsements.application_id')
    .selectAll('endorsements')
    .select('applications.organisation_id')
    .where('endorsements.token_hash', '=', tokenHash)
    .executeTakeFirst();
}
