import type { Harness } from '../harness';

/**
 * For the every-page browser test: `:exportId` is the demo's export about Aisha Begum, ready to
 * download; `:erasureId` the demo's erasure of a teacher who left, and `:jobId` the job that carried it out.
 */
export async function subjectRightsPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const ready = await h.db.selectFrom('subject_access_exports').select('id').where('status', '=', 'ready').executeTakeFirstOrThrow();
  const erasure = await h.db.selectFrom('erasures').select('id').executeTakeFirstOrThrow();
  const job = await h.db.selectFrom('erasure_jobs').select('id').executeTakeFirstOrThrow();
  return { ids: { ':exportId': ready.id, ':erasureId': erasure.id, ':jobId': job.id }, owners: {} };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = subjectRightsPageIds;
