import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends. */
export const GRADUATION_NOTIFICATIONS = {
  graduation_invitation: {
    label: 'Invitations to graduation ceremonies',
    hint: 'When you, or someone you line manage, is invited to a graduation ceremony.',
    mustAct: false,
  },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof GRADUATION_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
