import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import { formatDateRange } from '../../../platform/dates';
import { Button, Checkboxes, ErrorSummary, InsetText, Textarea } from '../../../platform/ui/components';
import { EXCEPTION_REASON_MAX, type CompletionPage, type ExceptionForm } from '../certificates.service';

/** A programme lead's page for confirming completion in a cohort. */
export function CompletionPageView(props: { page: CompletionPage; errors?: FieldErrors; chosen?: string[]; banner?: string }) {
  const { cohort, ready, notYet, completed, elsewhere } = props.page;
  const errors = props.errors ?? {};
  const chosen = props.chosen ?? ready.map((r) => r.enrolmentId);
  const base = `/cohorts/${cohort.id}/completion`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        {Object.keys(errors).length > 0 ? (
          <ErrorSummary titleText="There is a problem" errorList={errorList(errors, { enrolmentIds: 'enrolmentIds' })} />
        ) : null}
        {props.banner ? (
          <div
            class="govuk-notification-banner govuk-notification-banner--success"
            role="alert"
            aria-labelledby="banner-title"
            data-module="govuk-notification-banner"
          >
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="banner-title">
                Success
              </h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">{props.banner}</p>
            </div>
          </div>
        ) : null}
        <span class="govuk-caption-l">
          {cohort.programme_title}: {cohort.name}
        </span>
        <h1 class="govuk-heading-l">Confirm completion</h1>
        <p class="govuk-body">
          {formatDateRange(cohort.starts_on, cohort.ends_on)}. Confirming completion marks the enrolment as completed, tells the participant, and issues their
          certificate with a link anyone can use to check it.
        </p>

        <h2 class="govuk-heading-m">Met every requirement ({ready.length})</h2>
        {ready.length === 0 ? (
          <p class="govuk-body">Nobody in this cohort is waiting for completion to be confirmed.</p>
        ) : (
          <form method="post" action={base} novalidate>
            <Checkboxes
              name="enrolmentIds"
              idPrefix="enrolmentIds"
              fieldset={{ legend: { text: 'Who to confirm as having completed', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'Everyone who has met every requirement is selected. Clear anyone you are not confirming yet.' }}
              errorMessage={errorFor(errors, 'enrolmentIds')}
              values={chosen}
              items={ready.map((r) => ({ value: r.enrolmentId, text: r.school ? `${r.name} (${r.school})` : r.name }))}
            />
            <Button text="Confirm completion" />
          </form>
        )}

        <h2 class="govuk-heading-m">Not met yet ({notYet.length})</h2>
        {notYet.length === 0 ? (
          <p class="govuk-body">Every active participant has met every requirement.</p>
        ) : (
          notYet.map((r) => (
            <div class="govuk-summary-card">
              <div class="govuk-summary-card__title-wrapper">
                <h3 class="govuk-summary-card__title">{r.name}</h3>
                <ul class="govuk-summary-card__actions">
                  <li class="govuk-summary-card__action">
                    <a class="govuk-link" href={`${base}/${r.enrolmentId}/exception`}>
                      Record completion as an exception<span class="govuk-visually-hidden"> for {r.name}</span>
                    </a>
                  </li>
                </ul>
              </div>
              <div class="govuk-summary-card__content">
                <p class="govuk-body">{r.report.graduationReason}</p>
                <ul class="govuk-list govuk-list--bullet">
                  {r.report.requirements
                    .filter((q) => q.status !== 'met')
                    .map((q) => (
                      <li>
                        {q.title}: {q.reason}
                      </li>
                    ))}
                </ul>
              </div>
            </div>
          ))
        )}

        <h2 class="govuk-heading-m">Completed ({completed.length})</h2>
        {completed.length === 0 ? (
          <p class="govuk-body">Nobody in this cohort has completed yet.</p>
        ) : (
          <ul class="govuk-list">
            {completed.map((r) => (
              <li>
                {r.name}:{' '}
                {r.certificate ? (
                  <a class="govuk-link" href={`/certificates/${r.certificate.code}`}>
                    {r.certificate.revoked ? 'certificate (revoked)' : 'certificate'}
                    <span class="govuk-visually-hidden"> of {r.name}</span>
                  </a>
                ) : (
                  'certificate being issued'
                )}
              </li>
            ))}
          </ul>
        )}
        {elsewhere.length > 0 ? (
          <p class="govuk-body">
            {elsewhere.length} {elsewhere.length === 1 ? 'participant has' : 'participants have'} deferred or withdrawn and{' '}
            {elsewhere.length === 1 ? 'is' : 'are'} not listed.
          </p>
        ) : null}
        <p class="govuk-body">
          <a class="govuk-link" href={`/cohorts/${cohort.id}/roster`}>
            See the cohort’s roster
          </a>
        </p>
      </div>
    </div>
  );
}

/** Recording completion for someone who has not met every requirement, with the reason. */
export function ExceptionFormView(props: { form: ExceptionForm; reason: string; errors?: FieldErrors }) {
  const { cohort, participant } = props.form;
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">
          {cohort.programme_title}: {cohort.name}
        </span>
        <h1 class="govuk-heading-l">Record completion as an exception for {participant.name}</h1>
        <p class="govuk-body">{participant.report.graduationReason}</p>
        <ul class="govuk-list govuk-list--bullet">
          {participant.report.requirements.map((q) => (
            <li>
              {q.title}: {q.reason} ({q.status === 'met' ? 'met' : 'not met'})
            </li>
          ))}
        </ul>
        <InsetText text="The reason is kept with the enrolment and shown on the certificate's verification page, beside the requirements that were not met." />
        <form method="post" action={`/cohorts/${cohort.id}/completion/${participant.enrolmentId}/exception`} novalidate>
          <Textarea
            id="reason"
            name="reason"
            rows={4}
            label={{ text: 'Why completion is being recorded', classes: 'govuk-label--s' }}
            hint={{ text: `For example, a requirement that could not be met for reasons outside their control. Up to ${EXCEPTION_REASON_MAX} characters.` }}
            value={props.reason}
            errorMessage={errorFor(errors, 'reason')}
          />
          <Button text="Record completion" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/cohorts/${cohort.id}/completion`}>
            Back to confirming completion
          </a>
        </p>
      </div>
    </div>
  );
}
