import type { Executor } from '../../platform/db/database';
import { PLACE_HOLDING } from '../enrolments';
import type { AttendanceStatus } from './sessions.tables';

// Attendance, check-in and calendar feeds. Reads of enrolments, cohorts and people are read-only joins.

/** A session with what the register and check-in need (its check-in secret included: never send it to a view). */
export function findSessionForAttendance(db: Executor, organisationId: string, sessionId: string) {
  return db
    .selectFrom('sessions_events')
    .leftJoin('cohorts', 'cohorts.id', 'sessions_events.cohort_id')
    .leftJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select([
      'sessions_events.id',
      'sessions_events.organisation_id',
      'sessions_events.cohort_id',
      'sessions_events.kind',
      'sessions_events.title',
      'sessions_events.starts_at',
      'sessions_events.ends_at',
      'sessions_events.status',
      'sessions_events.check_in_secret',
      'sessions_events.skill_ids',
      'cohorts.name as cohort_name',
      'programmes.title as programme_title',
    ])
    .where('sessions_events.id', '=', sessionId)
    .where('sessions_events.organisation_id', '=', organisationId)
    .executeTakeFirst();
}
export type AttendanceSession = NonNullable<Awaited<ReturnType<typeof findSessionForAttendance>>>;

export interface ExpectedPerson {
  personId: string;
  givenName: string;
  familyName: string;
  schoolName: string | null;
}

/**
 * Who is expected at a session: for a cohort's session its participants (enrolment active, or
 * completed since); for an open event, those with a place. Sorted by family name.
 */
export async function listExpected(db: Executor, session: { id: string; cohort_id: string | null }): Promise<ExpectedPerson[]> {
  const rows = session.cohort_id
    ? await db
        .selectFrom('enrolments')
        .innerJoin('people', 'people.id', 'enrolments.person_id')
        .leftJoin('schools', 'schools.id', 'people.school_id')
        .select(['people.id as person_id', 'people.given_name', 'people.family_name', 'schools.name as school_name'])
        .distinct()
        .where('enrolments.cohort_id', '=', session.cohort_id)
        .where('enrolments.status', 'in', PLACE_HOLDING)
        .orderBy('people.family_name')
        .orderBy('people.given_name')
        .orderBy('people.id')
        .execute()
    : await db
        .selectFrom('session_bookings')
        .innerJoin('people', 'people.id', 'session_bookings.person_id')
        .leftJoin('schools', 'schools.id', 'people.school_id')
        .select(['people.id as person_id', 'people.given_name', 'people.family_name', 'schools.name as school_name'])
        .where('session_bookings.session_id', '=', session.id)
        .where('session_bookings.status', '=', 'booked')
        .orderBy('people.family_name')
        .orderBy('people.given_name')
        .orderBy('people.id')
        .execute();
  return rows.map((r) => ({ personId: r.person_id, givenName: r.given_name, familyName: r.family_name, schoolName: r.school_name }));
}

/** Whether one person is expected at the session (see listExpected). */
export async function isExpected(db: Executor, session: { id: string; cohort_id: string | null }, personId: string): Promise<boolean> {
  if (session.cohort_id) {
    const row = await db
      .selectFrom('enrolments')
      .select('id')
      .where('cohort_id', '=', session.cohort_id)
      .where('person_id', '=', personId)
      .where('status', 'in', PLACE_HOLDING)
      .executeTakeFirst();
    return !!row;
  }
  const row = await db
    .selectFrom('session_bookings')
    .select('id')
    .where('session_id', '=', session.id)
    .where('person_id', '=', personId)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  return !!row;
}

/** Every mark on a session's register, with who made it. */
export function listAttendance(db: Executor, sessionId: string) {
  return db
    .selectFrom('session_attendance')
    .innerJoin('people', 'people.id', 'session_attendance.person_id')
    .leftJoin('people as marker', 'marker.id', 'session_attendance.marked_by')
    .select([
      'session_attendance.person_id',
      'session_attendance.status',
      'session_attendance.reason',
      'session_attendance.method',
      'session_attendance.marked_at',
      'people.given_name',
      'people.family_name',
      'marker.given_name as marker_given_name',
      'marker.family_name as marker_family_name',
    ])
    .where('session_attendance.session_id', '=', sessionId)
    .execute();
}
export type AttendanceMark = Awaited<ReturnType<typeof listAttendance>>[number];

export function findMark(db: Executor, sessionId: string, personId: string) {
  return db.selectFrom('session_attendance').selectAll().where('session_id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
}

export interface MarkRow {
  session_id: string;
  person_id: string;
  status: AttendanceStatus;
  reason: string | null;
  method: 'register' | 'check_in';
  marked_by: string | null;
  marked_at: string;
}

/** Writes a register mark, replacing any earlier one (a facilitator's mark wins over a check-in). */
export async function saveMark(trx: Executor, row: MarkRow): Promise<void> {
  await trx
    .insertInto('session_attendance')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'person_id'])
        .doUpdateSet({ status: row.status, reason: row.reason, method: row.method, marked_by: row.marked_by, marked_at: row.marked_at }),
    )
    .execute();
}

/** Writes a mark only if the person has none yet; true when it was written. */
export async function addMarkIfNone(trx: Executor, row: MarkRow): Promise<boolean> {
  const result = await trx
    .insertInto('session_attendance')
    .values(row)
    .onConflict((oc) => oc.columns(['session_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Sessions of these cohorts that were not cancelled: what attendance is counted against. */
export async function listCountedSessions(db: Executor, cohortIds: readonly string[]) {
  if (cohortIds.length === 0) return [];
  return db
    .selectFrom('sessions_events')
    .select(['id', 'cohort_id', 'ends_at'])
    .where('cohort_id', 'in', cohortIds)
    .where('status', '=', 'scheduled')
    .execute();
}

/** Present and late marks of these people at these sessions. */
export async function listAttendedMarks(db: Executor, sessionIds: readonly string[], personIds: readonly string[]) {
  if (sessionIds.length === 0 || personIds.length === 0) return [];
  return db
    .selectFrom('session_attendance')
    .select(['session_id', 'person_id'])
    .where('session_id', 'in', sessionIds)
    .where('person_id', 'in', personIds)
    .where('status', 'in', ['present', 'late'])
    .execute();
}

/** A person's enrolments, as attendance needs them. */
// ----- Calendar feeds -----

export function findFeedOf(db: Executor, personId: string) {
  return db.selectFrom('calendar_feeds').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/** The active person a feed address belongs to. */
export function findFeedOwner(db: Executor, token: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('people', 'people.id', 'calendar_feeds.person_id')
    .innerJoin('organisations', 'organisations.id', 'people.organisation_id')
    .select(['people.id as person_id', 'people.given_name', 'people.family_name', 'organisations.name as organisation_name'])
    .where('calendar_feeds.token', '=', token)
    .where('people.status', '=', 'active')
    .executeTakeFirst();
}

/** Gives the person a new feed token; any old one stops working. */
export async function replaceFeed(trx: Executor, personId: string, token: string, nowIso: string): Promise<void> {
  await trx
    .insertInto('calendar_feeds')
    .values({ person_id: personId, token, created_at: nowIso })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ token, created_at: nowIso }))
    .execute();
}
