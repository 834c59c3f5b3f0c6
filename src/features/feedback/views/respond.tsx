import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, InsetText, NotificationBanner, Radios, Textarea, WarningText } from '../../../platform/ui/components';
import { FREQUENCY_SCALE, NOT_OBSERVED_LABEL, PUPIL_NOT_SURE_LABEL, PUPIL_SCALE } from '../feedback.model';

export interface FormSkill {
  id: string;
  title: string;
  description: string;
}

/** One question per skill: how often, on the frequency scale, or "Not observed". */
export function RatingQuestions(props: {
  skills: FormSkill[];
  values: FormValues;
  errors: FieldErrors;
  notObservedLabel?: string;
  scale?: readonly { value: number; label: string }[];
}) {
  return (
    <>
      {props.skills.map((skill) => (
        <Radios
          name={`rating-${skill.id}`}
          idPrefix={`rating-${skill.id}`}
          value={props.values[`rating-${skill.id}`]}
          fieldset={{ legend: { text: skill.title, classes: 'govuk-fieldset__legend--s' } }}
          hint={skill.description ? { text: skill.description } : undefined}
          errorMessage={errorFor(props.errors, `rating-${skill.id}`)}
          items={[
            ...(props.scale ?? FREQUENCY_SCALE).map((point) => ({ value: String(point.value), text: `${point.value}: ${point.label}` })),
            { divider: 'or' },
            { value: 'n', text: props.notObservedLabel ?? NOT_OBSERVED_LABEL },
          ]}
        />
      ))}
    </>
  );
}

/** Error summary links go to the first radio of a skill's question. */
function summaryIds(errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(
    Object.keys(errors)
      .filter((k) => k.startsWith('rating-'))
      .map((k) => [k, k]),
  );
}

function OpenQuestions(props: { givenName: string; values: FormValues; errors: FieldErrors; hint: string }) {
  return (
    <>
      <Textarea
        name="strengths"
        id="strengths"
        label={{ text: `What does ${props.givenName} do well?`, classes: 'govuk-label--s', isPageHeading: false }}
        hint={{ text: props.hint }}
        value={props.values.strengths}
        errorMessage={errorFor(props.errors, 'strengths')}
        rows={5}
      />
      <Textarea
        name="develop"
        id="develop"
        label={{ text: 'What could they develop?', classes: 'govuk-label--s' }}
        hint={{ text: props.hint }}
        value={props.values.develop}
        errorMessage={errorFor(props.errors, 'develop')}
        rows={5}
      />
    </>
  );
}

/** The private form a respondent opens from their email. */
export function RespondentFormPage(props: {
  action: string;
  participantName: string;
  givenName: string;
  closesOn: string;
  named: boolean;
  skills: FormSkill[];
  values: FormValues;
  errors?: FieldErrors;
  saved?: boolean;
}) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.saved ? (
          <NotificationBanner
            type="success"
            text={`Your answers are saved. Use the link in your email to come back to them before the round closes on ${formatDate(props.closesOn)}.`}
          />
        ) : null}
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, summaryIds(errors))} /> : null}
        <span class="govuk-caption-l">360 feedback</span>
        <h1 class="govuk-heading-l">Feedback for {props.participantName}</h1>
        <p class="govuk-body">
          {props.participantName} has asked for your feedback on their leadership. Answer by {formatDate(props.closesOn)}. It takes about 10 minutes. You can
          save your answers and come back to them.
        </p>
        {props.named ? (
          <WarningText
            text={`You are answering as ${props.givenName}’s line manager, so your answers are named: ${props.givenName} will know they are yours.`}
          />
        ) : (
          <InsetText
            text={`Your answers are anonymous. ${props.givenName} sees them only together with others’ answers, never on their own or with your name. Comments are shown word for word, so leave out anything that would identify you.`}
          />
        )}
        <form method="post" action={props.action} novalidate>
          <h2 class="govuk-heading-m">How often do you see {props.givenName} do these things?</h2>
          <p class="govuk-body">Choose ‘{NOT_OBSERVED_LABEL}’ if you have not had the chance to see it. It does not count against them.</p>
          <RatingQuestions skills={props.skills} values={props.values} errors={errors} />
          <h2 class="govuk-heading-m">In your own words</h2>
          <OpenQuestions givenName={props.givenName} values={props.values} errors={errors} hint="Optional. Examples help most." />
          <div class="govuk-button-group">
            <Button text="Submit feedback" name="action" value="submit" />
            <Button text="Save and continue later" name="action" value="save" classes="govuk-button--secondary" />
          </div>
        </form>
        <h2 class="govuk-heading-m">If you would rather not give feedback</h2>
        <form method="post" action={`${props.action}/decline`} novalidate>
          <Textarea
            name="reason"
            id="reason"
            label={{ text: 'Why not? (optional)', classes: 'govuk-label--s' }}
            hint={{ text: `Only Waymark keeps this: ${props.givenName} is not told your reason.` }}
            value={props.values.reason}
            errorMessage={errorFor(errors, 'reason')}
            rows={3}
          />
          <Button text="Decline to give feedback" classes="govuk-button--secondary" />
        </form>
      </div>
    </div>
  );
}

/** A link that no longer opens a form: answered, declined or closed. */
export function LinkDonePage(props: { state: 'used' | 'declined' | 'closed' | 'class-closed' | 'class-answered'; participantName: string }) {
  const text: Record<typeof props.state, { heading: string; body: string }> = {
    used: {
      heading: 'Thank you: your feedback has been sent',
      body: `This link has been used. Your feedback for ${props.participantName} has been sent, and it can’t be changed or sent again.`,
    },
    declined: {
      heading: 'You have declined to give feedback',
      body: `This link has been used. You declined to give feedback for ${props.participantName}, so there is nothing more to do.`,
    },
    closed: {
      heading: 'This feedback round has closed',
      body: `The round of feedback for ${props.participantName} has closed, so this link no longer takes answers. Thank you all the same.`,
    },
    'class-closed': {
      heading: 'This class link is closed',
      body: `The class link for feedback to ${props.participantName} is closed, so it no longer takes answers.`,
    },
    'class-answered': {
      heading: 'Thank you: your answers have been sent',
      body: `Your answers about ${props.participantName} have been sent. Each device can answer once.`,
    },
  };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{text[props.state].heading}</h1>
        <p class="govuk-body">{text[props.state].body}</p>
        <p class="govuk-body">You can close this page.</p>
      </div>
    </div>
  );
}

/** The class link's form: anonymous, no personal data asked; the teacher named as pupils know them. */
export function ClassFormPage(props: {
  action: string;
  /** "Mr Walsh", or the full name when no title is recorded. */
  teacherName: string;
  questions: FormSkill[];
  /** False for a round opened before pupils had their own questions: they rate the skills, on the adults' scale. */
  pupilWorded: boolean;
  values: FormValues;
  errors?: FieldErrors;
}) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, summaryIds(errors))} /> : null}
        <span class="govuk-caption-l">Student feedback</span>
        <h1 class="govuk-heading-l">Feedback for {props.teacherName}</h1>
        <p class="govuk-body">{props.teacherName} would like to know what their lessons are like for you. It takes about 5 minutes.</p>
        <InsetText
          text={`Your answers are anonymous: we don’t ask your name, and ${props.teacherName} only sees them together with other pupils’ answers, once at least 5 pupils have answered. Don’t write your name or anything that would identify you.`}
        />
        <form method="post" action={props.action} novalidate>
          <h2 class="govuk-heading-m">{props.pupilWorded ? 'How often is this true?' : `How often does ${props.teacherName} do these things?`}</h2>
          {props.pupilWorded ? <p class="govuk-body">“My teacher” means {props.teacherName}.</p> : null}
          <RatingQuestions
            skills={props.questions}
            values={props.values}
            errors={errors}
            notObservedLabel={PUPIL_NOT_SURE_LABEL}
            scale={props.pupilWorded ? PUPIL_SCALE : FREQUENCY_SCALE}
          />
          <h2 class="govuk-heading-m">In your own words</h2>
          <OpenQuestions givenName={props.teacherName} values={props.values} errors={errors} hint="Optional." />
          <Button text="Send my answers" />
        </form>
      </div>
    </div>
  );
}
