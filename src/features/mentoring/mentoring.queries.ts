import type { Executor } from '../../platform/db/database';
import type { MeetingStatus, PairingKind } from './mentoring.tables';

// Kysely only; the executor comes first. Mentoring reads `people` for names, schools and leadership
// levels of the two people in a pairing (a visible entry in the table-ownership allowlist).

const PAIRING_COLUMNS = [
  'mentoring_pairings.id',
  'mentoring_pairings.organisation_id',
  'mentoring_pairings.kind',
  'mentoring_pairings.mentor_id',
  'mentoring_pairings.mentee_id',
  'mentoring_pairings.enrolment_id',
  'mentoring_pairings.status',
  'mentoring_pairings.assigned_by',
  'mentoring_pairings.started_at',
  'mentoring_pairings.ended_at',
  'mentoring_pairings.end_reason',
  'mentoring_pairings.replaced_by_id',
  'mentoring_pairings.signed_off_at',
  'mentoring_pairings.signed_off_comment',
  'mentor.given_name as mentor_given_name',
  'mentor.family_name as mentor_family_name',
  'mentee.given_name as mentee_given_name',
  'mentee.family_name as mentee_family_name',
  'mentee.school_id as mentee_school_id',
] as const;

function pairings(db: Executor) {
  return db
    .selectFrom('mentoring_pairings')
    .innerJoin('people as mentor', 'mentor.id', 'mentoring_pairings.mentor_id')
    .innerJoin('people as mentee', 'mentee.id', 'mentoring_pairings.mentee_id')
    .select(PAIRING_COLUMNS);
}

export function findPairing(db: Executor, organisationId: string, id: string) {
  return pairings(db).where('mentoring_pairings.organisation_id', '=', organisationId).where('mentoring_pairings.id', '=', id).executeTakeFirst();
}
export type PairingRow = NonNullable<Awaited<ReturnType<typeof findPairing>>>;

/** Every pairing a person is the mentee of, newest first (history included). */
export function listPairingsOfMentee(db: Executor, organisationId: string, menteeId: string) {
  return pairings(db)
    .where('mentoring_pairings.organisation_id', '=', organisationId)
    .where('mentoring_pairings.mentee_id', '=', menteeId)
    .orderBy('mentoring_pairings.started_at', 'desc')
    .orderBy('mentoring_pairings.id')
    .execute();
}

/** The active pairings a person supports, by mentee name. */
export function listActivePairingsOfMentor(db: Executor, mentorId: string) {
  return pairings(db)
    .where('mentoring_pairings.mentor_id', '=', mentorId)
    .where('mentoring_pairings.status', '=', 'active')
    .orderBy('mentee.family_name')
    .orderBy('mentee.given_name')
    .orderBy('mentoring_pairings.id')
    .execute();
}

/** Active pairings for an enrolment, or (enrolmentId null) outside any programme, of one kind. */
export function findActivePairingFor(db: Executor, menteeId: string, kind: PairingKind, enrolmentId: string | null) {
  let query = db
    .selectFrom('mentoring_pairings')
    .select(['id', 'mentor_id'])
    .where('mentee_id', '=', menteeId)
    .where('kind', '=', kind)
    .where('status', '=', 'active');
  query = enrolmentId === null ? query.where('enrolment_id', 'is', null) : query.where('enrolment_id', '=', enrolmentId);
  return query.executeTakeFirst();
}

/** How many people each of these people supports now. */
export async function countActiveByMentor(db: Executor, mentorIds: string[]): Promise<Map<string, number>> {
  if (mentorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mentoring_pairings')
    .select(['mentor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mentor_id', 'in', mentorIds)
    .where('status', '=', 'active')
    .groupBy('mentor_id')
    .execute();
  return new Map(rows.map((r) => [r.mentor_id, Number(r.n)]));
}

export function findProfile(db: Executor, personId: string) {
  return db.selectFrom('mentoring_profiles').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export async function saveProfile(trx: Executor, row: { person_id: string; organisation_id: string; places: number; strengths: string; updated_at: string }) {
  const updated = await trx
    .updateTable('mentoring_profiles')
    .set({ places: row.places, strengths: row.strengths, updated_at: row.updated_at })
    .where('person_id', '=', row.person_id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await trx.insertInto('mentoring_profiles').values(row).execute();
}

/** Everyone in the organisation who offers places (a profile with at least one), for matching. */
export function listOfferingMentors(db: Executor, organisationId: string) {
  return db
    .selectFrom('mentoring_profiles')
    .innerJoin('people', 'people.id', 'mentoring_profiles.person_id')
    .select([
      'people.id',
      'people.given_name',
      'people.family_name',
      'people.job_title',
      'people.school_id',
      'people.leadership_level',
      'mentoring_profiles.places',
      'mentoring_profiles.strengths',
    ])
    .where('mentoring_profiles.organisation_id', '=', organisationId)
    .where('mentoring_profiles.places', '>', 0)
    .where('people.status', '=', 'active')
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
}

/** A person of the organisation: what pairing and matching need. */
export function findPersonFacts(db: Executor, organisationId: string, personId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'school_id', 'leadership_level', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

// ----- Meetings, notes, actions -----

export function listMeetings(db: Executor, pairingIds: string[]) {
  if (pairingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('mentoring_meetings').selectAll().where('pairing_id', 'in', pairingIds).orderBy('held_on', 'desc').orderBy('added_at', 'desc').execute();
}

export function findMeeting(db: Executor, id: string) {
  return db.selectFrom('mentoring_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function confirmMeeting(trx: Executor, id: string, by: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('mentoring_meetings')
    .set({ status: 'confirmed' satisfies MeetingStatus, confirmed_by: by, confirmed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'recorded')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The author's own private notes on a meeting: the only query that reads them, always by author. */
export function findOwnPrivateNotes(db: Executor, meetingId: string, authorId: string) {
  return db
    .selectFrom('mentoring_private_notes')
    .select(['notes', 'updated_at'])
    .where('meeting_id', '=', meetingId)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
}

export async function saveOwnPrivateNotes(trx: Executor, meetingId: string, authorId: string, notes: string, at: string) {
  await trx.deleteFrom('mentoring_private_notes').where('meeting_id', '=', meetingId).where('author_id', '=', authorId).execute();
  if (notes !== '') await trx.insertInto('mentoring_private_notes').values({ meeting_id: meetingId, author_id: authorId, notes, updated_at: at }).execute();
}

/** Actions of these pairings: open ones first by due date, then done ones. */
export function listActions(db: Executor, pairingIds: string[]) {
  if (pairingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mentoring_actions')
    .innerJoin('people as owner', 'owner.id', 'mentoring_actions.owner_id')
    .selectAll('mentoring_actions')
    .select(['owner.given_name as owner_given_name', 'owner.family_name as owner_family_name'])
    .where('mentoring_actions.pairing_id', 'in', pairingIds)
    .orderBy('mentoring_actions.due_on')
    .orderBy('mentoring_actions.created_at')
    .execute();
}

export function findAction(db: Executor, id: string) {
  return db.selectFrom('mentoring_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

// ----- Agreements and reviews -----

export function latestAgreement(db: Executor, pairingId: string) {
  return db.selectFrom('mentoring_agreements').selectAll().where('pairing_id', '=', pairingId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export function listReviews(db: Executor, pairingIds: string[]) {
  if (pairingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mentoring_reviews')
    .innerJoin('people as author', 'author.id', 'mentoring_reviews.author_id')
    .selectAll('mentoring_reviews')
    .select(['author.given_name as author_given_name', 'author.family_name as author_family_name'])
    .where('mentoring_reviews.pairing_id', 'in', pairingIds)
    .orderBy('mentoring_reviews.created_at', 'desc')
    .execute();
}

// ----- Evaluators and reminders -----

/** Confirmed meetings per enrolment, across the enrolment's pairings. */
export async function countConfirmedMeetings(db: Executor, enrolmentIds: string[]): Promise<Map<string, number>> {
  if (enrolmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mentoring_meetings')
    .innerJoin('mentoring_pairings', 'mentoring_pairings.id', 'mentoring_meetings.pairing_id')
    .select(['mentoring_pairings.enrolment_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mentoring_pairings.enrolment_id', 'in', enrolmentIds)
    .where('mentoring_meetings.status', '=', 'confirmed')
    .groupBy('mentoring_pairings.enrolment_id')
    .execute();
  return new Map(rows.map((r) => [r.enrolment_id ?? '', Number(r.n)]));
}

/** Sign-offs per enrolment: the earliest, with who gave it. */
export function listSignOffs(db: Executor, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('mentoring_pairings')
    .innerJoin('people as mentor', 'mentor.id', 'mentoring_pairings.mentor_id')
    .select(['mentoring_pairings.enrolment_id', 'mentoring_pairings.signed_off_at', 'mentor.given_name', 'mentor.family_name'])
    .where('mentoring_pairings.enrolment_id', 'in', enrolmentIds)
    .where('mentoring_pairings.signed_off_at', 'is not', null)
    .orderBy('mentoring_pairings.signed_off_at')
    .execute();
}

/** Open actions due on or before a day, in active pairings. */
export function listActionsDue(db: Executor, onOrBefore: string) {
  return db
    .selectFrom('mentoring_actions')
    .innerJoin('mentoring_pairings', 'mentoring_pairings.id', 'mentoring_actions.pairing_id')
    .select(['mentoring_actions.id', 'mentoring_actions.description', 'mentoring_actions.owner_id', 'mentoring_actions.due_on', 'mentoring_actions.meeting_id'])
    .where('mentoring_actions.done_at', 'is', null)
    .where('mentoring_actions.due_on', '<=', onOrBefore)
    .where('mentoring_pairings.status', '=', 'active')
    .execute();
}

/** Meetings held on or before a day with no shared notes yet, in active pairings. */
export function listMeetingsWithoutNotes(db: Executor, onOrBefore: string) {
  return db
    .selectFrom('mentoring_meetings')
    .innerJoin('mentoring_pairings', 'mentoring_pairings.id', 'mentoring_meetings.pairing_id')
    .select(['mentoring_meetings.id', 'mentoring_meetings.added_by', 'mentoring_meetings.held_on'])
    .where('mentoring_meetings.shared_notes', '=', '')
    .where('mentoring_meetings.held_on', '<=', onOrBefore)
    .where('mentoring_pairings.status', '=', 'active')
    .execute();
}
