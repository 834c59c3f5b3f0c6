import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import { BulletList, Button, ErrorSummary, Input, Radios, SummaryList } from '../../../platform/ui/components';
import { LEADERSHIP_LEVELS, STAFF_TYPES } from '../../staff';
import type { JourneyAnswers, JourneyQuestion } from '../programmes.schemas';

const PATH = '/programmes/is-this-for-me';

/** The URL of a question (or the results) carrying the answers so far. */
export function journeyHref(question: JourneyQuestion | 'result', answers: Partial<Record<JourneyQuestion, string>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(answers)) if (value !== undefined && value !== '') params.set(key, value);
  params.set('question', question);
  return `${PATH}?${params.toString()}`;
}

const NEXT: Record<JourneyQuestion, JourneyQuestion | 'result'> = { role: 'level', level: 'years', years: 'result' };
const BACK: Record<JourneyQuestion, JourneyQuestion | null> = { role: null, level: 'role', years: 'level' };

/** One question a page; a GET form, so nothing is stored and it works without JavaScript. */
export function QuestionPage(props: {
  question: JourneyQuestion;
  answers: Partial<Record<JourneyQuestion, string>>;
  error?: string;
  startedOn: string | null;
}) {
  const { question, answers } = props;
  const errors: FieldErrors = props.error ? { [question]: props.error } : {};
  // Earlier (and later, when changing an answer) answers ride along as hidden fields.
  const carried = Object.entries(answers).filter(([key, value]) => key !== question && value !== undefined && value !== '');
  const step = ['role', 'level', 'years'].indexOf(question) + 1;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.error ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, { role: 'role', level: 'level', years: 'years' })} /> : null}
        <form method="get" action={PATH} novalidate>
          {carried.map(([key, value]) => (
            <input type="hidden" name={key} value={value} />
          ))}
          <input type="hidden" name="question" value={NEXT[question]} />
          <span class="govuk-caption-l">Is this for me? Question {step} of 3</span>
          {question === 'role' ? (
            <Radios
              idPrefix="role"
              name="role"
              fieldset={{ legend: { text: 'What kind of role do you have?', isPageHeading: true, classes: 'govuk-fieldset__legend--l' } }}
              hint={{ text: 'We have filled in what your staff record says. Change it to explore other answers.' }}
              value={answers.role}
              errorMessage={errorFor(errors, 'role')}
              items={Object.entries(STAFF_TYPES).map(([value, text]) => ({ value, text }))}
            />
          ) : null}
          {question === 'level' ? (
            <Radios
              idPrefix="level"
              name="level"
              fieldset={{ legend: { text: 'What is your current leadership level?', isPageHeading: true, classes: 'govuk-fieldset__legend--l' } }}
              hint={{ text: 'We have filled in what your staff record says.' }}
              value={answers.level}
              errorMessage={errorFor(errors, 'level')}
              items={Object.entries(LEADERSHIP_LEVELS).map(([value, text]) => ({ value, text }))}
            />
          ) : null}
          {question === 'years' ? (
            <Input
              id="years"
              name="years"
              classes="govuk-input--width-2"
              inputmode="numeric"
              label={{ text: 'How many whole years have you worked in schools?', isPageHeading: true, classes: 'govuk-label--l' }}
              hint={{
                text: props.startedOn
                  ? 'Count from when you started teaching or working in schools. We have worked it out from your staff record.'
                  : 'Count from when you started teaching or working in schools. Your staff record does not say when that was.',
              }}
              suffix={{ text: 'years' }}
              value={answers.years}
              errorMessage={errorFor(errors, 'years')}
            />
          ) : null}
          <Button text="Continue" />
        </form>
        <p class="govuk-body">
          {BACK[question] ? (
            <a class="govuk-link" href={journeyHref(BACK[question] as JourneyQuestion, answers)}>
              Previous question
            </a>
          ) : (
            <a class="govuk-link" href="/programmes">
              Back to programmes
            </a>
          )}
        </p>
      </div>
    </div>
  );
}

interface Result {
  id: string;
  title: string;
  summary: string;
  reasons: string[];
}

export function ResultPage(props: { answers: JourneyAnswers; eligible: Result[]; notEligible: Result[] }) {
  const a = props.answers;
  const raw = { role: a.role, level: a.level, years: String(a.years) };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">Is this for me?</span>
        <h1 class="govuk-heading-l">Programmes you can apply for</h1>
        <SummaryList
          classes="govuk-!-margin-bottom-9"
          rows={[
            {
              key: { text: 'Kind of role' },
              value: { text: STAFF_TYPES[a.role] },
              actions: { items: [{ href: journeyHref('role', raw), text: 'Change', visuallyHiddenText: 'kind of role' }] },
            },
            {
              key: { text: 'Leadership level' },
              value: { text: LEADERSHIP_LEVELS[a.level] },
              actions: { items: [{ href: journeyHref('level', raw), text: 'Change', visuallyHiddenText: 'leadership level' }] },
            },
            {
              key: { text: 'Years in schools' },
              value: { text: `${a.years} ${a.years === 1 ? 'year' : 'years'}` },
              actions: { items: [{ href: journeyHref('years', raw), text: 'Change', visuallyHiddenText: 'years in schools' }] },
            },
          ]}
        />
        {props.eligible.length === 0 ? (
          <p class="govuk-body">With these answers, none of the open programmes is for you at the moment.</p>
        ) : (
          <ul class="govuk-list">
            {props.eligible.map((r) => (
              <li class="govuk-!-margin-bottom-4">
                <a class="govuk-link govuk-!-font-weight-bold" href={`/programmes/${r.id}`}>
                  {r.title}
                </a>
                <br />
                {r.summary}
              </li>
            ))}
          </ul>
        )}
        {props.notEligible.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Programmes that are not for you yet</h2>
            {props.notEligible.map((r) => (
              <div class="govuk-!-margin-bottom-6">
                <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                  <a class="govuk-link" href={`/programmes/${r.id}`}>
                    {r.title}
                  </a>
                </h3>
                <BulletList items={r.reasons} />
              </div>
            ))}
          </>
        ) : null}
        <div class="govuk-inset-text">
          When you apply, Waymark checks your staff record, not these answers. If your staff record is wrong, ask your school admin to change it.
        </div>
        <p class="govuk-body">
          <a class="govuk-link" href="/programmes">
            Back to programmes
          </a>
        </p>
      </div>
    </div>
  );
}
