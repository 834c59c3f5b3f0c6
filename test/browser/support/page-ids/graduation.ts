import type { Harness } from '../harness';

/**
 * For the every-page browser test: `:graduationEventId` is the demo's Graduation ceremony 2027,
 * which celebrates Cohort 6 of Towards Middle Leadership (its graduates listed and invited).
 */
export async function graduationPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const event = await h.db
    .selectFrom('sessions_events')
    .select('id')
    .where('kind', '=', 'graduation')
    .where('title', '=', 'Graduation ceremony 2027')
    .executeTakeFirstOrThrow();
  return { ids: { ':graduationEventId': event.id }, owners: {} };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = graduationPageIds;
