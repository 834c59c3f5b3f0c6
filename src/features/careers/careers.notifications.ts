import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const CAREERS_NOTIFICATIONS = {
  careers: {
    label: 'Careers',
    hint: 'For example, a career conversation to confirm, interest in an opportunity you posted, or the decision on one you applied for.',
    mustAct: false,
  },
  careers_reminder: { label: 'Career action reminders', hint: 'Next steps from a career conversation that are due soon.', mustAct: false },
  careers_job_alert: {
    label: 'Job alerts',
    hint: 'A weekly email of new leadership vacancies matching your aspiration, if you asked for them on the vacancies page.',
    mustAct: false,
  },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof CAREERS_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
