import { recordAudit } from '../../platform/audit/audit';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Forbidden, Invalid, NotFound } from '../../platform/http/errors';
import { enqueueEmails } from '../../platform/jobs/outbox';
import { APPLICATION_STATUSES, type ApplicationStatus, applicantsOfCohort, canManageCohorts, findCohortOfOrganisation } from '../cohorts';
import { MESSAGE_STATUSES, type MessageForm } from './applicant-messages.schemas';

async function ownCohort(deps: AppDeps, viewer: Viewer, cohortId: string) {
  const cohort = await findCohortOfOrganisation(deps.db, viewer.organisationId, cohortId);
  if (!cohort) throw new NotFound();
  if (!canManageCohorts(viewer, cohort.organisation_id)) throw new Forbidden();
  return cohort;
}

const whom = (statuses: readonly ApplicationStatus[]) => (statuses.length === 0 ? MESSAGE_STATUSES : statuses);

/** In words: "every applicant" or "applicants who are Waitlisted or Declined". */
export function describeStatuses(statuses: readonly ApplicationStatus[]): string {
  if (statuses.length === 0 || statuses.length === MESSAGE_STATUSES.length) return 'Every applicant';
  const names = statuses.map((s) => APPLICATION_STATUSES[s].toLowerCase());
  return `Applicants who are ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`}`;
}

/** The email one applicant gets. */
export function applicantEmail(
  message: Pick<MessageForm, 'subject' | 'body'>,
  applicant: { given_name: string; email: string },
  from: { cohort: string; programme: string; organisation: string },
) {
  return {
    to: applicant.email,
    subject: message.subject,
    text: `Hello ${applicant.given_name},\n\n${message.body}\n\nYou are receiving this because you applied to ${from.programme} (${from.cohort}) with ${from.organisation}.\n`,
  };
}

/** The round's page for messages: what was sent before, and how many each status would reach. */
export async function getMessagesPage(deps: AppDeps, viewer: Viewer, cohortId: string) {
  const cohort = await ownCohort(deps, viewer, cohortId);
  const [sent, applicants] = await Promise.all([
    deps.db.selectFrom('applicant_messages').selectAll().where('cohort_id', '=', cohort.id).orderBy('sent_at', 'desc').execute(),
    applicantsOfCohort(deps.db, cohort.id, MESSAGE_STATUSES),
  ]);
  const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, applicants.filter((a) => a.status === s).length])) as Record<ApplicationStatus, number>;
  return {
    cohort,
    counts,
    sent: sent.map((m) => ({ ...m, whom: describeStatuses(JSON.parse(m.statuses) as ApplicationStatus[]) })),
  };
}
export type MessagesPage = Awaited<ReturnType<typeof getMessagesPage>>;

/** What the message would do: how many people, and the email the first of them would get. */
export async function previewMessage(deps: AppDeps, viewer: Viewer, cohortId: string, form: MessageForm) {
  const cohort = await ownCohort(deps, viewer, cohortId);
  const applicants = await applicantsOfCohort(deps.db, cohort.id, whom(form.statuses));
  if (applicants.length === 0) throw new Invalid({ statuses: 'Nobody who applied is in the statuses chosen. Choose others, or none for every applicant' });
  const sample = applicantEmail(form, applicants[0] as (typeof applicants)[number], {
    cohort: cohort.name,
    programme: cohort.programme_title,
    organisation: viewer.organisationName,
  });
  return { cohort, recipients: applicants.length, sample, whom: describeStatuses(form.statuses) };
}
export type MessagePreview = Awaited<ReturnType<typeof previewMessage>>;

/** Sends the message to every applicant in the statuses, one email each through the outbox, and records it on the round. */
export async function sendMessage(deps: AppDeps, viewer: Viewer, cohortId: string, form: MessageForm, requestId: string | null): Promise<number> {
  const cohort = await ownCohort(deps, viewer, cohortId);
  return deps.db.transaction().execute(async (trx) => {
    const applicants = await applicantsOfCohort(trx, cohort.id, whom(form.statuses));
    if (applicants.length === 0) throw new Invalid({ statuses: 'Nobody who applied is in the statuses chosen. Choose others, or none for every applicant' });
    const from = { cohort: cohort.name, programme: cohort.programme_title, organisation: viewer.organisationName };
    await enqueueEmails(
      trx,
      deps.clock,
      applicants.map((a) => applicantEmail(form, a, from)),
    );
    const id = newId();
    await trx
      .insertInto('applicant_messages')
      .values({
        id,
        organisation_id: viewer.organisationId,
        cohort_id: cohort.id,
        statuses: JSON.stringify(form.statuses),
        subject: form.subject,
        body: form.body,
        recipients: applicants.length,
        sent_by: viewer.id,
        sent_at: deps.clock.now().toISOString(),
      })
      .execute();
    await recordAudit(trx, deps.clock, {
      action: 'applicants_messaged',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'cohort',
      subjectId: cohort.id,
      detail: { messageId: id, recipients: applicants.length },
      requestId,
    });
    return applicants.length;
  });
}
