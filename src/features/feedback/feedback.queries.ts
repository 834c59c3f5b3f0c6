import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { RaterGroup } from './feedback.model';
import type { FeedbackRespondentsTable, FeedbackRoundsTable, RespondentStatus, ShareRelationship } from './feedback.tables';

// Feedback reads people (names, line managers) read-only, as the other features do; everything else
// it needs from programmes, enrolments and frameworks comes through their index exports.

/** A round of the organisation with its participant's name and line manager. */
export function findRound(db: Executor, organisationId: string, id: string) {
  return db
    .selectFrom('feedback_rounds')
    .innerJoin('people', 'people.id', 'feedback_rounds.person_id')
    .selectAll('feedback_rounds')
    .select(['people.given_name', 'people.family_name', 'people.line_manager_id'])
    .where('feedback_rounds.organisation_id', '=', organisationId)
    .where('feedback_rounds.id', '=', id)
    .executeTakeFirst();
}
export type RoundRecord = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/** The participant's rounds, newest first, with how many answered. */
export function listRoundsOf(db: Executor, personId: string) {
  return db
    .selectFrom('feedback_rounds')
    .select(['id', 'enrolment_id', 'closes_on', 'closed_at', 'created_at'])
    .select((eb) =>
      eb
        .selectFrom('feedback_responses')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('feedback_responses.round_id', '=', 'feedback_rounds.id')
        .as('answered'),
    )
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Rounds whose report has been shared with this person. */
export function listRoundsSharedWith(db: Executor, personId: string) {
  return db
    .selectFrom('feedback_shares')
    .innerJoin('feedback_rounds', 'feedback_rounds.id', 'feedback_shares.round_id')
    .innerJoin('people', 'people.id', 'feedback_rounds.person_id')
    .select([
      'feedback_rounds.id',
      'feedback_rounds.closes_on',
      'feedback_rounds.closed_at',
      'people.given_name',
      'people.family_name',
      'feedback_shares.relationship',
    ])
    .where('feedback_shares.person_id', '=', personId)
    .orderBy('feedback_rounds.created_at', 'desc')
    .execute();
}

export async function insertRound(
  trx: Executor,
  round: FeedbackRoundsTable,
  skillIds: string[],
  groups: { group: RaterGroup; minimum: number; anonymous: boolean }[],
) {
  await trx.insertInto('feedback_rounds').values(round).execute();
  await trx
    .insertInto('feedback_round_skills')
    .values(skillIds.map((skill_id, i) => ({ round_id: round.id, skill_id, position: i + 1 })))
    .execute();
  await trx
    .insertInto('feedback_round_groups')
    .values(groups.map((g) => ({ round_id: round.id, rater_group: g.group, minimum: g.minimum, anonymous: g.anonymous ? 1 : 0 })))
    .execute();
}

export function updateRound(
  trx: Executor,
  id: string,
  values: Partial<Pick<FeedbackRoundsTable, 'closed_at' | 'self_ratings' | 'class_token' | 'class_open' | 'updated_at'>>,
) {
  return trx.updateTable('feedback_rounds').set(values).where('id', '=', id).executeTakeFirst();
}

/** Closes a round if it is still open (and drops drafts nobody submitted); false when it was already closed. */
export async function closeRoundRow(trx: Executor, id: string, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('feedback_rounds')
    .set({ closed_at: now, class_open: 0, updated_at: now })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await trx.updateTable('feedback_respondents').set({ draft: null }).where('round_id', '=', id).where('draft', 'is not', null).execute();
  return true;
}

/** Whether a round takes answers: its dates and class link. */
export function findRoundState(db: Executor, id: string) {
  return db.selectFrom('feedback_rounds').select(['closed_at', 'closes_on', 'class_open']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The round and group a respondent answers in. */
export function findRespondentPlace(db: Executor, id: string) {
  return db.selectFrom('feedback_respondents').select(['round_id', 'rater_group']).where('id', '=', id).executeTakeFirstOrThrow();
}

export function listRoundSkillIds(db: Executor, roundId: string) {
  return db.selectFrom('feedback_round_skills').select(['skill_id', 'position']).where('round_id', '=', roundId).orderBy('position').execute();
}

export function listRoundGroups(db: Executor, roundId: string) {
  return db.selectFrom('feedback_round_groups').select(['rater_group', 'minimum', 'anonymous']).where('round_id', '=', roundId).execute();
}

/** Names and groups of those invited, and whether each awaits approval: never whether they answered. */
export function listInvited(db: Executor, roundId: string) {
  return db
    .selectFrom('feedback_respondents')
    .select(['id', 'rater_group', 'name', 'email', 'person_id'])
    .select((eb) =>
      eb
        .case()
        .when('status', '=', 'awaiting_approval')
        .then('awaiting_approval')
        .when('status', '=', 'refused')
        .then('refused')
        .else('sent')
        .end()
        .as('approval'),
    )
    .where('round_id', '=', roundId)
    .orderBy('rater_group')
    .orderBy('name')
    .execute();
}

/** How many answered, per group. */
export async function countResponsesByGroup(db: Executor, roundId: string): Promise<Map<RaterGroup, number>> {
  const rows = await db
    .selectFrom('feedback_responses')
    .select(['rater_group', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', '=', roundId)
    .groupBy('rater_group')
    .execute();
  return new Map(rows.map((r) => [r.rater_group, Number(r.n)]));
}

export function listResponses(db: Executor, roundId: string) {
  // Sorted by the random id, so the stored order says nothing about who answered when.
  return db.selectFrom('feedback_responses').select(['rater_group', 'ratings', 'strengths', 'develop']).where('round_id', '=', roundId).orderBy('id').execute();
}

export function insertResponse(
  trx: Executor,
  row: { id: string; round_id: string; rater_group: RaterGroup; ratings: string; strengths: string; develop: string },
) {
  return trx.insertInto('feedback_responses').values(row).execute();
}

export function insertRespondent(trx: Executor, row: FeedbackRespondentsTable) {
  return trx.insertInto('feedback_respondents').values(row).execute();
}

/** Gives a respondent a new link with their one reminder; false if they were reminded already. */
export async function remindRespondent(trx: Executor, id: string, tokenHash: string, today: string): Promise<boolean> {
  const result = await trx
    .updateTable('feedback_respondents')
    .set({ token_hash: tokenHash, reminded_on: today })
    .where('id', '=', id)
    .where('reminded_on', 'is', null)
    .where('status', 'in', ['invited', 'started'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Everyone invited to a round, in every group. */
export function countRespondents(db: Executor, roundId: string) {
  return db
    .selectFrom('feedback_respondents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function countRespondentsInGroup(db: Executor, roundId: string, group: RaterGroup) {
  return db
    .selectFrom('feedback_respondents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .where('rater_group', '=', group)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** A respondent by their link's token hash, with the round and whose feedback it is. */
export function findRespondentByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('feedback_respondents')
    .innerJoin('feedback_rounds', 'feedback_rounds.id', 'feedback_respondents.round_id')
    .innerJoin('people', 'people.id', 'feedback_rounds.person_id')
    .select([
      'feedback_respondents.id',
      'feedback_respondents.round_id',
      'feedback_respondents.rater_group',
      'feedback_respondents.name',
      'feedback_respondents.status',
      'feedback_respondents.draft',
      'feedback_rounds.organisation_id',
      'feedback_rounds.framework_version_id',
      'feedback_rounds.closes_on',
      'feedback_rounds.closed_at',
      'people.given_name',
      'people.family_name',
    ])
    .where('feedback_respondents.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** A round by its class link token, with whose feedback it is. */
export function findRoundByClassToken(db: Executor, token: string) {
  return db
    .selectFrom('feedback_rounds')
    .innerJoin('people', 'people.id', 'feedback_rounds.person_id')
    .select([
      'feedback_rounds.id',
      'feedback_rounds.framework_version_id',
      'feedback_rounds.closes_on',
      'feedback_rounds.closed_at',
      'feedback_rounds.class_open',
      'people.title',
      'people.given_name',
      'people.family_name',
    ])
    .where('feedback_rounds.class_token', '=', token)
    .executeTakeFirst();
}

/** Moves a respondent on from a state they are still in; false when someone (or something) got there first. */
export async function setRespondentStatus(
  trx: Executor,
  id: string,
  from: RespondentStatus[],
  values: { status: RespondentStatus; draft?: string | null; decline_reason?: string | null },
): Promise<boolean> {
  const result = await trx.updateTable('feedback_respondents').set(values).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a browser's answer through a class link; false if that browser already answered. */
export async function claimClassBrowser(trx: Executor, roundId: string, browserHash: string): Promise<boolean> {
  const result = await trx
    .insertInto('feedback_class_browsers')
    .values({ round_id: roundId, browser_hash: browserHash })
    .onConflict((oc) => oc.columns(['round_id', 'browser_hash']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export function hasClassBrowser(db: Executor, roundId: string, browserHash: string) {
  return db.selectFrom('feedback_class_browsers').select('round_id').where('round_id', '=', roundId).where('browser_hash', '=', browserHash).executeTakeFirst();
}

export function listShares(db: Executor, roundId: string) {
  return db
    .selectFrom('feedback_shares')
    .innerJoin('people', 'people.id', 'feedback_shares.person_id')
    .select(['feedback_shares.person_id', 'feedback_shares.relationship', 'people.given_name', 'people.family_name'])
    .where('feedback_shares.round_id', '=', roundId)
    .execute();
}

export async function addShare(trx: Executor, row: { round_id: string; person_id: string; relationship: ShareRelationship; created_at: string }) {
  await trx
    .insertInto('feedback_shares')
    .values(row)
    .onConflict((oc) => oc.columns(['round_id', 'relationship']).doUpdateSet({ person_id: row.person_id, created_at: row.created_at }))
    .execute();
}

export async function removeShare(trx: Executor, roundId: string, relationship: ShareRelationship) {
  const result = await trx.deleteFrom('feedback_shares').where('round_id', '=', roundId).where('relationship', '=', relationship).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Open rounds whose closing date has passed (London date `today` is after it). */
export function listRoundsPastClosing(db: Executor, today: string) {
  return db.selectFrom('feedback_rounds').select(['id', 'person_id', 'closes_on']).where('closed_at', 'is', null).where('closes_on', '<', today).execute();
}

/** Respondents still to answer in open rounds closing on or before `by`. */
export function listRespondentsToRemind(db: Executor, today: string, by: string) {
  return db
    .selectFrom('feedback_respondents')
    .innerJoin('feedback_rounds', 'feedback_rounds.id', 'feedback_respondents.round_id')
    .innerJoin('people', 'people.id', 'feedback_rounds.person_id')
    .select([
      'feedback_respondents.id',
      'feedback_respondents.name',
      'feedback_respondents.email',
      'feedback_respondents.invited_at',
      'feedback_rounds.closes_on',
      'people.given_name',
      'people.family_name',
    ])
    .where('feedback_rounds.closed_at', 'is', null)
    .where('feedback_rounds.closes_on', '>=', today)
    .where('feedback_rounds.closes_on', '<=', by)
    .where('feedback_respondents.status', 'in', ['invited', 'started'])
    .where('feedback_respondents.reminded_on', 'is', null)
    .execute();
}

/** For the completion engine: per enrolment, the most respondents any closed round had, and whether a round is open. */
export function roundTotalsOfEnrolments(db: Executor, enrolmentIds: string[]) {
  return db
    .selectFrom('feedback_rounds')
    .leftJoin('feedback_responses', 'feedback_responses.round_id', 'feedback_rounds.id')
    .select([
      'feedback_rounds.id',
      'feedback_rounds.enrolment_id',
      'feedback_rounds.closed_at',
      'feedback_rounds.closes_on',
      (eb) => eb.fn.count<number>('feedback_responses.id').as('answered'),
    ])
    .where('feedback_rounds.enrolment_id', 'in', enrolmentIds)
    .groupBy(['feedback_rounds.id', 'feedback_rounds.enrolment_id', 'feedback_rounds.closed_at', 'feedback_rounds.closes_on'])
    .execute();
}

/** An active colleague in the organisation with this email address (compared in lower case). */
export function findColleagueByEmail(db: Executor, organisationId: string, emailNormalised: string) {
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'email'])
    .where('organisation_id', '=', organisationId)
    .where('email_normalised', '=', emailNormalised)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The participant's rounds still taking answers (not closed, closing date not passed). */
export function listOpenRoundsOf(db: Executor, personId: string, today: string) {
  return db
    .selectFrom('feedback_rounds')
    .select(['id', 'closes_on'])
    .where('person_id', '=', personId)
    .where('closed_at', 'is', null)
    .where('closes_on', '>=', today)
    .execute();
}

/** Outside addresses awaiting approval in the organisation's open rounds, with whose round each is. */
export function listAwaitingApproval(db: Executor, organisationId: string, today: string) {
  return db
    .selectFrom('feedback_respondents')
    .innerJoin('feedback_rounds', 'feedback_rounds.id', 'feedback_respondents.round_id')
    .innerJoin('people', 'people.id', 'feedback_rounds.person_id')
    .select([
      'feedback_respondents.id',
      'feedback_respondents.round_id',
      'feedback_respondents.rater_group',
      'feedback_respondents.name',
      'feedback_respondents.email',
      'feedback_rounds.person_id',
      'feedback_rounds.closes_on',
      'people.given_name',
      'people.family_name',
      'people.line_manager_id',
    ])
    .where('feedback_rounds.organisation_id', '=', organisationId)
    .where('feedback_rounds.closed_at', 'is', null)
    .where('feedback_rounds.closes_on', '>=', today)
    .where('feedback_respondents.status', '=', 'awaiting_approval')
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .orderBy('feedback_respondents.name')
    .execute();
}

/** Approves an outside address (a new link) or refuses it; false if it no longer awaits approval. */
export async function decideApproval(
  trx: Executor,
  id: string,
  values: { status: 'invited'; token_hash: string; approved_by: string; invited_at: string } | { status: 'refused' },
): Promise<boolean> {
  const result = await trx.updateTable('feedback_respondents').set(values).where('id', '=', id).where('status', '=', 'awaiting_approval').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Active colleagues in the organisation whose name, email or job title has every word of `q`, for picking respondents (at most 20). */
export function searchColleagues(db: Executor, organisationId: string, q: string, excludeIds: string[]) {
  let query = db
    .selectFrom('people')
    .select(['people.id', 'people.given_name', 'people.family_name', 'people.email', 'people.job_title'])
    .where('people.organisation_id', '=', organisationId)
    .where('people.status', '=', 'active');
  if (excludeIds.length > 0) query = query.where('people.id', 'not in', excludeIds);
  for (const word of q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
    const like = `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where(sql<boolean>`people.search_text LIKE ${like} ESCAPE '\\'`);
  }
  return query.orderBy('people.family_name').orderBy('people.given_name').limit(20).execute();
}

/** Active colleagues in the organisation among `ids`. */
export function findColleagues(db: Executor, organisationId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'email'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('id', 'in', ids)
    .execute();
}

/** A programme's own pupil questions, in order (none: it uses the default set). */
export function listProgrammePupilQuestions(db: Executor, programmeId: string) {
  return db.selectFrom('feedback_pupil_questions').select(['id', 'text']).where('programme_id', '=', programmeId).orderBy('position').execute();
}

/** Replaces a programme's pupil questions with `questions`, in that order. */
export async function replaceProgrammePupilQuestions(trx: Executor, programmeId: string, questions: { id: string; text: string }[]) {
  await trx.deleteFrom('feedback_pupil_questions').where('programme_id', '=', programmeId).execute();
  if (questions.length === 0) return;
  await trx
    .insertInto('feedback_pupil_questions')
    .values(questions.map((question, i) => ({ id: question.id, programme_id: programmeId, position: i + 1, text: question.text })))
    .execute();
}

/** Keeps a copy of the pupil questions a round is opened with. */
export async function insertRoundPupilQuestions(trx: Executor, roundId: string, questions: { id: string; text: string }[]) {
  if (questions.length === 0) return;
  await trx
    .insertInto('feedback_round_pupil_questions')
    .values(questions.map((question, i) => ({ round_id: roundId, question_id: question.id, position: i + 1, text: question.text })))
    .execute();
}

/** The pupil questions a round was opened with, in order; none for a round opened before pupils had their own questions. */
export function listRoundPupilQuestions(db: Executor, roundId: string) {
  return db.selectFrom('feedback_round_pupil_questions').select(['question_id as id', 'text']).where('round_id', '=', roundId).orderBy('position').execute();
}
