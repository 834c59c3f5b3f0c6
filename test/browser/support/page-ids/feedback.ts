import { newId } from '../../../../src/platform/db/ids';
import { hashToken, newToken } from '../../../../src/platform/http/tokens';
import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the feedback routes' `:params` stand for
 * (`ids[':name']`), and, for pages only a record's owner may open, whom to open them as
 * (`owners[routePrefix] = email`; the demo password is the same for everyone).
 *
 * `:roundId` is Kwame's closed round (its report is ready), opened as Kwame. Respondent links are
 * stored only as hashes, so a fresh respondent is added to Oliver's open round for `:respondentToken`;
 * `:classToken` is that round's open class link.
 */
export async function feedbackPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const rounds = await h.db
    .selectFrom('feedback_rounds')
    .innerJoin('people', 'people.id', 'feedback_rounds.person_id')
    .select(['feedback_rounds.id', 'feedback_rounds.closed_at', 'feedback_rounds.class_token', 'people.email'])
    .where('people.given_name', 'in', ['Kwame', 'Oliver'])
    .execute();
  const closed = rounds.find((r) => r.closed_at !== null);
  const open = rounds.find((r) => r.closed_at === null);
  if (!closed || !open?.class_token) throw new Error('the demo has no 360 feedback rounds');
  const token = newToken();
  await h.db
    .insertInto('feedback_respondents')
    .values({
      id: newId(),
      round_id: open.id,
      rater_group: 'other',
      name: 'Every Page',
      email: `every-page-${token.slice(0, 8)}@example.org`,
      email_normalised: `every-page-${token.slice(0, 8).toLowerCase()}@example.org`,
      token_hash: hashToken(token),
      status: 'invited',
      draft: null,
      decline_reason: null,
      invited_at: '2026-11-24',
      reminded_on: null,
    })
    .execute();
  return {
    ids: { ':roundId': closed.id, ':respondentToken': token, ':classToken': open.class_token },
    owners: { '/feedback/:roundId': closed.email },
  };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = feedbackPageIds;
