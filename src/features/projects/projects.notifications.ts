import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const PROJECT_NOTIFICATIONS = {
  project_update: {
    label: 'Projects',
    hint: 'For example, when a project you support needs confirming, has an update or comment, or has been assessed.',
    mustAct: false,
  },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof PROJECT_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
