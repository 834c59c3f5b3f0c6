import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { type KeysetCursor, keysetPage } from '../../platform/db/keyset';

/** How many of the person's notifications are unread (the `notifications_person_unread` index answers it). */
export async function countUnread(db: Executor, personId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One page of the person's inbox, newest first, by keyset (`keysetPage`): after or before a
 * notification of theirs, in order of when it was made then id, with how many there are and how
 * many come before the page (one statement). A cursor that is not one of theirs starts at the newest.
 */
export function inboxPage(db: Executor, personId: string, pageSize: number, cursor: KeysetCursor) {
  const base = db.selectFrom('notifications').where('person_id', '=', personId);
  return keysetPage({
    columns: ['notifications.created_at', 'notifications.id'],
    order: 'desc',
    cursor,
    pageSize,
    key: async (id) => {
      const row = await base.select(['created_at', 'id']).where('id', '=', id).executeTakeFirst();
      return row ? [row.created_at, row.id] : undefined;
    },
    count: (before) => base.select((eb) => [eb.fn.countAll<number>().as('total'), (before ?? sql<number>`0`).as('before')]).executeTakeFirstOrThrow(),
    rows: (where, order) => {
      let query = base.select(['id', 'kind', 'subject', 'body', 'link', 'emailed', 'created_at', 'read_at']);
      if (where) query = query.where(where);
      return query.orderBy('created_at', order).orderBy('id', order).limit(pageSize).execute();
    },
  });
}

export function findNotification(db: Executor, id: string) {
  return db.selectFrom('notifications').select(['id', 'person_id', 'link', 'read_at']).where('id', '=', id).executeTakeFirst();
}

export async function markRead(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
}

/** Marks every unread notification of the person read; returns how many there were. */
export async function markAllRead(db: Executor, personId: string, at: string): Promise<number> {
  const result = await db.updateTable('notifications').set({ read_at: at }).where('person_id', '=', personId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The kinds the person has switched off (only those rows are stored). */
export async function listSwitchedOff(db: Executor, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('notification_preferences').select('kind').where('person_id', '=', personId).where('email', '=', 0).execute();
  return rows.map((r) => r.kind);
}

export async function deletePreferences(db: Executor, personId: string, kinds: string[]): Promise<void> {
  if (kinds.length === 0) return;
  await db.deleteFrom('notification_preferences').where('person_id', '=', personId).where('kind', 'in', kinds).execute();
}

export async function insertSwitchedOff(db: Executor, personId: string, kinds: string[], at: string): Promise<void> {
  if (kinds.length === 0) return;
  await db
    .insertInto('notification_preferences')
    .values(kinds.map((kind) => ({ person_id: personId, kind, email: 0, updated_at: at })))
    .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ email: 0, updated_at: at }))
    .execute();
}
