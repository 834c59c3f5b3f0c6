import type { KeysetCursor } from '../../platform/db/keyset';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { NotFound } from '../../platform/http/errors';
import * as q from './notifications.queries';
import { destinationOf, isOwnNotification } from './notifications.policy';

export const INBOX_PAGE_SIZE = 20;

/** One page of the viewer's inbox (newest first), with how many there are and how many are unread. */
export async function getInbox(deps: AppDeps, viewer: Viewer, cursor: KeysetCursor) {
  const [page, unread] = await Promise.all([q.inboxPage(deps.db, viewer.id, INBOX_PAGE_SIZE, cursor), q.countUnread(deps.db, viewer.id)]);
  return { notifications: page.rows, total: page.total, position: page.position, pageSize: INBOX_PAGE_SIZE, unread };
}
export type Inbox = Awaited<ReturnType<typeof getInbox>>;

/** Marks one of the viewer's notifications read and says where it leads; someone else's is NotFound. */
export async function openNotification(deps: AppDeps, viewer: Viewer, id: string): Promise<string> {
  const notification = await q.findNotification(deps.db, id);
  if (!notification || !isOwnNotification(viewer, notification)) throw new NotFound();
  if (!notification.read_at) await q.markRead(deps.db, id, deps.clock.now().toISOString());
  return destinationOf(notification.link);
}

/** Marks every unread notification of the viewer read. */
export function markAllNotificationsRead(deps: AppDeps, viewer: Viewer): Promise<number> {
  return q.markAllRead(deps.db, viewer.id, deps.clock.now().toISOString());
}

export interface KindSetting {
  kind: string;
  label: string;
  hint: string | null;
  mustAct: boolean;
  email: boolean;
}

/** Every kind, with whether the viewer gets it by email (must-act kinds always). */
export async function getNotificationSettings(deps: AppDeps, viewer: Viewer): Promise<KindSetting[]> {
  const off = new Set(await q.listSwitchedOff(deps.db, viewer.id));
  return Object.entries(deps.notificationKinds).map(([kind, { label, hint, mustAct }]) => ({ kind, label, hint, mustAct, email: mustAct || !off.has(kind) }));
}

/**
 * Saves which kinds the viewer wants by email, in one transaction: a row for each kind switched
 * off (written only if it wasn't already), and the rows of kinds switched back on deleted.
 * Must-act kinds are never stored; they always email.
 */
export async function saveNotificationSettings(deps: AppDeps, viewer: Viewer, wanted: string[]): Promise<void> {
  const kinds = deps.notificationKinds;
  const switchable = Object.keys(kinds).filter((kind) => !kinds[kind]?.mustAct);
  const on = new Set(wanted);
  await deps.db.transaction().execute(async (trx) => {
    const current = new Set(await q.listSwitchedOff(trx, viewer.id));
    await q.deletePreferences(
      trx,
      viewer.id,
      switchable.filter((kind) => on.has(kind) && current.has(kind)),
    );
    await q.insertSwitchedOff(
      trx,
      viewer.id,
      switchable.filter((kind) => !on.has(kind) && !current.has(kind)),
      deps.clock.now().toISOString(),
    );
  });
}
