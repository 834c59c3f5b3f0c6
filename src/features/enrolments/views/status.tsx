import { formatDateRange } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Radios, Select, SummaryList, Textarea, WarningText } from '../../../platform/ui/components';
import type { EnrolmentRecord } from '../enrolments.queries';
import { STATUS_ACTIONS, type StatusAction } from '../enrolments.schemas';
import { EnrolmentStatusTag } from './status-tags';

/** Error summary links: the list of outstanding requirements points at the choice of action. */
function summaryIds(errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.keys(errors).map((k) => [k, k.startsWith('outstanding-') ? 'action' : k]));
}

/** A programme lead changes an enrolment's status. */
export function StatusPage(props: {
  enrolment: EnrolmentRecord;
  laterCohorts: { id: string; name: string; starts_on: string; ends_on: string }[];
  actions: StatusAction[];
  values: FormValues;
  errors?: FieldErrors;
}) {
  const { enrolment } = props;
  const errors = props.errors ?? {};
  const name = `${enrolment.given_name} ${enrolment.family_name}`;
  const hints: Partial<Record<StatusAction, string>> = {
    defer: 'They give up their place in this cohort and rejoin a later one. Their place is offered to the waiting list',
    withdraw: enrolment.status === 'active' ? 'They leave the programme. Their place is offered to the waiting list' : 'They leave the programme',
    reinstate:
      enrolment.status === 'deferred'
        ? `They rejoin with ${enrolment.return_cohort_name ?? enrolment.cohort_name}, if it has a free place`
        : `They rejoin ${enrolment.cohort_name}, if it has a free place`,
    complete: 'Only when every requirement is met',
  };
  const returnCohort =
    props.laterCohorts.length === 0 ? (
      <p class="govuk-body">There is no later cohort of this programme to defer to.</p>
    ) : (
      <Select
        id="returnCohortId"
        name="returnCohortId"
        label={{ text: 'If deferring: the cohort they will rejoin' }}
        items={[
          { value: '', text: 'Select a cohort' },
          ...props.laterCohorts.map((c) => ({ value: c.id, text: `${c.name} (${formatDateRange(c.starts_on, c.ends_on)})` })),
        ]}
        value={props.values.returnCohortId ?? ''}
        errorMessage={errorFor(errors, 'returnCohortId')}
      />
    );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, summaryIds(errors))} /> : null}
        <span class="govuk-caption-l">{enrolment.programme_title}</span>
        <h1 class="govuk-heading-l">Change {name}’s enrolment</h1>
        <SummaryList
          rows={[
            { key: { text: 'Cohort' }, value: { text: `${enrolment.cohort_name} (${formatDateRange(enrolment.starts_on, enrolment.ends_on)})` } },
            { key: { text: 'Status now' }, value: { html: <EnrolmentStatusTag status={enrolment.status} /> } },
          ]}
        />
        {props.actions.length === 0 ? (
          <p class="govuk-body">This enrolment is {enrolment.status}, so its status can no longer be changed.</p>
        ) : (
          <form method="post" action={`/enrolments/${enrolment.id}/status`} novalidate>
            <Radios
              idPrefix="action"
              name="action"
              fieldset={{ legend: { text: 'What do you want to do?', classes: 'govuk-fieldset__legend--m' } }}
              items={props.actions.map((action) => ({
                value: action,
                text: STATUS_ACTIONS[action],
                hint: hints[action] ? { text: hints[action] } : undefined,
              }))}
              value={props.values.action}
              errorMessage={errorFor(errors, 'action')}
            />
            {/* Not a conditional reveal: axe refuses the aria-expanded govuk-frontend adds to radios (decision 0005). */}
            {props.actions.includes('defer') ? returnCohort : null}
            <Textarea
              id="reason"
              name="reason"
              label={{ text: 'Reason', classes: 'govuk-label--s' }}
              hint={{ text: `Needed to defer or withdraw. ${enrolment.given_name} will see it in the email we send them` }}
              rows={3}
              value={props.values.reason}
              errorMessage={errorFor(errors, 'reason')}
            />
            <Button text="Save" />
          </form>
        )}
        <p class="govuk-body">
          <a class="govuk-link" href={`/enrolments/${enrolment.id}`}>
            Back to {name}’s programme
          </a>
        </p>
      </div>
    </div>
  );
}

/** The participant withdraws. */
export function WithdrawPage(props: { enrolment: EnrolmentRecord; values: FormValues; errors?: FieldErrors }) {
  const { enrolment } = props;
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{enrolment.programme_title}</span>
        <h1 class="govuk-heading-l">Withdraw from {enrolment.programme_title}</h1>
        <WarningText
          text={
            enrolment.status === 'active'
              ? 'Your place will be offered to someone on the waiting list. Only a programme lead can reinstate you.'
              : 'Only a programme lead can reinstate you.'
          }
        />
        <form method="post" action={`/enrolments/${enrolment.id}/withdraw`} novalidate>
          <Textarea
            id="reason"
            name="reason"
            label={{ text: 'Why are you withdrawing?', classes: 'govuk-label--s' }}
            hint={{ text: 'Your programme lead will see this' }}
            rows={4}
            value={props.values.reason}
            errorMessage={errorFor(errors, 'reason')}
          />
          <Button text="Withdraw from the programme" classes="govuk-button--warning" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/enrolments/${enrolment.id}`}>
            Cancel and go back
          </a>
        </p>
      </div>
    </div>
  );
}
