import type { Executor } from '../../platform/db/database';
import type { Clock } from '../../platform/db/clock';
import { formatDate } from '../../platform/dates';
import { notify, type NotificationKind } from '../notifications';

// Everything this feature tells people, written in one place so the wording stays consistent.
// Each is a notification (inbox entry and email), queued through the outbox inside the caller's
// transaction.

export interface ApplicantFacts {
  /** The application. */
  id: string;
  person_id: string;
  programme_title: string;
  cohort_name: string;
}

/** Tells the applicant what changed, with a link to their application. */
export async function emailApplicant(
  trx: Executor,
  clock: Clock,
  app: ApplicantFacts,
  subject: string,
  paragraphs: string[],
  kind: Extract<NotificationKind, 'application_update' | 'waitlist_place'> = 'application_update',
) {
  await notify(trx, clock, { personId: app.person_id, kind, subject, paragraphs, link: `/applications/${app.id}`, linkText: 'See your application:' });
}

export const where = (app: { programme_title: string; cohort_name: string }) => `${app.programme_title} (${app.cohort_name})`;

export interface EndorsementFacts {
  endorsementId: string;
  applicantName: string;
  programme_title: string;
  cohort_name: string;
  due_on: string | null;
  asHeadteacher: boolean;
  schoolName: string | null;
}

/**
 * Asks an endorser (a member of staff) for their answer. A reminder is either the one three days
 * before the deadline (`deadline`) or the one when an answer has been awaited for some days
 * (`awaited`, with how many).
 */
export async function emailEndorser(
  trx: Executor,
  clock: Clock,
  to: { id: string },
  facts: EndorsementFacts,
  options: { reminder?: 'deadline' | { awaitedDays: number }; dedupeKey?: string } = {},
): Promise<boolean> {
  const what = facts.asHeadteacher
    ? `the headteacher’s support${facts.schoolName ? ` for ${facts.schoolName}` : ''}`
    : 'your endorsement as their line manager';
  const due = facts.due_on ? `Please answer by ${formatDate(facts.due_on)}.` : 'Please answer as soon as you can.';
  const subject = options.reminder
    ? `Reminder: ${facts.applicantName} is waiting for your answer about ${facts.programme_title}`
    : `${facts.applicantName} has asked for your support: ${facts.programme_title}`;
  const opening =
    options.reminder === undefined
      ? `${facts.applicantName} has applied to ${where(facts)} and has asked for ${what}.`
      : options.reminder === 'deadline'
        ? `${facts.applicantName} is still waiting for ${what} on their application to ${where(facts)}.`
        : `${facts.applicantName} asked for ${what} on their application to ${where(facts)} ${options.reminder.awaitedDays} days ago, and is still waiting.`;
  return notify(trx, clock, {
    personId: to.id,
    kind: 'endorsement_request',
    subject,
    paragraphs: [opening, due],
    link: `/endorsements/${facts.endorsementId}`,
    linkText: 'Read their application and say whether you support it here:',
    dedupeKey: options.dedupeKey,
  });
}

export interface ClosingRound {
  cohort_id: string;
  programme_title: string;
  cohort_name: string;
  applications_close_on: string;
}

/**
 * Reminds someone that an application round closes soon: about their unsubmitted draft, or, when
 * they were recommended for the programme and have not applied, naming who recommended them.
 * Once per cohort and person (a dedupe key); returns false when it had already been queued.
 */
export function remindRoundClosing(
  trx: Executor,
  clock: Clock,
  personId: string,
  round: ClosingRound,
  about: { draftApplicationId: string } | { programmeId: string; recommenders: string[] },
): Promise<boolean> {
  const closes = formatDate(round.applications_close_on);
  const draft = 'draftApplicationId' in about;
  return notify(trx, clock, {
    personId,
    kind: 'round_closing',
    subject: `Applications for ${where(round)} close at the end of ${closes}`,
    paragraphs: draft
      ? [
          `You have started an application to ${where(round)} but have not submitted it yet.`,
          `Applications close at the end of ${closes}. Submit yours before then, or it cannot be considered.`,
        ]
      : [
          `${about.recommenders.join(' and ')} recommended you for ${round.programme_title}. Applications for ${round.cohort_name} close at the end of ${closes}, and you have not applied yet.`,
          'If you would like to take part, start your application on the programme’s page before then.',
        ],
    link: draft ? `/applications/${about.draftApplicationId}` : `/programmes/${about.programmeId}`,
    linkText: draft ? 'Finish your application:' : 'Read about the programme and apply:',
    dedupeKey: `round-closing:${round.cohort_id}:${personId}`,
  });
}
