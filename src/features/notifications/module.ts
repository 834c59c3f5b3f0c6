import type { FeatureModule } from '../../platform/module';
import { seedNotifications } from './demo/notifications.demo';
import { unreadNotificationsMiddleware } from './notifications.middleware';
import { notificationRoutes } from './notifications.routes';
import { NOTIFICATION_OUTBOX_KIND, notificationHandler } from './notify';
import { notificationsPersonalData } from './notifications.personal-data';

/** The in-app inbox, email choices, and delivering every feature's notifications. */
export const notificationsModule: FeatureModule = {
  name: 'notifications',
  routes: [notificationRoutes],
  middleware: [unreadNotificationsMiddleware],
  navigation: [
    {
      href: '/notifications',
      text: 'Notifications',
      order: 90,
      shownTo: 'signed-in',
      current: (path) => path.startsWith('/notifications'),
      count: { name: 'notifications', label: 'unread' },
    },
  ],
  outboxHandlers: (context) => ({ [NOTIFICATION_OUTBOX_KIND]: notificationHandler(context) }),
  demo: { seed: seedNotifications },
  personalData: {
    holds: ['Notifications sent to the person (subject, text, link, whether read and emailed)', 'Which kinds of email the person has switched off'],
    ...notificationsPersonalData,
  },
};
