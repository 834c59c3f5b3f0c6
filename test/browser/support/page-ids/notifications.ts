import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the notifications routes' `:params` stand for
 * (`ids[':name']`), and, for pages only a record's owner may open, whom to open them as
 * (`owners[routePrefix] = email`; the demo password is the same for everyone).
 *
 * The inbox and settings pages take no record: everyone opens their own, so there is nothing to add.
 * (`POST /notifications/:notificationId/read` is an action, not a page.)
 */
export async function notificationPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  void h;
  return { ids: {}, owners: {} };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = notificationPageIds;
