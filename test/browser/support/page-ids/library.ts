import type { Harness } from '../harness';

/**
 * For the every-page browser test: the shared library's items in the demo. `:sharedItemId` is the
 * trust's Middle Leadership framework (copied by Fenland Schools Partnership); the matrix's
 * `:withdrawnItemId` row is walked with the trust's Leadership Pathways programme design, so both
 * kinds of preview are checked.
 */
export async function pageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const framework = await h.db.selectFrom('library_items').select('id').where('name', '=', 'Middle Leadership framework').executeTakeFirstOrThrow();
  const programme = await h.db.selectFrom('library_items').select('id').where('kind', '=', 'programme').executeTakeFirstOrThrow();
  return { ids: { ':sharedItemId': framework.id, ':withdrawnItemId': programme.id }, owners: {} };
}
