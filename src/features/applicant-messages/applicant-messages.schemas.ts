import { z } from 'zod';
import type { ApplicationStatus } from '../cohorts';

/** The statuses a message can be sent to: everyone who applied (a draft is not an application yet). */
export const MESSAGE_STATUSES: ApplicationStatus[] = ['submitted', 'awaiting_endorsement', 'endorsed', 'accepted', 'waitlisted', 'declined'];

export const LIMITS = { subject: 150, body: 5000 } as const;

/** A message to the applicants of a round. */
export const messageForm = z.object({
  subject: z.string().trim().min(1, 'Enter a subject').max(LIMITS.subject, `Subject must be ${LIMITS.subject} characters or fewer`),
  body: z.string().trim().min(1, 'Enter the message').max(LIMITS.body, `Message must be ${LIMITS.body} characters or fewer`),
  /** Only applicants in these statuses; none chosen means every applicant. */
  statuses: z.array(z.enum(MESSAGE_STATUSES as [ApplicationStatus, ...ApplicationStatus[]])).max(MESSAGE_STATUSES.length),
});
export type MessageForm = z.infer<typeof messageForm>;
