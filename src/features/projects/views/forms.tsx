import type { Child } from 'hono/jsx';
import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, Checkboxes, DateInput, ErrorSummary, Input, InsetText, Radios, Textarea, WarningText } from '../../../platform/ui/components';
import { withUnit } from '../impact-chart';
import { CRITERIA_MAX, JUDGEMENTS } from '../projects.schemas';
import type { AssessForm } from '../projects.service';
import { SubmissionView } from './project';

interface FormProps {
  values: FormValues;
  errors?: FieldErrors;
}

/** The page frame every project form shares: error summary, caption, heading, then the form. */
function FormFrame(props: {
  caption: string;
  heading: string;
  errors?: FieldErrors;
  action: string;
  button: string;
  children?: Child;
  ids?: Record<string, string>;
}) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, props.ids)} /> : null}
        <span class="govuk-caption-l">{props.caption}</span>
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <form method="post" action={props.action} novalidate>
          {props.children}
          <Button text={props.button} />
        </form>
      </div>
    </div>
  );
}

/** Error ids for date inputs: the summary links to the day field. */
const dateIds = (...prefixes: string[]) => Object.fromEntries(prefixes.map((p) => [p, `${p}-day`]));

function dateValues(values: FormValues, prefix: string) {
  return { [`${prefix}-day`]: values[`${prefix}-day`], [`${prefix}-month`]: values[`${prefix}-month`], [`${prefix}-year`]: values[`${prefix}-year`] };
}

/** Form values for a YYYY-MM-DD date in a date input named `prefix`. */
export function dateToValues(prefix: string, iso: string | null | undefined): FormValues {
  if (!iso) return {};
  const [y, m, d] = iso.split('-');
  return { [`${prefix}-day`]: String(Number(d)), [`${prefix}-month`]: String(Number(m)), [`${prefix}-year`]: y ?? '' };
}

/** Creating or changing the project's plan. */
export function ProjectForm(
  props: FormProps & {
    caption: string;
    heading: string;
    action: string;
    button: string;
    skills: { id: string; code: string; title: string }[];
    ticked: string[];
    criteriaLocked?: boolean;
    criteriaText?: string;
  },
) {
  const v = props.values;
  return (
    <FormFrame caption={props.caption} heading={props.heading} errors={props.errors} action={props.action} button={props.button}>
      <Input
        id="title"
        name="title"
        label={{ text: 'Title', classes: 'govuk-label--s' }}
        value={v.title ?? ''}
        errorMessage={errorFor(props.errors, 'title')}
      />
      <Textarea
        id="rationale"
        name="rationale"
        label={{ text: 'The school priority it serves', classes: 'govuk-label--s' }}
        hint={{ text: 'For example, a priority in the school development plan, and why it matters now.' }}
        value={v.rationale ?? ''}
        errorMessage={errorFor(props.errors, 'rationale')}
      />
      <Textarea
        id="peopleAffected"
        name="peopleAffected"
        rows={3}
        label={{ text: 'Who it is for', classes: 'govuk-label--s' }}
        hint={{ text: 'A group, not named people: for example “Year 9 pupils eligible for pupil premium” or “the science department”.' }}
        value={v.peopleAffected ?? ''}
        errorMessage={errorFor(props.errors, 'peopleAffected')}
      />
      {props.criteriaLocked ? (
        <InsetText
          html={
            <>
              <p class="govuk-body">The success criteria stay as they were when you first submitted:</p>
              <p class="govuk-body">{props.criteriaText}</p>
            </>
          }
        />
      ) : (
        <Textarea
          id="criteria"
          name="criteria"
          label={{ text: 'Success criteria', classes: 'govuk-label--s' }}
          hint={{ text: `One a line, up to ${CRITERIA_MAX}. Your assessor judges each one met or not yet.` }}
          value={v.criteria ?? ''}
          errorMessage={errorFor(props.errors, 'criteria')}
        />
      )}
      {props.skills.length > 0 ? (
        <Checkboxes
          idPrefix="skills"
          name="skills"
          fieldset={{ legend: { text: 'Skills it develops', classes: 'govuk-fieldset__legend--s' } }}
          hint={{ text: 'The programme’s focus skills. Select all that apply.' }}
          errorMessage={errorFor(props.errors, 'skills')}
          items={props.skills.map((s) => ({ value: s.id, text: `${s.code} ${s.title}`, checked: props.ticked.includes(s.id) }))}
        />
      ) : null}
    </FormFrame>
  );
}

/** Adding or changing an impact measure. */
export function MeasureFormView(props: FormProps & { caption: string; heading: string; action: string; button: string }) {
  const v = props.values;
  return (
    <FormFrame caption={props.caption} heading={props.heading} errors={props.errors} action={props.action} button={props.button} ids={dateIds('baselineOn')}>
      <InsetText text="Enter figures for a group — a percentage, a count or an average — never a figure about one pupil." />
      <Input
        id="name"
        name="name"
        label={{ text: 'What you will measure', classes: 'govuk-label--s' }}
        hint={{ text: 'For example, persistent absence of Year 9 pupils eligible for pupil premium.' }}
        value={v.name ?? ''}
        errorMessage={errorFor(props.errors, 'name')}
      />
      <Input
        id="unit"
        name="unit"
        classes="govuk-input--width-10"
        label={{ text: 'Unit', classes: 'govuk-label--s' }}
        hint={{ text: 'For example, % or pupils.' }}
        value={v.unit ?? ''}
        errorMessage={errorFor(props.errors, 'unit')}
      />
      <Input
        id="baseline"
        name="baseline"
        inputmode="decimal"
        classes="govuk-input--width-10"
        label={{ text: 'Baseline figure', classes: 'govuk-label--s' }}
        hint={{ text: 'The figure before your project, such as 18.2.' }}
        value={v.baseline ?? ''}
        errorMessage={errorFor(props.errors, 'baseline')}
      />
      <DateInput
        id="baselineOn"
        namePrefix="baselineOn"
        fieldset={{ legend: { text: 'Date of the baseline', classes: 'govuk-fieldset__legend--s' } }}
        hint={{ text: 'For example, 15 9 2026.' }}
        values={dateValues(v, 'baselineOn')}
        errorMessage={errorFor(props.errors, 'baselineOn')}
      />
      <Input
        id="target"
        name="target"
        inputmode="decimal"
        classes="govuk-input--width-10"
        label={{ text: 'Target figure', classes: 'govuk-label--s' }}
        hint={{ text: 'The figure you aim for, such as 12.' }}
        value={v.target ?? ''}
        errorMessage={errorFor(props.errors, 'target')}
      />
    </FormFrame>
  );
}

/** Recording one outcome of a measure. */
export function OutcomeFormView(
  props: FormProps & {
    caption: string;
    action: string;
    measure: { name: string; unit: string; baseline_value: number; baseline_on: string; target_value: number };
    outcomes: { measured_on: string; value: number }[];
  },
) {
  const m = props.measure;
  return (
    <FormFrame
      caption={props.caption}
      heading={`Add an outcome: ${m.name}`}
      errors={props.errors}
      action={props.action}
      button="Add outcome"
      ids={dateIds('measuredOn')}
    >
      <p class="govuk-body">
        Baseline {withUnit(Number(m.baseline_value), m.unit)} on {formatDate(m.baseline_on)}; target {withUnit(Number(m.target_value), m.unit)}.
        {props.outcomes.length > 0
          ? ` Latest outcome: ${withUnit(Number(props.outcomes.at(-1)?.value), m.unit)} on ${formatDate(props.outcomes.at(-1)?.measured_on)}.`
          : ''}
      </p>
      <DateInput
        id="measuredOn"
        namePrefix="measuredOn"
        fieldset={{ legend: { text: 'When was it measured?', classes: 'govuk-fieldset__legend--s' } }}
        hint={{ text: `On or after the baseline (${formatDate(m.baseline_on)}), and not in the future.` }}
        values={dateValues(props.values, 'measuredOn')}
        errorMessage={errorFor(props.errors, 'measuredOn')}
      />
      <Input
        id="value"
        name="value"
        inputmode="decimal"
        classes="govuk-input--width-10"
        label={{ text: `Figure (${m.unit})`, classes: 'govuk-label--s' }}
        hint={{ text: 'A figure for the whole group, such as 14.1.' }}
        value={props.values.value ?? ''}
        errorMessage={errorFor(props.errors, 'value')}
      />
    </FormFrame>
  );
}

export function MilestoneFormView(props: FormProps & { caption: string; action: string }) {
  return (
    <FormFrame caption={props.caption} heading="Add a milestone" errors={props.errors} action={props.action} button="Add milestone" ids={dateIds('dueOn')}>
      <Input
        id="title"
        name="title"
        label={{ text: 'Milestone', classes: 'govuk-label--s' }}
        hint={{ text: 'For example, “First attendance review with form tutors”.' }}
        value={props.values.title ?? ''}
        errorMessage={errorFor(props.errors, 'title')}
      />
      <DateInput
        id="dueOn"
        namePrefix="dueOn"
        fieldset={{ legend: { text: 'When is it due?', classes: 'govuk-fieldset__legend--s' } }}
        hint={{ text: 'For example, 27 3 2027.' }}
        values={dateValues(props.values, 'dueOn')}
        errorMessage={errorFor(props.errors, 'dueOn')}
      />
    </FormFrame>
  );
}

export function UpdateFormView(props: FormProps & { caption: string; action: string }) {
  return (
    <FormFrame caption={props.caption} heading="Write an update" errors={props.errors} action={props.action} button="Add update">
      <p class="govuk-body">Your coach, your line manager and the programme’s leads can read your updates.</p>
      <Textarea
        id="body"
        name="body"
        label={{ text: 'What has happened', classes: 'govuk-label--s' }}
        value={props.values.body ?? ''}
        errorMessage={errorFor(props.errors, 'body')}
      />
      <Textarea
        id="reflection"
        name="reflection"
        label={{ text: 'What you have learned', classes: 'govuk-label--s' }}
        hint={{ text: 'Your reflection: what went well, what you would do differently, what you will try next.' }}
        value={props.values.reflection ?? ''}
        errorMessage={errorFor(props.errors, 'reflection')}
      />
    </FormFrame>
  );
}

export function SubmitFormView(props: FormProps & { caption: string; action: string; resubmission: boolean; criteria: { text: string }[] }) {
  const field = (id: string, label: string, hint: string) => (
    <Textarea
      id={id}
      name={id}
      rows={6}
      label={{ text: label, classes: 'govuk-label--s' }}
      hint={{ text: hint }}
      value={props.values[id] ?? ''}
      errorMessage={errorFor(props.errors, id)}
    />
  );
  return (
    <FormFrame
      caption={props.caption}
      heading={props.resubmission ? 'Resubmit your final report' : 'Submit your final report'}
      errors={props.errors}
      action={props.action}
      button={props.resubmission ? 'Resubmit' : 'Submit for assessment'}
    >
      <p class="govuk-body">Your assessor judges each success criterion met or not yet:</p>
      <ol class="govuk-list govuk-list--number">
        {props.criteria.map((c) => (
          <li>{c.text}</li>
        ))}
      </ol>
      <p class="govuk-body">
        Your impact measures and their outcomes are part of the report. After you submit, the project cannot be changed until it is assessed.
      </p>
      {field('whatChanged', 'What changed', 'What is different now, compared with before the project.')}
      {field('forWhom', 'For whom', 'The groups it changed things for: pupils, staff, families.')}
      {field('evidence', 'The evidence', 'How you know: the measures, what people said, what you saw. No pupil’s name or personal details.')}
      {field('learned', 'What you learned', 'About leading change, and about yourself as a leader.')}
    </FormFrame>
  );
}

export function AssessFormView(props: FormProps & { form: AssessForm; action: string }) {
  const f = props.form;
  const ids = Object.fromEntries(f.criteria.map((c) => [`judgement-${c.id}`, `judgement-${c.id}`]));
  return (
    <FormFrame
      caption={f.participant.name}
      heading={`Assess the project: ${f.project.title}`}
      errors={props.errors}
      action={props.action}
      button="Save assessment"
      ids={ids}
    >
      <SubmissionView submission={f.submission} />
      <p class="govuk-body">
        <a class="govuk-link" href={`/projects/${f.project.id}`}>
          Read the whole project, with its impact measures
        </a>
      </p>
      {f.criteria.map((c) => (
        <>
          <Radios
            idPrefix={`judgement-${c.id}`}
            name={`judgement-${c.id}`}
            classes="govuk-radios--inline"
            fieldset={{ legend: { text: `Success criterion ${c.position}: ${c.text}`, classes: 'govuk-fieldset__legend--s' } }}
            errorMessage={errorFor(props.errors, `judgement-${c.id}`)}
            items={Object.entries(JUDGEMENTS).map(([value, text]) => ({ value, text, checked: props.values[`judgement-${c.id}`] === value }))}
          />
          <Textarea
            id={`feedback-${c.id}`}
            name={`feedback-${c.id}`}
            rows={3}
            label={{ text: `Feedback on success criterion ${c.position}` }}
            value={props.values[`feedback-${c.id}`] ?? ''}
            errorMessage={errorFor(props.errors, `feedback-${c.id}`)}
          />
        </>
      ))}
      <Textarea
        id="feedback"
        name="feedback"
        label={{ text: 'Overall feedback (optional)', classes: 'govuk-label--s' }}
        hint={{ text: 'If any criterion is not yet met, say what a resubmission needs to show.' }}
        value={props.values.feedback ?? ''}
        errorMessage={errorFor(props.errors, 'feedback')}
      />
    </FormFrame>
  );
}

/** Are you sure? Discarding a project that is still being planned. */
export function DiscardView(props: { title: string; action: string; back: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{props.title}</span>
        <h1 class="govuk-heading-l">Are you sure you want to discard your project?</h1>
        <p class="govuk-body">
          Your line manager has not confirmed it yet, so you can still discard it. Its plan, success criteria, impact measures, milestones and any comments are
          deleted.
        </p>
        <WarningText text="You cannot undo this." />
        <form method="post" action={props.action} novalidate>
          <div class="govuk-button-group">
            <Button text="Discard the project" classes="govuk-button--warning" />
            <a class="govuk-link" href={props.back}>
              Keep the project
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
