import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const SELF_ASSESSMENT_NOTIFICATIONS = {
  coaching_update: { label: 'Updates from the people you coach', hint: 'For example, when they submit a self-assessment.', mustAct: false },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof SELF_ASSESSMENT_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
