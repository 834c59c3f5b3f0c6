import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { findPersonSummary, listPeopleFacts, type PersonFacts } from '../staff';
import type { MeetingStatus, PairingKind } from './mentoring.tables';

// Kysely only; the executor comes first. Mentoring never reads `people` itself: names, schools and
// leadership levels come from staff's `listPeopleFacts` and `findPersonSummary`, one query per list.

/** The people of these ids, by id (one query). */
async function peopleById(db: Executor, ids: readonly string[], organisationId?: string): Promise<Map<string, PersonFacts>> {
  return new Map((await listPeopleFacts(db, ids, organisationId)).map((p) => [p.id, p]));
}

const byName = (a: { family_name: string; given_name: string }, b: { family_name: string; given_name: string }) =>
  a.family_name.localeCompare(b.family_name) || a.given_name.localeCompare(b.given_name);

const PAIRING_COLUMNS = [
  'id',
  'organisation_id',
  'kind',
  'mentor_id',
  'mentee_id',
  'enrolment_id',
  'status',
  'assigned_by',
  'started_at',
  'ended_at',
  'end_reason',
  'replaced_by_id',
  'signed_off_at',
  'signed_off_comment',
] as const;

function pairings(db: Executor) {
  return db.selectFrom('mentoring_pairings').select(PAIRING_COLUMNS);
}
type PairingBase = Awaited<ReturnType<ReturnType<typeof pairings>['executeTakeFirstOrThrow']>>;

/** Pairings with the two people's names and the mentee's school (a pairing whose person is missing is left out). */
async function withPeople(db: Executor, rows: PairingBase[]) {
  const people = await peopleById(
    db,
    rows.flatMap((r) => [r.mentor_id, r.mentee_id]),
  );
  return rows.flatMap((r) => {
    const mentor = people.get(r.mentor_id);
    const mentee = people.get(r.mentee_id);
    if (!mentor || !mentee) return [];
    return [
      {
        ...r,
        mentor_given_name: mentor.given_name,
        mentor_family_name: mentor.family_name,
        mentee_given_name: mentee.given_name,
        mentee_family_name: mentee.family_name,
        mentee_school_id: mentee.school_id,
      },
    ];
  });
}

export async function findPairing(db: Executor, organisationId: string, id: string) {
  const row = await pairings(db).where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
  return row ? (await withPeople(db, [row]))[0] : undefined;
}
export type PairingRow = NonNullable<Awaited<ReturnType<typeof findPairing>>>;

/** Every pairing a person is the mentee of, newest first (history included). */
export async function listPairingsOfMentee(db: Executor, organisationId: string, menteeId: string) {
  const rows = await pairings(db)
    .where('organisation_id', '=', organisationId)
    .where('mentee_id', '=', menteeId)
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .execute();
  return withPeople(db, rows);
}

/** The active pairings a person supports, by mentee name. */
export async function listActivePairingsOfMentor(db: Executor, mentorId: string) {
  const rows = await pairings(db).where('mentor_id', '=', mentorId).where('status', '=', 'active').execute();
  return (await withPeople(db, rows)).sort(
    (a, b) => a.mentee_family_name.localeCompare(b.mentee_family_name) || a.mentee_given_name.localeCompare(b.mentee_given_name) || a.id.localeCompare(b.id),
  );
}

/** The active pairings a person is in, as mentor (or coach) or as mentee. */
export async function listActivePairingsOf(db: Executor, personId: string) {
  const rows = await pairings(db)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('mentor_id', '=', personId), eb('mentee_id', '=', personId)]))
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return withPeople(db, rows);
}

/**
 * The coach of an enrolment: the person in its active coaching pairing (an in-school coach before
 * an external one; the latest if there are two of a kind), or null when it has none.
 */
export async function coachOfEnrolmentPairing(db: Executor, enrolmentId: string): Promise<string | null> {
  const rows = await db
    .selectFrom('mentoring_pairings')
    .select(['mentor_id', 'kind', 'started_at'])
    .where('enrolment_id', '=', enrolmentId)
    .where('status', '=', 'active')
    .where('kind', 'in', ['in_school_coach', 'external_coach'])
    .execute();
  const rank = (kind: PairingKind) => (kind === 'in_school_coach' ? 0 : 1);
  rows.sort((a, b) => rank(a.kind) - rank(b.kind) || b.started_at.localeCompare(a.started_at));
  return rows[0]?.mentor_id ?? null;
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

/** Everyone in the organisation who offers places (a profile with at least one) and is active, for matching. */
export async function listOfferingMentors(db: Executor, organisationId: string) {
  const profiles = await db
    .selectFrom('mentoring_profiles')
    .select(['person_id', 'places', 'strengths'])
    .where('organisation_id', '=', organisationId)
    .where('places', '>', 0)
    .execute();
  const people = await peopleById(
    db,
    profiles.map((p) => p.person_id),
    organisationId,
  );
  return profiles
    .flatMap((profile) => {
      const person = people.get(profile.person_id);
      return person?.status === 'active'
        ? [
            {
              id: person.id,
              given_name: person.given_name,
              family_name: person.family_name,
              job_title: person.job_title,
              school_id: person.school_id,
              leadership_level: person.leadership_level,
              places: profile.places,
              strengths: profile.strengths,
            },
          ]
        : [];
    })
    .sort(byName);
}

/** A person of the organisation: what pairing and matching need. */
export function findPersonFacts(db: Executor, organisationId: string, personId: string) {
  return findPersonSummary(db, personId, organisationId);
}

// ----- Meetings, notes, actions -----

export function listMeetings(db: Executor, pairingIds: string[]) {
  if (pairingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('mentoring_meetings').selectAll().where('pairing_id', 'in', pairingIds).orderBy('held_on', 'desc').orderBy('added_at', 'desc').execute();
}

/**
 * For "People I support": each pairing's meetings (how many, and the next date on or after
 * `today`) and its open actions (how many, and how many are overdue) — counted, not listed.
 */
export async function summarisePairings(db: Executor, pairingIds: readonly string[], today: string) {
  if (pairingIds.length === 0) return new Map<string, { meetings: number; nextMeetingOn: string | null; openActions: number; overdueActions: number }>();
  const [meetings, actions] = await Promise.all([
    db
      .selectFrom('mentoring_meetings')
      .select([
        'pairing_id',
        sql<number | string>`count(*)`.as('meetings'),
        sql<string | null>`min(case when next_meeting_on >= ${today} then next_meeting_on end)`.as('next_on'),
      ])
      .where('pairing_id', 'in', pairingIds)
      .groupBy('pairing_id')
      .execute(),
    db
      .selectFrom('mentoring_actions')
      .select(['pairing_id', sql<number | string>`count(*)`.as('open'), sql<number | string>`sum(case when due_on < ${today} then 1 else 0 end)`.as('overdue')])
      .where('pairing_id', 'in', pairingIds)
      .where('done_at', 'is', null)
      .groupBy('pairing_id')
      .execute(),
  ]);
  const summary = new Map(pairingIds.map((id) => [id, { meetings: 0, nextMeetingOn: null as string | null, openActions: 0, overdueActions: 0 }] as const));
  for (const m of meetings) {
    const s = summary.get(m.pairing_id);
    if (s) Object.assign(s, { meetings: Number(m.meetings), nextMeetingOn: m.next_on });
  }
  for (const a of actions) {
    const s = summary.get(a.pairing_id);
    if (s) Object.assign(s, { openActions: Number(a.open), overdueActions: Number(a.overdue) });
  }
  return summary;
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

/** Actions of these pairings, with the owner's name: open ones first by due date, then done ones. */
export async function listActions(db: Executor, pairingIds: string[]) {
  if (pairingIds.length === 0) return [];
  const rows = await db.selectFrom('mentoring_actions').selectAll().where('pairing_id', 'in', pairingIds).orderBy('due_on').orderBy('created_at').execute();
  const people = await peopleById(
    db,
    rows.map((r) => r.owner_id),
  );
  return rows.map((r) => ({ ...r, owner_given_name: people.get(r.owner_id)?.given_name ?? '', owner_family_name: people.get(r.owner_id)?.family_name ?? '' }));
}

export function findAction(db: Executor, id: string) {
  return db.selectFrom('mentoring_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

// ----- Agreements and reviews -----

export function latestAgreement(db: Executor, pairingId: string) {
  return db.selectFrom('mentoring_agreements').selectAll().where('pairing_id', '=', pairingId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Progress reviews of these pairings, newest first, with the author's name. */
export async function listReviews(db: Executor, pairingIds: string[]) {
  if (pairingIds.length === 0) return [];
  const rows = await db.selectFrom('mentoring_reviews').selectAll().where('pairing_id', 'in', pairingIds).orderBy('created_at', 'desc').execute();
  const people = await peopleById(
    db,
    rows.map((r) => r.author_id),
  );
  return rows.map((r) => ({
    ...r,
    author_given_name: people.get(r.author_id)?.given_name ?? '',
    author_family_name: people.get(r.author_id)?.family_name ?? '',
  }));
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

/** Sign-offs per enrolment, earliest first, with who gave them. */
export async function listSignOffs(db: Executor, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('mentoring_pairings')
    .select(['enrolment_id', 'signed_off_at', 'mentor_id'])
    .where('enrolment_id', 'in', enrolmentIds)
    .where('signed_off_at', 'is not', null)
    .orderBy('signed_off_at')
    .execute();
  const people = await peopleById(
    db,
    rows.map((r) => r.mentor_id),
  );
  return rows.map((r) => ({
    enrolment_id: r.enrolment_id,
    signed_off_at: r.signed_off_at,
    given_name: people.get(r.mentor_id)?.given_name ?? '',
    family_name: people.get(r.mentor_id)?.family_name ?? '',
  }));
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
