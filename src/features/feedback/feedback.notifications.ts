import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const FEEDBACK_NOTIFICATIONS = {
  feedback_update: { label: '360 feedback: reports ready and shared with you', hint: null, mustAct: false },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof FEEDBACK_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
