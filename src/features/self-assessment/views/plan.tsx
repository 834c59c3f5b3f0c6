import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, Checkboxes, Details, ErrorSummary, Input, NotificationBanner, Radios, WarningText } from '../../../platform/ui/components';
import type { PlanPageData } from '../self-assessment.service';
import { CHECKPOINT_TITLES, OPENS_RULES, type OpensRule } from '../self-assessment.schemas';

const CHECKPOINT_HINTS = {
  baseline: 'At the start: where the participant is now',
  midpoint: 'Part way through: what has changed so far',
  final: 'Near the end: how far they have come',
};

/** The form's values from the saved plan. */
export function planValues(data: PlanPageData): { values: FormValues; ticked: string[] } {
  const values: FormValues = {};
  for (const row of data.rows) {
    values[`opens-${row.checkpoint}`] = row.opens;
    values[`weeks-${row.checkpoint}`] = row.weeks === null ? '' : String(row.weeks);
  }
  return { values, ticked: data.rows.filter((r) => r.used).map((r) => r.checkpoint) };
}

/** A programme lead chooses which checkpoints the programme uses and when each opens. */
export function PlanPage(props: { data: PlanPageData; values: FormValues; ticked: string[]; errors?: FieldErrors; banner?: string }) {
  const d = props.data;
  const required = d.rows.filter((r) => r.required);
  const optional = d.rows.filter((r) => !r.required);
  const errors = props.errors ?? {};
  const skills = d.domains.flatMap((domain) => domain.skills);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{d.programme.title}</span>
        <h1 class="govuk-heading-l">Self-assessment checkpoints</h1>
        {!d.available ? (
          <WarningText text="Self-assessment is not available for this programme: it has no skills framework. Choose a framework version in the programme’s details first." />
        ) : (
          <>
            <p class="govuk-body">
              At each checkpoint, participants rate themselves on{' '}
              {skills.length === 0 ? 'the programme’s skills' : `${skills.length} ${skills.length === 1 ? 'skill' : 'skills'}`}: the programme’s focus skills,
              or every skill of its framework when it has none. They, their coach and programme leads see the results.
            </p>
            {skills.length > 0 ? (
              <Details summaryText="Skills participants rate">
                <ul class="govuk-list govuk-list--bullet">
                  {skills.map((s) => (
                    <li>
                      {s.code} {s.title}
                    </li>
                  ))}
                </ul>
              </Details>
            ) : null}
            {!d.chosenByLead ? (
              <p class="govuk-body">Nobody has chosen the checkpoints yet, so the programme uses a baseline and a final self-assessment.</p>
            ) : null}
          </>
        )}
        <form method="post" action={`/programmes/${d.programme.id}/self-assessment`} novalidate>
          {required.length > 0 ? (
            <p class="govuk-body">
              Always used, because the programme’s requirements ask for {required.length === 1 ? 'it' : 'them'}:{' '}
              {required.map((r) => CHECKPOINT_TITLES[r.checkpoint].toLowerCase()).join(' and ')}.
            </p>
          ) : null}
          {optional.length > 0 ? (
            <Checkboxes
              idPrefix="checkpoints"
              name="checkpoints"
              fieldset={{
                legend: {
                  text: required.length > 0 ? 'Which other checkpoints does the programme use?' : 'Which checkpoints does the programme use?',
                  classes: 'govuk-fieldset__legend--m',
                },
              }}
              hint={{ text: 'A checkpoint the programme’s requirements ask for is always used.' }}
              items={optional.map((r) => ({ value: r.checkpoint, text: CHECKPOINT_TITLES[r.checkpoint], hint: { text: CHECKPOINT_HINTS[r.checkpoint] } }))}
              values={props.ticked}
              errorMessage={errorFor(errors, 'checkpoints')}
            />
          ) : null}
          {d.rows.map((r) => {
            const name = CHECKPOINT_TITLES[r.checkpoint].toLowerCase();
            return (
              <>
                <Radios
                  name={`opens-${r.checkpoint}`}
                  idPrefix={`opens-${r.checkpoint}`}
                  fieldset={{ legend: { text: `When does the ${name} self-assessment open?`, classes: 'govuk-fieldset__legend--s' } }}
                  hint={{ text: 'Only used if the programme uses this checkpoint. Dates come from each cohort.' }}
                  items={(Object.keys(OPENS_RULES) as OpensRule[]).map((rule) => ({ value: rule, text: OPENS_RULES[rule] }))}
                  value={props.values[`opens-${r.checkpoint}`]}
                  errorMessage={errorFor(errors, `opens-${r.checkpoint}`)}
                />
                <Input
                  id={`weeks-${r.checkpoint}`}
                  name={`weeks-${r.checkpoint}`}
                  inputmode="numeric"
                  classes="govuk-input--width-2"
                  label={{ text: `Weeks before the end, for the ${name} self-assessment` }}
                  hint={{ text: 'Only if you chose “From a number of weeks before the cohort ends”. From 1 to 52.' }}
                  suffix={{ text: 'weeks' }}
                  value={props.values[`weeks-${r.checkpoint}`]}
                  errorMessage={errorFor(errors, `weeks-${r.checkpoint}`)}
                />
              </>
            );
          })}
          <Button text="Save checkpoints" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/programmes/${d.programme.id}`}>
            Back to the programme
          </a>
        </p>
      </div>
    </div>
  );
}
