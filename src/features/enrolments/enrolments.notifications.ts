import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const ENROLMENT_NOTIFICATIONS = {
  enrolment_update: { label: 'Changes to your place on a programme', hint: 'Sign-off, deferral and other changes made by the programme lead.', mustAct: false },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof ENROLMENT_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
