import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { engineOfDb } from '../../platform/db/connect';
import { type EnrolmentStatus, PLACE_HOLDING } from '../enrolments';
import type { SessionBookingsTable, SessionMaterialsTable, SessionsEventsTable } from './sessions.tables';

// Reads of cohorts, programmes, enrolments and people here are read-only joins, as in enrolments.

const SESSION_COLUMNS = [
  'sessions_events.id',
  'sessions_events.organisation_id',
  'sessions_events.cohort_id',
  'sessions_events.kind',
  'sessions_events.title',
  'sessions_events.description',
  'sessions_events.skill_ids',
  'sessions_events.starts_at',
  'sessions_events.ends_at',
  'sessions_events.mode',
  'sessions_events.venue',
  'sessions_events.online_url',
  'sessions_events.capacity',
  'sessions_events.status',
  'sessions_events.cancel_reason',
  'sessions_events.cancelled_at',
  'sessions_events.sequence',
  'sessions_events.created_by',
  'sessions_events.created_at',
  'sessions_events.updated_at',
] as const;

/** A session with the names around it: organisation, and for a cohort's session its cohort and programme. */
export function sessionsWithNames(db: Executor) {
  return db
    .selectFrom('sessions_events')
    .innerJoin('organisations', 'organisations.id', 'sessions_events.organisation_id')
    .leftJoin('cohorts', 'cohorts.id', 'sessions_events.cohort_id')
    .leftJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select([
      ...SESSION_COLUMNS,
      'organisations.name as organisation_name',
      'cohorts.name as cohort_name',
      'programmes.id as programme_id',
      'programmes.title as programme_title',
      'programmes.framework_version_id',
    ]);
}

export type SessionWithNames = Awaited<ReturnType<typeof findSessionWithOrg>> & {};

export function findSessionWithOrg(db: Executor, organisationId: string, sessionId: string) {
  return sessionsWithNames(db).where('sessions_events.id', '=', sessionId).where('sessions_events.organisation_id', '=', organisationId).executeTakeFirst();
}

/** Whether a person facilitates a session, and their latest enrolment status in its cohort (what `canSeeSession` needs). */
export async function relationTo(db: Executor, session: { id: string; cohort_id: string | null }, personId: string) {
  const [facilitator, enrolment] = await Promise.all([
    db.selectFrom('session_facilitators').select('person_id').where('session_id', '=', session.id).where('person_id', '=', personId).executeTakeFirst(),
    session.cohort_id
      ? db
          .selectFrom('enrolments')
          .select('status')
          .where('cohort_id', '=', session.cohort_id)
          .where('person_id', '=', personId)
          .orderBy('updated_at', 'desc')
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return { facilitates: !!facilitator, enrolmentStatus: (enrolment?.status ?? null) as EnrolmentStatus | null };
}

/** How a person stands to a session: whether they facilitate it, their enrolment in its cohort, their booking. */
export async function personRelation(db: Executor, session: { id: string; cohort_id: string | null }, personId: string) {
  const [relation, booking] = await Promise.all([relationTo(db, session, personId), findBooking(db, session.id, personId)]);
  return { ...relation, booking };
}

export async function listFacilitators(db: Executor, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('session_facilitators')
    .innerJoin('people', 'people.id', 'session_facilitators.person_id')
    .select(['session_facilitators.session_id', 'people.id', 'people.given_name', 'people.family_name', 'people.email', 'people.job_title'])
    .where('session_facilitators.session_id', 'in', sessionIds)
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

/**
 * A person's sessions: their cohorts' (enrolment active or completed), open events they have a place
 * at (and, with `includeWaiting`, those they wait for), and sessions they facilitate. Oldest first.
 */
export function listSessionsForPerson(db: Executor, personId: string, options: { includeWaiting?: boolean } = {}) {
  const bookingStatuses = options.includeWaiting ? (['booked', 'waiting'] as const) : (['booked'] as const);
  return sessionsWithNames(db)
    .leftJoin('session_bookings', (join) =>
      join.onRef('session_bookings.session_id', '=', 'sessions_events.id').on('session_bookings.person_id', '=', personId),
    )
    .select(['session_bookings.status as booking_status'])
    .where((eb) =>
      eb.or([
        eb(
          'sessions_events.cohort_id',
          'in',
          eb
            .selectFrom('enrolments')
            .select('enrolments.cohort_id')
            .where('enrolments.person_id', '=', personId)
            .where('enrolments.status', 'in', PLACE_HOLDING),
        ),
        eb('session_bookings.status', 'in', bookingStatuses),
        eb(
          'sessions_events.id',
          'in',
          eb.selectFrom('session_facilitators').select('session_facilitators.session_id').where('session_facilitators.person_id', '=', personId),
        ),
      ]),
    )
    .orderBy('sessions_events.starts_at')
    .orderBy('sessions_events.id')
    .execute();
}

export function listCohortSessions(db: Executor, cohortId: string) {
  return sessionsWithNames(db).where('sessions_events.cohort_id', '=', cohortId).orderBy('sessions_events.starts_at').orderBy('sessions_events.id').execute();
}

/** The organisation's open events that haven't ended, soonest first, with places booked and the viewer's booking. */
export function listUpcomingEvents(db: Executor, organisationId: string, personId: string, nowIso: string) {
  return sessionsWithNames(db)
    .leftJoin('session_bookings as mine', (join) => join.onRef('mine.session_id', '=', 'sessions_events.id').on('mine.person_id', '=', personId))
    .select((eb) => [
      'mine.status as booking_status',
      eb
        .selectFrom('session_bookings')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('session_bookings.session_id', '=', 'sessions_events.id')
        .where('session_bookings.status', '=', 'booked')
        .as('booked'),
    ])
    .where('sessions_events.organisation_id', '=', organisationId)
    .where('sessions_events.cohort_id', 'is', null)
    .where('sessions_events.ends_at', '>', nowIso)
    .orderBy('sessions_events.starts_at')
    .orderBy('sessions_events.id')
    .execute();
}

/** The cohort sessions are added to, with its programme (for the skill focus choices). */
export function findCohortForSessions(db: Executor, organisationId: string, cohortId: string) {
  return db
    .selectFrom('cohorts')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select([
      'cohorts.id',
      'cohorts.organisation_id',
      'cohorts.name',
      'cohorts.programme_id',
      'programmes.title as programme_title',
      'programmes.framework_version_id',
    ])
    .where('cohorts.id', '=', cohortId)
    .where('cohorts.organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Active staff of the organisation among `ids` (any school), with their school: the facilitators a form has chosen. */
export function listStaffByIds(db: Executor, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select(['people.id', 'people.given_name', 'people.family_name', 'people.job_title', 'schools.name as school_name'])
    .where('people.organisation_id', '=', organisationId)
    .where('people.status', '=', 'active')
    .where('people.id', 'in', [...ids])
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

export async function countActiveStaff(db: Executor, organisationId: string, personIds: readonly string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('id', 'in', personIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSession(trx: Executor, row: Insertable<SessionsEventsTable>, facilitatorIds: readonly string[]) {
  await trx.insertInto('sessions_events').values(row).execute();
  await replaceFacilitators(trx, row.id, facilitatorIds);
}

export async function replaceFacilitators(trx: Executor, sessionId: string, facilitatorIds: readonly string[]) {
  await trx.deleteFrom('session_facilitators').where('session_id', '=', sessionId).execute();
  if (facilitatorIds.length)
    await trx
      .insertInto('session_facilitators')
      .values(facilitatorIds.map((person_id) => ({ session_id: sessionId, person_id })))
      .execute();
}

export async function updateSession(trx: Executor, sessionId: string, changes: Updateable<SessionsEventsTable>) {
  await trx.updateTable('sessions_events').set(changes).where('id', '=', sessionId).execute();
}

/** The session row, locked against concurrent bookings and cancellations on PostgreSQL (SQLite writes one at a time). */
export function lockSession(trx: Executor, sessionId: string) {
  const query = trx.selectFrom('sessions_events').selectAll().where('id', '=', sessionId);
  return engineOfDb(trx) === 'postgres' ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

// ----- Materials -----

export function listMaterials(db: Executor, sessionId: string) {
  return db
    .selectFrom('session_materials')
    .leftJoin('stored_files', 'stored_files.id', 'session_materials.file_id')
    .select([
      'session_materials.id',
      'session_materials.title',
      'session_materials.url',
      'session_materials.file_id',
      'session_materials.created_at',
      'stored_files.file_name',
      'stored_files.size_bytes',
      'stored_files.content_type',
    ])
    .where('session_materials.session_id', '=', sessionId)
    .orderBy('session_materials.created_at')
    .orderBy('session_materials.id')
    .execute();
}

export function findMaterial(db: Executor, sessionId: string, materialId: string) {
  return db.selectFrom('session_materials').selectAll().where('session_id', '=', sessionId).where('id', '=', materialId).executeTakeFirst();
}

export async function insertMaterial(trx: Executor, row: Insertable<SessionMaterialsTable>) {
  await trx.insertInto('session_materials').values(row).execute();
}

export async function deleteMaterial(trx: Executor, materialId: string) {
  await trx.deleteFrom('session_materials').where('id', '=', materialId).execute();
}

// ----- Bookings -----

export function findBooking(db: Executor, sessionId: string, personId: string) {
  return db.selectFrom('session_bookings').selectAll().where('session_id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
}

export async function countBooked(db: Executor, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('session_bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'booked')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The first person on the waiting list: whoever has waited longest. */
export function firstWaiting(db: Executor, sessionId: string) {
  return db
    .selectFrom('session_bookings')
    .select(['id', 'person_id'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waiting')
    .orderBy('waiting_since')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Where a waiting booking stands on the list: 1 is next. */
export async function waitingPosition(db: Executor, sessionId: string, booking: { id: string; waiting_since: string | null }): Promise<number> {
  const since = booking.waiting_since ?? '';
  const row = await db
    .selectFrom('session_bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waiting')
    .where((eb) => eb.or([eb('waiting_since', '<', since), eb.and([eb('waiting_since', '=', since), eb('id', '<', booking.id)])]))
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

export async function insertBooking(trx: Executor, row: Insertable<SessionBookingsTable>) {
  await trx.insertInto('session_bookings').values(row).execute();
}

export async function updateBooking(trx: Executor, bookingId: string, changes: Updateable<SessionBookingsTable>) {
  await trx.updateTable('session_bookings').set(changes).where('id', '=', bookingId).execute();
}

/** Who has a place and who waits (in order), for the organisers. */
export function listBookings(db: Executor, sessionId: string) {
  return db
    .selectFrom('session_bookings')
    .innerJoin('people', 'people.id', 'session_bookings.person_id')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select([
      'session_bookings.id',
      'session_bookings.person_id',
      'session_bookings.status',
      'session_bookings.waiting_since',
      'session_bookings.booked_at',
      'people.given_name',
      'people.family_name',
      'schools.name as school_name',
    ])
    .where('session_bookings.session_id', '=', sessionId)
    .where('session_bookings.status', 'in', ['booked', 'waiting'])
    .orderBy('session_bookings.status')
    .orderBy('session_bookings.waiting_since')
    .orderBy('session_bookings.booked_at')
    .orderBy('session_bookings.id')
    .execute();
}

// ----- Who is told -----

/**
 * Everyone a change to the session affects: the cohort's active participants, people booked or
 * waiting for an open event, and its facilitators. Distinct person ids.
 */
export async function listAffectedPeople(
  db: Executor,
  session: { id: string; cohort_id: string | null },
  options: { includeWaiting: boolean },
): Promise<string[]> {
  const [participants, bookings, facilitators] = await Promise.all([
    session.cohort_id
      ? db.selectFrom('enrolments').select('person_id').where('cohort_id', '=', session.cohort_id).where('status', '=', 'active').execute()
      : Promise.resolve([]),
    db
      .selectFrom('session_bookings')
      .select('person_id')
      .where('session_id', '=', session.id)
      .where('status', 'in', options.includeWaiting ? ['booked', 'waiting'] : ['booked'])
      .execute(),
    db.selectFrom('session_facilitators').select('person_id').where('session_id', '=', session.id).execute(),
  ]);
  // Sorted, so two workers queueing reminders insert outbox rows in the same order (no deadlock on PostgreSQL).
  return [...new Set([...participants, ...bookings, ...facilitators].map((r) => r.person_id))].sort();
}

/** Scheduled sessions starting in [from, to), for reminders. */
export function listSessionsStartingBetween(db: Executor, fromIso: string, toIso: string) {
  return sessionsWithNames(db)
    .where('sessions_events.status', '=', 'scheduled')
    .where('sessions_events.starts_at', '>=', fromIso)
    .where('sessions_events.starts_at', '<', toIso)
    .orderBy('sessions_events.starts_at')
    .execute();
}

/** The organisation's graduation ceremonies (open events of kind `graduation`), soonest first. */
export function listGraduationEvents(db: Executor, organisationId: string, ids?: readonly string[]) {
  let query = sessionsWithNames(db)
    .where('sessions_events.organisation_id', '=', organisationId)
    .where('sessions_events.kind', '=', 'graduation')
    .where('sessions_events.cohort_id', 'is', null);
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    query = query.where('sessions_events.id', 'in', [...new Set(ids)]);
  }
  return query.orderBy('sessions_events.starts_at').orderBy('sessions_events.id').execute();
}
