import type { NotificationKinds } from '../../platform/module';

/** The notifications this feature sends (see the notifications feature for how they are delivered). */
export const COHORT_NOTIFICATIONS = {
  endorsement_request: { label: 'Requests to endorse or support an application', hint: 'Including reminders while an answer is awaited.', mustAct: true },
  application_update: { label: 'Decisions and changes to your applications', hint: 'Accepted, waitlisted, declined or offered a place.', mustAct: true },
  waitlist_place: { label: 'A place offered to you from a waiting list', hint: 'You have the place; cancel it if you cannot come.', mustAct: true },
  round_closing: { label: 'An application round closing soon', hint: 'When you have a draft or were recommended for it.', mustAct: false },
} as const satisfies NotificationKinds;

type Kinds = { [kind in keyof typeof COHORT_NOTIFICATIONS]: true };
declare module '../notifications' {
  interface NotificationKindRegistry extends Kinds {}
}
