import type { PersonalDataHook } from '../../platform/module';
import { deleteOwnRows, eraseTables, type OwnRows, selectOwnRows } from '../../platform/personal-data';

const rounds = { table: 'feedback_rounds', column: 'person_id' };
const ofRounds = (table: string): OwnRows => ({ table, column: 'round_id', in: rounds });
// Everything of the rounds about them, children first.
const roundRows: OwnRows[] = [
  ofRounds('feedback_shares'),
  ofRounds('feedback_class_browsers'),
  ofRounds('feedback_round_pupil_questions'),
  ofRounds('feedback_responses'),
  ofRounds('feedback_respondents'),
  ofRounds('feedback_round_groups'),
  ofRounds('feedback_round_skills'),
  rounds,
];

/**
 * 360 feedback. About the person: their rounds, their own ratings, who they asked and the answers
 * from groups large enough to stay anonymous; a named line manager's answers and answers from groups
 * below their minimum would identify who gave them, so they are withheld (and counted). As a
 * respondent: answers were never linked to them (responses carry no respondent id), so what is
 * theirs is the invitation itself and any unsent draft; on erasure the invitation keeps its status
 * (the round's counts stay right) but loses their name, address and draft.
 */
export const feedbackPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const ownRounds = await db
      .selectFrom('feedback_rounds')
      .select(['id', 'enrolment_id', 'closes_on', 'closed_at', 'self_ratings', 'created_at'])
      .where('person_id', '=', subject.id)
      .execute();
    const withheld: string[] = [];
    const answers: unknown[] = [];
    const asked: unknown[] = [];
    for (const round of ownRounds) {
      const groups = await db.selectFrom('feedback_round_groups').selectAll().where('round_id', '=', round.id).execute();
      const responses = await db
        .selectFrom('feedback_responses')
        .select(['rater_group', 'ratings', 'strengths', 'develop'])
        .where('round_id', '=', round.id)
        .execute();
      for (const group of groups) {
        const inGroup = responses.filter((r) => r.rater_group === group.rater_group);
        if (inGroup.length === 0) continue;
        if (group.anonymous === 1 && inGroup.length >= group.minimum) answers.push(...inGroup.map((r) => ({ round: round.id, ...r })));
        else
          withheld.push(
            `${inGroup.length} answer${inGroup.length === 1 ? '' : 's'} about you from your ${group.rater_group.replaceAll('_', ' ')} (round of ${round.created_at.slice(0, 10)}): ${group.anonymous === 1 ? `fewer than ${group.minimum} answered, so` : 'the group is one named person, so'} they would identify who gave them`,
          );
      }
      asked.push(
        ...(await db
          .selectFrom('feedback_respondents')
          .select(['round_id', 'rater_group', 'name', 'status', 'invited_at'])
          .where('round_id', '=', round.id)
          .execute()),
      );
      const reasons = await db
        .selectFrom('feedback_respondents')
        .select('id')
        .where('round_id', '=', round.id)
        .where('decline_reason', 'is not', null)
        .execute();
      if (reasons.length > 0)
        withheld.push(
          `${reasons.length} reason${reasons.length === 1 ? '' : 's'} given for declining to answer: they are the respondent’s, never shown to the participant`,
        );
    }
    const asRespondent = await db
      .selectFrom('feedback_respondents')
      .select(['round_id', 'rater_group', 'name', 'email', 'status', 'draft', 'invited_at', 'reminded_on'])
      .where((eb) => eb.or([eb('person_id', '=', subject.id), eb('email_normalised', '=', subject.email.toLowerCase())]))
      .execute();
    const data: Record<string, unknown> = {};
    if (ownRounds.length > 0) Object.assign(data, { 'your rounds': ownRounds, 'people you asked': asked, 'answers about you (anonymous groups)': answers });
    if (asRespondent.length > 0) data['invitations to give feedback (your submitted answers were never linked to you)'] = asRespondent;
    const shared = await selectOwnRows(db, { table: 'feedback_shares', column: 'person_id' }, subject.id);
    if (shared.length > 0) data['reports shared with you'] = shared;
    return { data, files: [], withheld };
  },
  async erase(trx, subject, context) {
    const done: string[] = [];
    let n = 0;
    for (const rows of roundRows) n += await deleteOwnRows(trx, rows, subject.id);
    if (n > 0) done.push(`Deleted their 360 rounds (${n} rows with invitations and answers)`);
    const invitations = await trx
      .selectFrom('feedback_respondents')
      .select('id')
      .where((eb) => eb.or([eb('person_id', '=', subject.id), eb('email_normalised', '=', subject.email.toLowerCase())]))
      .execute();
    for (const { id } of invitations) {
      const address = `erased-${id}@erased.invalid`;
      await trx
        .updateTable('feedback_respondents')
        .set({ name: 'A former member of staff', email: address, email_normalised: address, person_id: null, draft: null, decline_reason: null })
        .where('id', '=', id)
        .execute();
    }
    if (invitations.length > 0) done.push(`Anonymised ${invitations.length} invitations to give feedback (their answers were never linked to them)`);
    const shares = await deleteOwnRows(trx, { table: 'feedback_shares', column: 'person_id' }, subject.id);
    if (shares > 0) done.push(`Deleted ${shares} shares of other people’s reports with them`);
    done.push(...(await eraseTables(trx, { doneBy: [{ table: 'feedback_respondents', column: 'approved_by' }] }, subject, context)));
    return done;
  },
};
