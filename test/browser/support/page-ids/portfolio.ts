import { newId } from '../../../../src/platform/db/ids';
import { hashToken, newToken } from '../../../../src/platform/http/tokens';
import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the portfolio routes' `:params` stand for, and
 * whom to open the owner-only pages as. `:entryId` is Hannah Jones's WomenEd entry, which she has
 * asked her line manager Sanjay Patel to verify (`:verificationId`, opened as him); `:verifyToken`
 * is a fresh emailed link for someone outside Waymark to verify her reading entry.
 */
export async function portfolioPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const entry = await h.db
    .selectFrom('portfolio_entries')
    .innerJoin('people', 'people.id', 'portfolio_entries.person_id')
    .select(['portfolio_entries.id', 'people.email'])
    .where('portfolio_entries.title', '=', 'WomenEd regional unconference')
    .executeTakeFirstOrThrow();
  const request = await h.db
    .selectFrom('portfolio_verifications')
    .innerJoin('people', 'people.id', 'portfolio_verifications.verifier_person_id')
    .select(['portfolio_verifications.id', 'people.email'])
    .where('portfolio_verifications.entry_id', '=', entry.id)
    .where('portfolio_verifications.status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const attachment = await h.db.selectFrom('portfolio_attachments').select('id').executeTakeFirstOrThrow();
  const reading = await h.db.selectFrom('portfolio_entries').select('id').where('kind', '=', 'reading').executeTakeFirstOrThrow();
  const token = newToken();
  const now = new Date();
  await h.db
    .insertInto('portfolio_verifications')
    .values({
      id: newId(),
      entry_id: reading.id,
      relationship: 'outside',
      verifier_person_id: null,
      verifier_name: 'Tom Walsh',
      verifier_email: 'tom.walsh@example.org',
      token_hash: hashToken(token),
      status: 'pending',
      verifier_role: null,
      statement: null,
      decline_reason: null,
      requested_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      answered_at: null,
    })
    .execute();
  return {
    ids: { ':entryId': entry.id, ':verificationId': request.id, ':attachmentId': attachment.id, ':verifyToken': token },
    owners: { '/portfolio/entries/:entryId': entry.email, '/portfolio/verifications/:verificationId': request.email },
  };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = portfolioPageIds;
