import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the sessions routes' `:params` stand for
 * (`ids[':name']`), and, for pages only a record's owner may open, whom to open them as
 * (`owners[routePrefix] = email`; the demo password is the same for everyone).
 */
export async function sessionPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const cohort7 = await h.db
    .selectFrom('cohorts')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select('cohorts.id')
    .where('programmes.title', '=', 'Towards Middle Leadership')
    .where('cohorts.name', '=', 'Cohort 7')
    .executeTakeFirstOrThrow();
  // A scheduled session of Cohort 7 that has a file among its materials.
  const material = await h.db
    .selectFrom('session_materials')
    .innerJoin('sessions_events', 'sessions_events.id', 'session_materials.session_id')
    .select(['session_materials.id', 'session_materials.session_id'])
    .where('sessions_events.cohort_id', '=', cohort7.id)
    .where('sessions_events.status', '=', 'scheduled')
    .where('session_materials.file_id', 'is not', null)
    .orderBy('sessions_events.starts_at')
    .executeTakeFirstOrThrow();
  const event = await h.db
    .selectFrom('sessions_events')
    .select('id')
    .where('cohort_id', 'is', null)
    .where('kind', '=', 'taster')
    .orderBy('starts_at')
    .executeTakeFirstOrThrow();
  return { ids: { ':sessionId': material.session_id, ':materialId': material.id, ':eventId': event.id }, owners: {} };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = sessionPageIds;
