import type { Executor } from '../../platform/db/database';
import { DAY } from '../../platform/db/clock';
import { formatDate } from '../../platform/dates';
import type { AppDeps } from '../../platform/http/env';
import { hashToken, newToken } from '../../platform/http/tokens';
import { enqueueEmail } from '../../platform/jobs/outbox';
import { findSchoolOnList } from '../establishments';
import { findOrganisationName } from '../organisations';

// The headteacher's support by email link, for an applicant from a school that is on no
// organisation on Waymark (an outside applicant): the headteacher they named has no account, so
// they are sent a single-use link that opens this one request and nothing else. Only the link's
// hash is stored; the token itself is only ever in the email.

/** How long a headteacher's link works. */
export const HEADTEACHER_LINK_DAYS = 14;

/** The path a headteacher's link opens: the application's id and the token, which must belong together. */
export function headteacherLinkPath(applicationId: string, token: string): string {
  return `/headteacher-support/${applicationId}/${token}`;
}

export interface HeadteacherAsk {
  endorsementId: string;
  applicationId: string;
  organisationId: string;
  applicantName: string;
  applicantJobTitle: string | null;
  programmeTitle: string;
  cohortName: string;
  schoolUrn: string;
  headteacherName: string;
  headteacherEmail: string;
  dueOn: string | null;
}

/**
 * How a link is sent: the first ask (at submission, or once the line manager supports); `again`
 * when the lead or the applicant asks for it to be sent again; `reminder` by the daily sweep, once,
 * to a head who hasn't answered after `HEADTEACHER_REMINDER_DAYS`.
 */
export type HeadteacherLinkSending = 'ask' | 'again' | 'reminder';

/** How many days after the link was sent an unanswered headteacher is reminded (once). */
export const HEADTEACHER_REMINDER_DAYS = 7;

/**
 * Sends the headteacher an outside applicant named a new link (its hash and expiry on the
 * endorsement; any link sent before stops working) in an email through the outbox, in the caller's
 * transaction. Asking, or asking again, marks the endorsement as asked now; a reminder leaves when
 * it was asked alone (the caller marks it reminded).
 */
export async function askHeadteacherByLink(
  trx: Executor,
  deps: Pick<AppDeps, 'clock' | 'config'>,
  ask: HeadteacherAsk,
  sending: HeadteacherLinkSending = 'ask',
): Promise<void> {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + HEADTEACHER_LINK_DAYS * DAY).toISOString();
  const previous = await trx.selectFrom('endorsements').select('requested_at').where('id', '=', ask.endorsementId).executeTakeFirst();
  await trx
    .updateTable('endorsements')
    .set(
      sending === 'reminder'
        ? { token_hash: hashToken(token), expires_at: expiresAt }
        : { status: 'requested', requested_at: now.toISOString(), token_hash: hashToken(token), expires_at: expiresAt },
    )
    .where('id', '=', ask.endorsementId)
    .execute();
  const [school, provider] = await Promise.all([findSchoolOnList(trx, ask.schoolUrn), findOrganisationName(trx, ask.organisationId)]);
  const schoolName = school?.name ?? 'your school';
  const who = `${ask.applicantName}${ask.applicantJobTitle ? `, ${ask.applicantJobTitle}` : ''} at ${schoolName}`;
  const due = ask.dueOn ? `Please answer by ${formatDate(ask.dueOn)}.` : 'Please answer as soon as you can.';
  const subject = `${ask.applicantName} has asked for your support: ${ask.programmeTitle}`;
  const replaces =
    sending === 'ask'
      ? []
      : [
          sending === 'reminder' && previous?.requested_at
            ? `We emailed you about this on ${formatDate(previous.requested_at)} and have not had your answer yet. This is a new link: the one in that email no longer works.`
            : 'This is a new link: any link we sent you before about this application no longer works.',
        ];
  await enqueueEmail(
    trx,
    deps.clock,
    {
      to: ask.headteacherEmail,
      subject: sending === 'reminder' ? `Reminder: ${subject}` : sending === 'again' ? `${subject} (new link)` : subject,
      text: [
        `Hello ${ask.headteacherName},`,
        `${who}, has applied for ${ask.programmeTitle} (${ask.cohortName}), run by ${provider ?? 'a provider on Waymark'}, and has named you as their headteacher. The provider asks for the headteacher’s support before considering an application.`,
        ...replaces,
        `You can see who has applied, confirm your name and role, and say whether the school supports the application here. You don’t need an account. The link opens this one request and nothing else, works until you answer, and stops working on ${formatDate(expiresAt)}:`,
        `${deps.config.BASE_URL}${headteacherLinkPath(ask.applicationId, token)}`,
        due,
        `If you are not ${ask.applicantName}’s headteacher, you can say so through the link, or ignore this email.`,
      ].join('\n\n'),
    },
    sending === 'reminder' ? `headteacher-link-reminder:${ask.endorsementId}` : undefined,
  );
}
