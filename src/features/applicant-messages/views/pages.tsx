import { formatDateTime } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { Button, Checkboxes, Input, InsetText, NotificationBanner, Paragraphs, Table, Textarea } from '../../../platform/ui/components';
import { FormErrors } from '../../../platform/ui/form-parts';
import { APPLICATION_STATUSES } from '../../cohorts';
import { LIMITS, MESSAGE_STATUSES } from '../applicant-messages.schemas';
import type { MessagePreview, MessagesPage } from '../applicant-messages.service';

export function MessagesView(props: {
  page: MessagesPage;
  values: FormValues;
  statuses: string[];
  errors?: FieldErrors | undefined;
  banner?: string | undefined;
}) {
  const { cohort, counts, sent } = props.page;
  const { values, errors } = props;
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <FormErrors errors={errors} />
      <span class="govuk-caption-l">
        {cohort.programme_title}, {cohort.name}
      </span>
      <h1 class="govuk-heading-l">Message applicants</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">Write to everyone who applied to this round at once. Each person gets their own email; you see a preview before it is sent.</p>
          <form method="post" action={`/cohorts/${cohort.id}/messages/preview`} novalidate>
            <Input
              id="subject"
              name="subject"
              label={{ text: 'Subject', classes: 'govuk-label--s' }}
              value={values.subject ?? ''}
              spellcheck
              errorMessage={errorFor(errors, 'subject')}
              attributes={{ maxlength: String(LIMITS.subject) }}
            />
            <Textarea
              id="body"
              name="body"
              label={{ text: 'Message', classes: 'govuk-label--s' }}
              hint={{ text: 'For example: “Thank you for applying. You will receive further communication in six to eight weeks.”' }}
              value={values.body ?? ''}
              rows={8}
              errorMessage={errorFor(errors, 'body')}
            />
            <Checkboxes
              name="statuses"
              idPrefix="statuses"
              fieldset={{ legend: { text: 'Only applicants who are (optional)', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'Choose none to write to every applicant. Drafts are not applications, so they are never sent to.' }}
              items={MESSAGE_STATUSES.map((s) => ({
                value: s,
                text: `${APPLICATION_STATUSES[s]} (${counts[s]})`,
                checked: props.statuses.includes(s),
              }))}
              errorMessage={errorFor(errors, 'statuses')}
            />
            <Button text="Preview the message" preventDoubleClick />
          </form>
        </div>
      </div>
      <h2 class="govuk-heading-m">Sent</h2>
      {sent.length === 0 ? (
        <p class="govuk-body">No messages have been sent to this round’s applicants.</p>
      ) : (
        <Table
          stackOnNarrowScreens
          head={[{ text: 'Sent' }, { text: 'Subject' }, { text: 'To' }, { text: 'People', format: 'numeric' }]}
          rows={sent.map((m) => [
            { text: formatDateTime(m.sent_at) },
            { text: m.subject },
            { text: m.whom },
            { text: String(m.recipients), format: 'numeric' },
          ])}
        />
      )}
    </>
  );
}

export function PreviewView(props: { preview: MessagePreview; values: FormValues; statuses: string[] }) {
  const { preview, values } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">
          {preview.cohort.programme_title}, {preview.cohort.name}
        </span>
        <h1 class="govuk-heading-l">Check the message</h1>
        <p class="govuk-body">
          {preview.whom}: <strong>{preview.recipients === 1 ? '1 person' : `${preview.recipients} people`}</strong>, one email each. This is what the first of
          them will get:
        </p>
        <InsetText
          html={
            <>
              <p class="govuk-body">
                <strong>Subject:</strong> {preview.sample.subject}
              </p>
              <Paragraphs text={preview.sample.text} />
            </>
          }
        />
        <form method="post" action={`/cohorts/${preview.cohort.id}/messages`}>
          <input type="hidden" name="subject" value={values.subject ?? ''} />
          <input type="hidden" name="body" value={values.body ?? ''} />
          {props.statuses.map((s) => (
            <input type="hidden" name="statuses" value={s} />
          ))}
          <div class="govuk-button-group">
            <Button text={`Send to ${preview.recipients === 1 ? '1 person' : `${preview.recipients} people`}`} preventDoubleClick />
            <a class="govuk-link" href={`/cohorts/${preview.cohort.id}/messages`}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
