import type { Executor } from '../../database';
import type { Clock } from '../../platform/db/clock';
import { formatDate } from '../../platform/dates';
import { enqueueEmail } from '../../platform/jobs/outbox';

// Every email this feature sends, written in one place so the wording stays consistent. They are
// queued through the outbox inside the caller's transaction.


export interface ApplicantFacts {
  id: string;
  given_name: string;
  email: string;
  programme_title: string;
  cohort_name: string;
}

/** Tells the applicant what changed, with a link to their application. */
export async function emailApplicant(trx: Executor, clock: Clock, baseUrl: string, app: ApplicantFacts, subject: string, paragraphs: string[]) {
  await enqueueEmail(trx, clock, {
    to: app.email,
    subject,
    text: `Hello ${app.given_name},\n\n${paragraphs.join('\n\n')}\n\nSee your application:\n\n${baseUrl}/applications/${app.id}\n`,
  });
}

export const where = (app: { programme_title: string; cohort_name: string }) => `${app.programme_title} (${app.cohort_name})`;

/** Asks an endorser for their answer. */
export async function emailEndorser(
  trx: Executor,
  clock: Clock,
  baseUrl: string,
  to: { given_name: string; email: string },
  facts: { endorsementId: string; applicantName: string; programme_title: string; cohort_name: string; due_on: string | null; asHeadteacher: boolean; schoolName: string | null },
  options: { reminder?: boolean; dedupeKey?: string } = {},
) {
  const what = facts.asHeadteacher ? `the headteacher’s support${facts.schoolName ? ` for ${facts.schoolName}` : ''}` : 'your endorsement as their line manager';
  const due = facts.due_on ? `Please answer by ${formatDate(facts.due_on)}.` : 'Please answer as soon as you can.';
  const subject = options.reminder ? `Reminder: ${facts.applicantName} is waiting for your answer about ${facts.programme_title}` : `${facts.applicantName} has asked for your support: ${facts.programme_title}`;
  const opening = options.reminder
    ? `${facts.applicantName} is still waiting for ${what} on their application to ${where(facts)}.`
    : `${facts.applicantName} has applied to ${where(facts)} and has asked for ${what}.`;
  await enqueueEmail(
    trx,
    clock,
    {
      to: to.email,
      subject,
      text: `Hello ${to.given_name},\n\n${opening}\n\n${due} Read their application and say whether you support it here:\n\n${baseUrl}/endorsements/${facts.endorsementId}\n`,
    },
    options.dedupeKey,
  );
}
