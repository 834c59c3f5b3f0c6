import { formatDate, formatDateRange, formatDateTime } from '../../../platform/dates';
import { Button, NotificationBanner, SummaryList, Table, TaskList, Textarea } from '../../../platform/ui/components';
import { ENROLMENT_STATUSES } from '../enrolments.schemas';
import type { EnrolmentOverview } from '../enrolments.service';
import { EnrolmentStatusTag, RequirementStatusTag } from './status-tags';

interface NextStep {
  text: string;
  link?: { href: string; text: string };
}

/** "What to do next", in the participant's words, or about them for everyone else. */
export function nextStep(overview: EnrolmentOverview): NextStep {
  const { enrolment, report, isParticipant: you } = overview;
  const name = enrolment.given_name;
  switch (enrolment.status) {
    case 'withdrawn':
      return { text: you ? 'You have withdrawn from this programme.' : `${name} has withdrawn from this programme.` };
    case 'deferred':
      return {
        text: you
          ? `Your place is deferred. You will rejoin with ${enrolment.return_cohort_name ?? 'a later cohort'}.`
          : `${name}’s place is deferred to ${enrolment.return_cohort_name ?? 'a later cohort'}.`,
      };
    case 'completed':
      return { text: you ? 'You have completed the programme.' : `${name} has completed the programme.` };
    case 'active': {
      if (report.requirements.length === 0) return { text: 'The programme lead has not set this programme’s requirements yet.' };
      const first = report.requirements.find((r) => r.status !== 'met');
      if (!first)
        return { text: you ? 'You have completed the programme. A programme lead will confirm it.' : `${name} has met every requirement and may graduate.` };
      if (first.kind === 'sign_off') return { text: you ? 'A programme lead will sign you off.' : 'Ready for a programme lead to sign off.' };
      return { text: `${first.title}: ${first.reason}.`, link: you && first.link ? first.link : undefined };
    }
  }
}

const banners: Record<string, string> = {
  'signed-off': 'Signed off',
  withdrawn: 'You have withdrawn from this programme',
  deferred: 'Place deferred',
  active: 'Place reinstated',
  completed: 'Marked as completed',
  'status-withdrawn': 'Withdrawn from the programme',
};
export const enrolmentBanner = (done: string | undefined) => (done ? banners[done] : undefined);

export function EnrolmentPage(props: { overview: EnrolmentOverview; banner?: string }) {
  const { enrolment, report, events, signoff, isParticipant: you, canManage, canSignOff } = props.overview;
  const name = `${enrolment.given_name} ${enrolment.family_name}`;
  const next = nextStep(props.overview);
  const active = enrolment.status === 'active';
  const history = [
    ...events.map((e) => ({
      at: e.created_at,
      what: ENROLMENT_STATUSES[e.status],
      by: e.given_name ? `${e.given_name} ${e.family_name}` : 'Waymark',
      why: e.reason ?? '',
    })),
    ...(signoff ? [{ at: signoff.created_at, what: 'Signed off', by: `${signoff.given_name} ${signoff.family_name}`, why: signoff.note }] : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <span class="govuk-caption-l">{you ? 'My programme' : name}</span>
        <h1 class="govuk-heading-l">{enrolment.programme_title}</h1>
        <SummaryList
          rows={[
            !you && { key: { text: 'Participant' }, value: { text: name } },
            !you && { key: { text: 'School' }, value: { text: enrolment.school_name ?? 'Central team (no school)' } },
            {
              key: { text: 'Programme' },
              value: {
                html: (
                  <a class="govuk-link" href={`/programmes/${enrolment.programme_id}`}>
                    {enrolment.programme_title}
                  </a>
                ),
              },
            },
            {
              key: { text: 'Cohort' },
              value:
                you && (enrolment.status === 'active' || enrolment.status === 'completed')
                  ? {
                      html: (
                        <>
                          {enrolment.cohort_name}{' '}
                          <a class="govuk-link" href={`/cohorts/${enrolment.cohort_id}/members`}>
                            See who is in your cohort
                          </a>
                        </>
                      ),
                    }
                  : { text: enrolment.cohort_name },
            },
            { key: { text: 'Dates' }, value: { text: formatDateRange(enrolment.starts_on, enrolment.ends_on) } },
            {
              key: { text: 'Status' },
              value: {
                html: (
                  <>
                    <EnrolmentStatusTag status={enrolment.status} />
                    {enrolment.status_reason && (enrolment.status === 'deferred' || enrolment.status === 'withdrawn') ? (
                      <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">{enrolment.status_reason}</p>
                    ) : null}
                  </>
                ),
              },
            },
            enrolment.status === 'deferred' && { key: { text: 'Rejoins with' }, value: { text: enrolment.return_cohort_name ?? 'Not chosen' } },
            !!enrolment.completed_at && { key: { text: 'Completed on' }, value: { text: formatDate(enrolment.completed_at) } },
            signoff && { key: { text: 'Signed off' }, value: { text: `By ${signoff.given_name} ${signoff.family_name} on ${formatDate(signoff.created_at)}` } },
          ]}
        />

        <h2 class="govuk-heading-m">{you ? 'Your requirements' : 'Requirements'}</h2>
        {report.requirements.length === 0 ? (
          <p class="govuk-body">The programme lead has not set this programme’s requirements yet.</p>
        ) : (
          <TaskList
            idPrefix="requirements"
            items={report.requirements.map((r) => ({
              title: { text: r.title },
              hint: { text: `${r.description[you ? 'participant' : 'others']}. ${r.reason}.` },
              status: { html: <RequirementStatusTag status={r.status} /> },
              href: you && active && r.link ? r.link.href : undefined,
            }))}
          />
        )}
        <p class="govuk-body">
          {report.mayGraduate ? (you ? 'You have met every requirement.' : 'May graduate: every requirement is met.') : `${report.graduationReason}`}
        </p>

        <h2 class="govuk-heading-m">What to do next</h2>
        <p class="govuk-body">
          {next.text}
          {next.link ? (
            <>
              {' '}
              <a class="govuk-link" href={next.link.href}>
                {next.link.text}
              </a>
            </>
          ) : null}
        </p>

        {canSignOff ? (
          <form method="post" action={`/enrolments/${enrolment.id}/sign-off`} novalidate>
            <h2 class="govuk-heading-m">Sign off</h2>
            <p class="govuk-body">Every other requirement is met. Sign off to confirm {enrolment.given_name} has completed the programme’s work.</p>
            <Textarea
              id="note"
              name="note"
              label={{ text: 'Note for the record (optional)', classes: 'govuk-label--s' }}
              hint={{ text: `${enrolment.given_name} will see this note` }}
              rows={3}
            />
            <Button text="Sign off" />
          </form>
        ) : null}
        {canManage ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/enrolments/${enrolment.id}/status`}>
              Change status<span class="govuk-visually-hidden"> of {name}’s enrolment</span>
            </a>
          </p>
        ) : null}
        {you || canManage ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/enrolments/${enrolment.id}/self-assessment`}>
              {you ? 'Your self-assessment' : `${name}’s self-assessment`}
            </a>
          </p>
        ) : null}
        {you && (enrolment.status === 'active' || enrolment.status === 'deferred') ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/enrolments/${enrolment.id}/withdraw`}>
              Withdraw from this programme
            </a>
          </p>
        ) : null}

        {history.length === 0 ? (
          <>
            <h2 class="govuk-heading-m">History</h2>
            <p class="govuk-body">No changes recorded yet.</p>
          </>
        ) : (
          <Table
            caption="History"
            captionClasses="govuk-table__caption--m"
            head={[{ text: 'Date' }, { text: 'Change' }, { text: 'By' }, { text: 'Reason' }]}
            rows={history.map((h) => [{ text: formatDateTime(h.at) }, { text: h.what }, { text: h.by }, { text: h.why }])}
          />
        )}
      </div>
    </div>
  );
}
