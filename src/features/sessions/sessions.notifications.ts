import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const SESSION_NOTIFICATIONS = {
  session_new: { label: 'New sessions in your cohort', hint: 'When a programme lead adds a session to a programme you are taking part in.', mustAct: false },
  session_change: { label: 'Changes to a session’s time or place, and cancellations', hint: 'You need to change your plans.', mustAct: true },
  session_reminder: { label: 'Reminders the day before a session', hint: null, mustAct: false },
  session_booking: { label: 'Confirmations when you book or cancel a place at an event', hint: null, mustAct: false },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof SESSION_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
