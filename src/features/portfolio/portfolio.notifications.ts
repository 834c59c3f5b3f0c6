import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const PORTFOLIO_NOTIFICATIONS = {
  portfolio_verification: {
    label: 'Portfolio verification requests',
    hint: 'A colleague asks you to confirm an entry in their portfolio.',
    mustAct: false,
  },
  portfolio_update: { label: 'Your portfolio', hint: 'Someone confirmed or declined to verify one of your entries.', mustAct: false },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof PORTFOLIO_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
