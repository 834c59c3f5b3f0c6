import { Hono, type Context } from 'hono';
import { keysetCursor } from '../../platform/db/keyset';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import type { FieldErrors } from '../../platform/http/errors';
import { readBody, validate } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { inboxQuery, settingsForm } from './notifications.schemas';
import { getInbox, getNotificationSettings, markAllNotificationsRead, openNotification, saveNotificationSettings } from './notifications.service';
import { InboxPage } from './views/inbox';
import { SettingsPage } from './views/settings';

/** The inbox and notification settings. */
export const notificationRoutes = new Hono<AppEnv>();

notificationRoutes.get('/notifications', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const query = inboxQuery.parse(c.req.query());
  const inbox = await getInbox(c.get('deps'), viewer, keysetCursor(query));
  const paged = inbox.total > inbox.pageSize;
  return renderPage(
    c,
    { title: paged ? `Notifications (${inbox.position + 1} to ${inbox.position + inbox.notifications.length} of ${inbox.total})` : 'Notifications' },
    <InboxPage inbox={inbox} done={query.done} />,
  );
});

notificationRoutes.post('/notifications/read-all', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await markAllNotificationsRead(c.get('deps'), viewer);
  return c.redirect('/notifications?done=all-read', 303);
});

notificationRoutes.post('/notifications/:notificationId/read', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const destination = await openNotification(c.get('deps'), viewer, c.req.param('notificationId'));
  return c.redirect(destination, 303);
});

async function settingsPage(c: Context<AppEnv>, options: { wanted?: string[]; errors?: FieldErrors } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const settings = await getNotificationSettings(c.get('deps'), viewer);
  const wanted = options.wanted ?? settings.filter((s) => s.email).map((s) => s.kind);
  return renderPage(
    c,
    { title: 'Choose which emails you get', hasErrors: !!options.errors, beforeContent: <BackLink href="/notifications" text="Notifications" /> },
    <SettingsPage settings={settings} wanted={wanted} errors={options.errors} saved={c.req.query('done') === 'saved'} />,
  );
}

notificationRoutes.get('/notifications/settings', access('signed-in'), (c) => settingsPage(c));

notificationRoutes.post('/notifications/settings', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  // Checkboxes send one `email` field per ticked box, and nothing when none is ticked.
  const raw = (await readBody(c)).email;
  const ticked = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => (typeof v === 'string' ? v : ''));
  const form = validate(settingsForm(Object.keys(c.get('deps').notificationKinds)), { email: ticked });
  if (!form.ok) return settingsPage(c, { wanted: ticked, errors: form.errors });
  await saveNotificationSettings(c.get('deps'), viewer, form.data.email);
  return c.redirect('/notifications/settings?done=saved', 303);
});
