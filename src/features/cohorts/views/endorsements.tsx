import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, InsetText, NotificationBanner, Radios, SummaryList, Table, Textarea } from '../../../platform/ui/components';
import { sectionsFor } from '../applications.rules';
import type { getEndorsementForAnswer, listEndorsementsForViewer } from '../endorsements.service';
import { ENDORSEMENT_KINDS } from '../cohorts.schemas';
import { Answers, schoolText } from './application-answers';
import { EndorsementSummary } from './endorsement-summary';
import { ApplicationStatusTag, EndorsementStatusTag } from './status-tags';

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
        <SummaryList
          rows={[
            { key: { text: 'Applicant' }, value: { text: `${name}${app.job_title ? `, ${app.job_title}` : ''}` } },
            { key: { text: 'School' }, value: { text: schoolText(app) } },
            { key: { text: 'Programme' }, value: { text: `${app.programme_title}, ${app.cohort_name}` } },
            { key: { text: 'Application status' }, value: { html: <ApplicationStatusTag status={app.status} /> } },
            { key: { text: 'Answer by' }, value: { text: endorsement.due_on ? formatDate(endorsement.due_on) : 'No deadline' } },
            { key: { text: 'This request' }, value: { html: <EndorsementStatusTag status={endorsement.status} /> } },
          ]}
        />
        {props.notAnswerable ? <InsetText text={props.notAnswerable} /> : null}
        {endorsement.comment ? <InsetText>Your comment: “{endorsement.comment}”</InsetText> : null}
        {/* The application first: the answer comes after reading it. */}
        <Answers app={app} sections={sectionsFor(app)} reader="others" />
        <h2 class="govuk-heading-m">Support so far</h2>
        <EndorsementSummary endorsements={endorsements} />
        {!props.notAnswerable ? (
          <form method="post" action={`/endorsements/${endorsement.id}`} novalidate>
            <Radios
              idPrefix="answer"
              name="answer"
              fieldset={{
                legend: {
                  text: asHeadteacher ? `Does the school support ${app.given_name} taking part?` : `Do you endorse ${app.given_name}’s application?`,
                  classes: 'govuk-fieldset__legend--m',
                },
              }}
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
      </div>
    </div>
  );
}

type ForViewer = Awaited<ReturnType<typeof listEndorsementsForViewer>>;

export function EndorsementListPage(props: { list: ForViewer }) {
  const { awaiting, answered } = props.list;
  const table = (rows: ForViewer['awaiting'], caption: string, answeredList: boolean) => (
    <Table
      caption={caption}
      captionClasses="govuk-table__caption--m"
      head={[{ text: 'Applicant' }, { text: 'Programme' }, { text: 'Asked for' }, { text: answeredList ? 'Your answer' : 'Answer by' }]}
      rows={rows.map((r) => [
        {
          html: (
            <>
              <a class="govuk-link" href={`/endorsements/${r.id}`}>
                {r.given_name} {r.family_name}
              </a>
              {r.school_name ? (
                <>
                  {' '}
                  <span class="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{r.school_name}</span>
                </>
              ) : null}
            </>
          ),
        },
        { text: `${r.programme_title}, ${r.cohort_name}` },
        { text: ENDORSEMENT_KINDS[r.kind] },
        answeredList ? { html: <EndorsementStatusTag status={r.status} /> } : { text: r.due_on ? formatDate(r.due_on) : 'No deadline' },
      ])}
    />
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
