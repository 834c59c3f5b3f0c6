import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, Checkboxes, ErrorSummary, InsetText, NotificationBanner, SummaryList, Textarea } from '../../../platform/ui/components';
import { ENROLMENT_STATUSES, parseReflection } from '../enrolments.schemas';
import type { ModuleChoices } from '../enrolments.service';

const modulesNoun = (n: number) => `${n} ${n === 1 ? 'module' : 'modules'}`;

/** Choose the programme's modules and see how each chosen one is going. */
export function ModulesPage(props: { choices: ModuleChoices; selected: string[]; errors?: FieldErrors; banner?: string }) {
  const { enrolment, modules, chosen, required } = props.choices;
  const active = enrolment.status === 'active';
  const mine = modules.filter((m) => chosen.has(m.id));
  const completed = mine.filter((m) => chosen.get(m.id)?.completed_at).length;
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{enrolment.programme_title}</span>
        <h1 class="govuk-heading-l">Your modules</h1>
        <p class="govuk-body">
          Choose {modulesNoun(required)} from the list and complete {required === 1 ? 'it' : 'them'}. When you complete a module, write a short reflection on
          what you did and what changed.
        </p>

        <h2 class="govuk-heading-m">Modules you have chosen</h2>
        {mine.length === 0 ? (
          <p class="govuk-body">You have not chosen any modules yet.</p>
        ) : (
          <>
            <p class="govuk-body">
              You have completed {completed} of {modulesNoun(required)}.
            </p>
            {mine.map((module) => {
              const choice = chosen.get(module.id);
              const reflection = parseReflection(choice?.reflection ?? null);
              return (
                <SummaryList
                  card={{
                    title: { text: module.title, headingLevel: 3 },
                    actions:
                      active && !choice?.completed_at
                        ? { items: [{ href: `/enrolments/${enrolment.id}/modules/${module.id}/complete`, text: 'Mark as complete' }] }
                        : undefined,
                  }}
                  rows={[
                    {
                      key: { text: 'Status' },
                      value: {
                        text: choice?.completed_at
                          ? `Completed on ${formatDate(choice.completed_at)}`
                          : `Chosen on ${formatDate(choice?.chosen_at)}; not completed yet`,
                      },
                    },
                    reflection && { key: { text: 'What you did' }, value: { text: reflection.did } },
                    reflection && { key: { text: 'What changed' }, value: { text: reflection.changed } },
                  ]}
                />
              );
            })}
          </>
        )}

        {active ? (
          <form method="post" action={`/enrolments/${enrolment.id}/modules`} novalidate>
            <Checkboxes
              idPrefix="moduleIds"
              name="moduleIds"
              fieldset={{
                legend: {
                  text: mine.length === 0 ? `Choose ${modulesNoun(required)}` : `Change your ${required === 1 ? 'module' : 'modules'}`,
                  classes: 'govuk-fieldset__legend--m',
                  isPageHeading: false,
                },
              }}
              hint={{ text: `Select ${modulesNoun(required)}. Modules you have completed stay chosen.` }}
              items={modules.map((m) => ({
                value: m.id,
                text: m.title,
                hint: { text: chosen.get(m.id)?.completed_at ? `${m.description} You have completed this module.` : m.description },
              }))}
              values={props.selected}
              errorMessage={errorFor(errors, 'moduleIds')}
            />
            <Button text="Save my modules" />
          </form>
        ) : (
          <InsetText text={`Your place is ${ENROLMENT_STATUSES[enrolment.status].toLowerCase()}, so you cannot change your modules.`} />
        )}
        <p class="govuk-body">
          <a class="govuk-link" href={`/enrolments/${enrolment.id}`}>
            Back to my programme
          </a>
        </p>
      </div>
    </div>
  );
}

/** Completing one module: a short reflection. */
export function CompleteModulePage(props: {
  enrolmentId: string;
  programmeTitle: string;
  module: { id: string; title: string; description: string };
  values: FormValues;
  errors?: FieldErrors;
}) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{props.programmeTitle}</span>
        <h1 class="govuk-heading-l">Complete “{props.module.title}”</h1>
        <p class="govuk-body">{props.module.description}</p>
        <form method="post" action={`/enrolments/${props.enrolmentId}/modules/${props.module.id}/complete`} novalidate>
          <Textarea
            id="did"
            name="did"
            label={{ text: 'What did you do?', classes: 'govuk-label--s' }}
            hint={{ text: 'A few sentences: what you read, tried or led' }}
            rows={5}
            value={props.values.did}
            errorMessage={errorFor(errors, 'did')}
          />
          <Textarea
            id="changed"
            name="changed"
            label={{ text: 'What changed as a result?', classes: 'govuk-label--s' }}
            hint={{ text: 'For you, your team or your pupils' }}
            rows={5}
            value={props.values.changed}
            errorMessage={errorFor(errors, 'changed')}
          />
          <Button text="Mark as complete" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/enrolments/${props.enrolmentId}/modules`}>
            Cancel
          </a>
        </p>
      </div>
    </div>
  );
}
