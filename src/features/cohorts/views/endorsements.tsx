import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, InsetText, NotificationBanner, Radios, Textarea } from '../../../platform/ui/components';
import { sectionsFor } from '../applications.rules';
import type { getEndorsementForAnswer, listEndorsementsForViewer } from '../endorsements.service';
import { ENDORSEMENT_KINDS } from '../cohorts.schemas';
import { Answers, EndorsementTag, Endorsements, Rows, StatusTag } from './shared';

type ForAnswer = Awaited<ReturnType<typeof getEndorsementForAnswer>>;

/** The request: the application's summary, then support / don't support with a comment. */
export function EndorsementPage(props: { data: ForAnswer; notAnswerable: string | null; values?: FormValues; errors?: FieldErrors; done?: boolean }) {
  const { endorsement, app, endorsements } = props.data;
  const errors = props.errors ?? {};
  const asHeadteacher = endorsement.kind === 'headteacher';
  const name = `${app.given_name} ${app.family_name}`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, { answer: 'answer' })} /> : null}
        {props.done ? <NotificationBanner type="success" text={`Thank you: your answer has been saved and ${app.given_name} has been told`} /> : null}
        <span class="govuk-caption-l">{ENDORSEMENT_KINDS[endorsement.kind]}</span>
        <h1 class="govuk-heading-l">
          Do you support {name}’s application to {app.programme_title}?
        </h1>
        <Rows
          rows={[
            { key: 'Applicant', value: `${name}${app.job_title ? `, ${app.job_title}` : ''}` },
            { key: 'School', value: app.school_name ?? 'Central team (no school)' },
            { key: 'Programme', value: `${app.programme_title}, ${app.cohort_name}` },
            { key: 'Application status', value: <StatusTag status={app.status} /> },
            { key: 'Please answer by', value: endorsement.due_on ? formatDate(endorsement.due_on) : 'No deadline' },
            { key: 'This request', value: <EndorsementTag status={endorsement.status} /> },
          ]}
        />
        {props.notAnswerable ? <InsetText text={props.notAnswerable} /> : null}
        {endorsement.comment ? <InsetText>Your comment: “{endorsement.comment}”</InsetText> : null}
        {!props.notAnswerable ? (
          <form method="post" action={`/endorsements/${endorsement.id}`} novalidate>
            <Radios
              idPrefix="answer"
              name="answer"
              fieldset={{ legend: { text: asHeadteacher ? `Does the school support ${app.given_name} taking part?` : `Do you endorse ${app.given_name}’s application?`, classes: 'govuk-fieldset__legend--m' } }}
              value={props.values?.answer}
              errorMessage={errorFor(errors, 'answer')}
              items={[
                { value: 'support', text: asHeadteacher ? 'Yes, the school supports this' : 'Yes, I endorse this application' },
                { value: 'not_support', text: asHeadteacher ? 'No, the school does not support this' : 'No, I do not endorse this application' },
              ]}
            />
            <Textarea
              id="comment"
              name="comment"
              label={{ text: 'Comment', classes: 'govuk-label--s' }}
              hint={{ text: `Required if you do not support it. ${app.given_name} and the programme lead will see your comment.` }}
              value={props.values?.comment}
              errorMessage={errorFor(errors, 'comment')}
            />
            <Button text="Send your answer" preventDoubleClick />
          </form>
        ) : null}
        <h2 class="govuk-heading-m">Support so far</h2>
        <Endorsements endorsements={endorsements} />
        <Answers app={app} sections={sectionsFor(app)} />
      </div>
    </div>
  );
}

type ForViewer = Awaited<ReturnType<typeof listEndorsementsForViewer>>;

export function EndorsementListPage(props: { list: ForViewer }) {
  const { awaiting, answered } = props.list;
  const table = (rows: ForViewer['awaiting'], caption: string, answeredList: boolean) => (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Applicant
          </th>
          <th scope="col" class="govuk-table__header">
            Programme
          </th>
          <th scope="col" class="govuk-table__header">
            Asked for
          </th>
          <th scope="col" class="govuk-table__header">
            {answeredList ? 'Your answer' : 'Answer by'}
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((r) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">
              <a class="govuk-link" href={`/endorsements/${r.id}`}>
                {r.given_name} {r.family_name}
              </a>
              {r.school_name ? <span class="govuk-hint govuk-!-margin-bottom-0">{r.school_name}</span> : null}
            </td>
            <td class="govuk-table__cell">
              {r.programme_title}, {r.cohort_name}
            </td>
            <td class="govuk-table__cell">{ENDORSEMENT_KINDS[r.kind]}</td>
            <td class="govuk-table__cell">{answeredList ? <EndorsementTag status={r.status} /> : r.due_on ? formatDate(r.due_on) : 'No deadline'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-l">Endorsement requests</h1>
        <p class="govuk-body">Colleagues who have applied for a programme and asked for your support.</p>
        {awaiting.length === 0 ? <p class="govuk-body">Nobody is waiting for your answer.</p> : table(awaiting, 'Waiting for your answer', false)}
        {answered.length > 0 ? table(answered, 'You have answered', true) : null}
      </div>
    </div>
  );
}
