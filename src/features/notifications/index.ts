export { notify, notificationHandler, wantsEmail, NOTIFICATION_OUTBOX_KIND, type Notification } from './notify';
export { NOTIFICATION_KINDS, NOTIFICATION_KIND_NAMES, type NotificationKind } from './notification-kinds';
export { notificationRoutes } from './notifications.routes';
export { unreadNotificationsMiddleware } from './notifications.middleware';
