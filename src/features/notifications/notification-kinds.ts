/**
 * Every kind of notification Waymark sends. `mustAct` kinds always email (the person has to do
 * something); the rest can be switched off, one kind at a time, on the notification settings page.
 * The in-app inbox always gets every kind.
 */
export const NOTIFICATION_KINDS = {
  endorsement_request: { label: 'Requests to endorse or support an application', hint: 'Including reminders while an answer is awaited.', mustAct: true },
  application_update: { label: 'Decisions and changes to your applications', hint: 'Accepted, waitlisted, declined or offered a place.', mustAct: true },
  waitlist_place: { label: 'A place offered to you from a waiting list', hint: 'You have the place; cancel it if you cannot come.', mustAct: true },
  session_change: { label: 'Changes to a session’s time or place, and cancellations', hint: 'You need to change your plans.', mustAct: true },
  session_reminder: { label: 'Reminders the day before a session', hint: null, mustAct: false },
  round_closing: { label: 'An application round closing soon', hint: 'When you have a draft or were recommended for it.', mustAct: false },
  recommendation: { label: 'A colleague recommending you for a programme', hint: null, mustAct: false },
  enrolment_update: { label: 'Changes to your place on a programme', hint: 'Sign-off, deferral and other changes made by the programme lead.', mustAct: false },
  session_booking: { label: 'Confirmations when you book or cancel a place at an event', hint: null, mustAct: false },
  coaching_update: { label: 'Updates from the people you coach', hint: 'For example, when they submit a self-assessment.', mustAct: false },
  feedback_update: { label: '360 feedback: reports ready and shared with you', hint: null, mustAct: false },
} as const satisfies Record<string, { label: string; hint: string | null; mustAct: boolean }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
