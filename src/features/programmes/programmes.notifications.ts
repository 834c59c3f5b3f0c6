import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const PROGRAMME_NOTIFICATIONS = {
  recommendation: { label: 'A colleague recommending you for a programme', hint: null, mustAct: false },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof PROGRAMME_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
