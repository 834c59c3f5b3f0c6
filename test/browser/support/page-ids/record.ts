import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the leadership record's routes' `:params`
 * stand for. `:shareId` is Hannah Jones's link that still works (opened as her); `:shareToken` is
 * its token, which anyone may open.
 */
export async function recordPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const share = await h.db
    .selectFrom('record_shares')
    .innerJoin('people', 'people.id', 'record_shares.person_id')
    .select(['record_shares.id', 'record_shares.token', 'people.email'])
    .where('record_shares.label', '=', 'Head of mathematics application, Northgate School')
    .executeTakeFirstOrThrow();
  return { ids: { ':shareId': share.id, ':shareToken': share.token }, owners: { '/record/shares/:shareId': share.email } };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = recordPageIds;
