import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { type KeysetCursor, keysetPage } from '../../platform/db/keyset';
import { engineOfDb } from '../../platform/db/connect';
import type { EnrolmentStatus } from './enrolments.tables';

// Enrolments read the programme, cohort and people tables directly, read-only: the roster and the
// participant's page need them joined, and the completion engine needs the programme's requirements.
// This feature never imports the cohorts feature (cohorts enrols through this one), so what it needs
// to know about a cohort it reads here.

/** The enrolment statuses that hold one of a cohort's places: the one statement of that rule. */
export const PLACE_HOLDING: readonly EnrolmentStatus[] = ['active', 'completed'];

/** One enrolment with what its pages show: participant, school, programme, cohort, return cohort. */
function enrolmentRecords(db: Executor, organisationId: string | null) {
  const query = db
    .selectFrom('enrolments')
    .innerJoin('people', 'people.id', 'enrolments.person_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .leftJoin('cohorts as return_cohort', 'return_cohort.id', 'enrolments.return_cohort_id')
    .select([
      'enrolments.id',
      'enrolments.organisation_id',
      'enrolments.person_id',
      'enrolments.cohort_id',
      'enrolments.programme_id',
      'enrolments.status',
      'enrolments.return_cohort_id',
      'enrolments.status_reason',
      'enrolments.completed_at',
      'enrolments.created_at',
      'people.given_name',
      'people.family_name',
      'people.email',
      'people.school_id',
      'people.line_manager_id',
      'schools.name as school_name',
      'programmes.title as programme_title',
      'programmes.delivery',
      'programmes.modules_required',
      'cohorts.name as cohort_name',
      'cohorts.starts_on',
      'cohorts.ends_on',
      'cohorts.capacity',
      'return_cohort.name as return_cohort_name',
    ]);
  return organisationId === null ? query : query.where('enrolments.organisation_id', '=', organisationId);
}

export function findEnrolment(db: Executor, organisationId: string, id: string) {
  return enrolmentRecords(db, organisationId).where('enrolments.id', '=', id).executeTakeFirst();
}

/** One of the person's own enrolments, whichever organisation runs the programme (a partner's, say). */
export function findEnrolmentOfParticipant(db: Executor, personId: string, id: string) {
  return enrolmentRecords(db, null).where('enrolments.id', '=', id).where('enrolments.person_id', '=', personId).executeTakeFirst();
}

/** The records of several enrolments of the organisation in one query (those not found are left out). */
export function listEnrolmentRecords(db: Executor, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return enrolmentRecords(db, organisationId)
    .where('enrolments.id', 'in', [...new Set(ids)])
    .execute();
}
export type EnrolmentRecord = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

/** The ids of every enrolment of a person, whatever its status: for other features' personal-data hooks (rows they keep per enrolment). */
export async function enrolmentIdsOfPerson(db: Executor, personId: string): Promise<string[]> {
  return (await db.selectFrom('enrolments').select('id').where('person_id', '=', personId).execute()).map((r) => r.id);
}

const LOCKED_COLUMNS = ['id', 'organisation_id', 'person_id', 'programme_id', 'cohort_id', 'status', 'return_cohort_id'] as const;

/** Locks the enrolment's row until the transaction ends (PostgreSQL; SQLite writes one at a time anyway). */
export async function lockEnrolment(trx: Executor, id: string) {
  let query = trx.selectFrom('enrolments').select(LOCKED_COLUMNS).where('id', '=', id);
  if (engineOfDb(trx) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirstOrThrow();
}
export type LockedEnrolment = Awaited<ReturnType<typeof lockEnrolment>>;

/** Locks the person's enrolment in the cohort, if they have one (one per person per cohort). */
export async function lockEnrolmentIn(trx: Executor, cohortId: string, personId: string): Promise<LockedEnrolment | undefined> {
  let query = trx.selectFrom('enrolments').select(LOCKED_COLUMNS).where('cohort_id', '=', cohortId).where('person_id', '=', personId);
  if (engineOfDb(trx) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Takes the lock that guards a cohort's places, the cohort's row, so two changes that give or take
 * places in it (a decision, a freed place, a reinstatement, a change of capacity) run one after the
 * other: FOR UPDATE on PostgreSQL; on SQLite the single writer already serialises them.
 */
export async function lockCohortPlaces(trx: Executor, cohortId: string) {
  let query = trx.selectFrom('cohorts').select(['id', 'name', 'capacity']).where('id', '=', cohortId);
  if (engineOfDb(trx) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Places taken in a cohort: its enrolments in a place-holding status. */
export async function countPlacesTaken(db: Executor, cohortId: string): Promise<number> {
  const row = await db
    .selectFrom('enrolments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cohort_id', '=', cohortId)
    .where('status', 'in', PLACE_HOLDING)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The programme's requirements, in the order the programme lead set. */
export function listRequirements(db: Executor, programmeId: string) {
  return db
    .selectFrom('programme_requirements')
    .select(['id', 'kind', 'position', 'settings'])
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .execute();
}

/** Cohorts of the programme that start after the given day, soonest first. */
export function listLaterCohorts(db: Executor, programmeId: string, afterStartsOn: string) {
  return db
    .selectFrom('cohorts')
    .select(['id', 'name', 'starts_on', 'ends_on'])
    .where('programme_id', '=', programmeId)
    .where('starts_on', '>', afterStartsOn)
    .orderBy('starts_on')
    .orderBy('name')
    .execute();
}

/** Status changes, oldest first, with who made them. */
export function listEvents(db: Executor, enrolmentId: string) {
  return db
    .selectFrom('enrolment_events')
    .leftJoin('people', 'people.id', 'enrolment_events.actor_id')
    .select([
      'enrolment_events.id',
      'enrolment_events.status',
      'enrolment_events.reason',
      'enrolment_events.created_at',
      'enrolment_events.actor_id',
      'people.given_name',
      'people.family_name',
    ])
    .where('enrolment_events.enrolment_id', '=', enrolmentId)
    .orderBy('enrolment_events.created_at')
    .orderBy('enrolment_events.id')
    .execute();
}

export function findSignoff(db: Executor, enrolmentId: string) {
  return db
    .selectFrom('enrolment_signoffs')
    .innerJoin('people', 'people.id', 'enrolment_signoffs.signed_off_by')
    .select(['enrolment_signoffs.note', 'enrolment_signoffs.created_at', 'enrolment_signoffs.signed_off_by', 'people.given_name', 'people.family_name'])
    .where('enrolment_signoffs.enrolment_id', '=', enrolmentId)
    .executeTakeFirst();
}

export async function insertSignoff(trx: Executor, row: { enrolment_id: string; signed_off_by: string; note: string; created_at: string }) {
  await trx.insertInto('enrolment_signoffs').values(row).execute();
}

/** A person's enrolments, active ones first, then the newest cohort first. */
export function listEnrolmentsOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .select([
      'enrolments.id',
      'enrolments.status',
      'enrolments.organisation_id',
      'enrolments.person_id',
      'enrolments.cohort_id',
      'enrolments.programme_id',
      'programmes.title as programme_title',
      'cohorts.name as cohort_name',
      'cohorts.starts_on',
      'cohorts.ends_on',
    ])
    .where('enrolments.person_id', '=', personId)
    .orderBy(sql`case when enrolments.status = 'active' then 0 else 1 end`)
    .orderBy('cohorts.starts_on', 'desc')
    .orderBy('enrolments.id')
    .execute();
}

/** A cohort of the organisation, with what its roster shows of it and the programme it runs. */
export function findRosterCohort(db: Executor, organisationId: string, cohortId: string) {
  return db
    .selectFrom('cohorts')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select([
      'cohorts.id',
      'cohorts.name',
      'cohorts.starts_on',
      'cohorts.ends_on',
      'cohorts.capacity',
      'cohorts.programme_id',
      'programmes.title as programme_title',
      'programmes.modules_required',
    ])
    .where('cohorts.organisation_id', '=', organisationId)
    .where('cohorts.id', '=', cohortId)
    .executeTakeFirst();
}

/** The cohort's participants; optionally only those with one status. */
function rosterRows(db: Executor, cohortId: string, status: EnrolmentStatus | null) {
  let query = db
    .selectFrom('enrolments')
    .innerJoin('people', 'people.id', 'enrolments.person_id')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .where('enrolments.cohort_id', '=', cohortId);
  if (status) query = query.where('enrolments.status', '=', status);
  return query;
}

const ROSTER_COLUMNS = [
  'enrolments.id',
  'enrolments.organisation_id',
  'enrolments.person_id',
  'enrolments.cohort_id',
  'enrolments.programme_id',
  'enrolments.status',
  'people.given_name',
  'people.family_name',
  'schools.name as school_name',
] as const;

/** The whole roster (the CSV download, confirming completion), by family name, given name then id. */
export function listRoster(db: Executor, cohortId: string, status: EnrolmentStatus | null) {
  return rosterRows(db, cohortId, status).select(ROSTER_COLUMNS).orderBy('people.family_name').orderBy('people.given_name').orderBy('enrolments.id').execute();
}

/**
 * One page of a cohort's roster by keyset (`keysetPage`), by family name, given name then id, with
 * how many match and how many come before the page. A cursor naming no enrolment of the cohort
 * (with the status chosen) starts at the beginning; the cohort and status apply to every page.
 */
export function rosterPage(db: Executor, cohortId: string, status: EnrolmentStatus | null, pageSize: number, cursor: KeysetCursor) {
  const base = rosterRows(db, cohortId, status);
  return keysetPage({
    columns: ['people.family_name', 'people.given_name', 'enrolments.id'],
    order: 'asc',
    cursor,
    pageSize,
    key: async (id) => {
      const row = await base.select(['people.family_name', 'people.given_name', 'enrolments.id']).where('enrolments.id', '=', id).executeTakeFirst();
      return row ? [row.family_name, row.given_name, row.id] : undefined;
    },
    count: (before) => base.select((eb) => [eb.fn.countAll<number>().as('total'), (before ?? sql<number>`0`).as('before')]).executeTakeFirstOrThrow(),
    rows: (where, order) => {
      let query = base.select(ROSTER_COLUMNS);
      if (where) query = query.where(where);
      return query.orderBy('people.family_name', order).orderBy('people.given_name', order).orderBy('enrolments.id', order).limit(pageSize).execute();
    },
  });
}

/** The people holding a place in a cohort (active or completed): what fellow participants see of each other. */
export function listCohortMembers(db: Executor, cohortId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('people', 'people.id', 'enrolments.person_id')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select(['people.id', 'people.given_name', 'people.family_name', 'people.job_title', 'schools.name as school_name'])
    .where('enrolments.cohort_id', '=', cohortId)
    .where('enrolments.status', 'in', PLACE_HOLDING)
    .where('people.status', '=', 'active')
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .orderBy('people.id')
    .execute();
}

/** Whether the person holds a place in the cohort. */
export async function holdsPlaceIn(db: Executor, cohortId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enrolments')
    .select('id')
    .where('cohort_id', '=', cohortId)
    .where('person_id', '=', personId)
    .where('status', 'in', PLACE_HOLDING)
    .executeTakeFirst();
  return row !== undefined;
}

/** Counts of the cohort's enrolments by status, for the roster's filter. */
export async function countByStatus(db: Executor, cohortId: string): Promise<Record<EnrolmentStatus, number>> {
  const rows = await db
    .selectFrom('enrolments')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('cohort_id', '=', cohortId)
    .groupBy('status')
    .execute();
  const counts: Record<EnrolmentStatus, number> = { active: 0, deferred: 0, withdrawn: 0, completed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

// ----- Modules -----

export function listProgrammeModules(db: Executor, programmeId: string) {
  return db
    .selectFrom('programme_modules')
    .select(['id', 'title', 'description', 'position'])
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .execute();
}

export function listChosenModules(db: Executor, enrolmentId: string) {
  return db.selectFrom('enrolment_modules').select(['module_id', 'chosen_at', 'completed_at', 'reflection']).where('enrolment_id', '=', enrolmentId).execute();
}

export async function removeChosenModules(trx: Executor, enrolmentId: string, moduleIds: string[]) {
  if (moduleIds.length === 0) return;
  // Completed modules are never removed, even if a stale form asks.
  await trx
    .deleteFrom('enrolment_modules')
    .where('enrolment_id', '=', enrolmentId)
    .where('module_id', 'in', moduleIds)
    .where('completed_at', 'is', null)
    .execute();
}

export async function addChosenModules(trx: Executor, enrolmentId: string, moduleIds: string[], now: string) {
  if (moduleIds.length === 0) return;
  await trx
    .insertInto('enrolment_modules')
    .values(
      moduleIds.map((moduleId) => ({
        enrolment_id: enrolmentId,
        module_id: moduleId,
        chosen_at: now,
        completed_at: null,
        completed_by: null,
        reflection: null,
      })),
    )
    .onConflict((oc) => oc.columns(['enrolment_id', 'module_id']).doNothing())
    .execute();
}

/** Marks a chosen module complete; returns false when it wasn't chosen or was already complete. */
export async function completeChosenModule(
  trx: Executor,
  enrolmentId: string,
  moduleId: string,
  values: { completed_at: string; completed_by: string; reflection: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('enrolment_modules')
    .set(values)
    .where('enrolment_id', '=', enrolmentId)
    .where('module_id', '=', moduleId)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The coach named on the application that led to the enrolment (a member of staff), if any.
 * Other features (self-assessment, 360 feedback) let the coach read what the participant shares.
 */
export async function coachOfEnrolment(db: Executor, enrolmentId: string): Promise<string | null> {
  const row = await db
    .selectFrom('enrolments')
    .innerJoin('applications', 'applications.id', 'enrolments.application_id')
    .select('applications.coach_person_id')
    .where('enrolments.id', '=', enrolmentId)
    .executeTakeFirst();
  return row?.coach_person_id ?? null;
}

/** The completed enrolments of the organisation in any of these cohorts (the graduates), by name. */
export function listCompletedInCohorts(db: Executor, organisationId: string, cohortIds: readonly string[]) {
  if (cohortIds.length === 0) return Promise.resolve([]);
  return enrolmentRecords(db, organisationId)
    .where('enrolments.cohort_id', 'in', [...new Set(cohortIds)])
    .where('enrolments.status', '=', 'completed')
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .orderBy('enrolments.id')
    .execute();
}

/** The person's completed enrolments, most recently completed first, with the programme and cohort. */
export function listCompletedOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .select([
      'enrolments.id',
      'enrolments.organisation_id',
      'enrolments.programme_id',
      'enrolments.completed_at',
      'programmes.title as programme_title',
      'programmes.pathway_id',
      'programmes.stage_position',
      'cohorts.name as cohort_name',
      'cohorts.starts_on',
      'cohorts.ends_on',
    ])
    .where('enrolments.person_id', '=', personId)
    .where('enrolments.status', '=', 'completed')
    .orderBy('enrolments.completed_at', 'desc')
    .orderBy('enrolments.id')
    .execute();
}
