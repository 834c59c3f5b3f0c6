import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const MENTORING_NOTIFICATIONS = {
  mentoring: { label: 'Mentoring and coaching', hint: 'For example, a new pairing, a meeting to confirm or an agreement to read.', mustAct: false },
  mentoring_reminder: { label: 'Mentoring reminders', hint: 'Actions due soon, and meetings with no notes yet.', mustAct: false },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof MENTORING_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
