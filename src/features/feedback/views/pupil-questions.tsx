import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { BackLink, Button, Checkboxes, ErrorSummary, Input, InsetText, NotificationBanner } from '../../../platform/ui/components';
import { MAX_PUPIL_QUESTIONS, PUPIL_NOT_SURE_LABEL, PUPIL_SCALE } from '../feedback.model';
import type { PupilQuestionsPage } from '../feedback.service';

/** The form's values for the questions as they are stored (or the default set). */
export function pupilQuestionValues(page: PupilQuestionsPage): FormValues {
  return Object.fromEntries(page.questions.map((question, index) => [`question-${index + 1}`, question.text]));
}

/** A programme lead words the questions pupils answer through a class link: reword, reorder, remove, add. */
export function PupilQuestionsPageView(props: { page: PupilQuestionsPage; values: FormValues; errors?: FieldErrors; saved?: boolean }) {
  const errors = props.errors ?? {};
  const numbers = Object.keys(props.values)
    .map((key) => /^question-(\d{1,2})$/.exec(key)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const action = `/feedback/programmes/${props.page.programme.id}/pupil-questions`;
  return (
    <>
      <BackLink href={`/programmes/${props.page.programme.id}`} text={`Back to ${props.page.programme.title}`} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.saved ? <NotificationBanner type="success" text="The pupil questions are saved. Rounds started from now on use them." /> : null}
          {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
          <span class="govuk-caption-l">{props.page.programme.title}: 360 feedback</span>
          <h1 class="govuk-heading-l">Questions for pupils</h1>
          <p class="govuk-body">
            Pupils answer these through a participant’s class link, instead of the leadership skills colleagues rate. Word them as a pupil would say them: “My
            teacher” stands for the participant, whom the form names as pupils know them (for example “Mr Walsh”).
          </p>
          <p class="govuk-body">
            Pupils choose how often each is true: {PUPIL_SCALE.map((point) => point.label.toLowerCase()).join(', ')}, or “{PUPIL_NOT_SURE_LABEL}”.
          </p>
          <InsetText
            text={
              props.page.isDefault
                ? 'This programme uses Waymark’s default questions. Change them here to make them the programme’s own.'
                : 'Rounds already started keep the questions they started with: changes apply to rounds started from now on.'
            }
          />
          <form method="post" action={action} novalidate>
            {/* Pressing Enter in a question saves, rather than moving the first question. */}
            <button type="submit" hidden>
              Save questions
            </button>
            {numbers.map((n, index) => (
              <div class="govuk-!-margin-bottom-6">
                <Input
                  name={`question-${n}`}
                  id={`question-${n}`}
                  label={{ text: `Question ${index + 1}`, classes: 'govuk-label--s' }}
                  value={props.values[`question-${n}`]}
                  errorMessage={errorFor(errors, `question-${n}`)}
                  spellcheck
                />
                <Checkboxes
                  name={`remove-${n}`}
                  idPrefix={`remove-${n}`}
                  classes="govuk-checkboxes--small"
                  values={props.values[`remove-${n}`] === 'yes' ? ['yes'] : []}
                  items={[{ value: 'yes', text: `Remove question ${index + 1}` }]}
                />
                <div class="govuk-button-group">
                  {index > 0 ? <Button text={`Move question ${index + 1} up`} name="move" value={`up-${n}`} classes="govuk-button--secondary" /> : null}
                  {index < numbers.length - 1 ? (
                    <Button text={`Move question ${index + 1} down`} name="move" value={`down-${n}`} classes="govuk-button--secondary" />
                  ) : null}
                </div>
              </div>
            ))}
            <Input
              name="added"
              id="added"
              label={{ text: 'Add a question (optional)', classes: 'govuk-label--s' }}
              hint={{ text: `For example, “My teacher makes lessons interesting”. At most ${MAX_PUPIL_QUESTIONS} questions.` }}
              value={props.values.added}
              errorMessage={errorFor(errors, 'added')}
              spellcheck
            />
            <Button text="Save questions" />
          </form>
        </div>
      </div>
    </>
  );
}
