export { notify, type Notification, type NotificationKind, type NotificationKindRegistry } from './notify';
