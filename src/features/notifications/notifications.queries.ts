import type { Executor } from '../../platform/db/database';

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

export async function countNotifications(db: Executor, personId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of the person's inbox, newest first. */
export function listNotifications(db: Executor, personId: string, limit: number, offset: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'subject', 'body', 'link', 'emailed', 'created_at', 'read_at'])
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
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
