import { Button, ErrorSummary, Select } from '../../../platform/ui/components';
import type { FilterName, ReportChoices } from '../reports.filters';

const LABELS: Record<FilterName, { label: string; all: string }> = {
  organisation: { label: 'Participants’ organisation', all: 'All organisations' },
  school: { label: 'School', all: 'All schools and the central team' },
  programme: { label: 'Programme', all: 'All programmes' },
  cohort: { label: 'Cohort', all: 'All cohorts' },
  year: { label: 'Academic year the cohort started', all: 'All years' },
  staffType: { label: 'Type of staff', all: 'All staff' },
};

/** The value chosen for a filter, as the address gives it, or ''. */
function chosenValue(choices: ReportChoices, name: FilterName): string {
  const { scope } = choices;
  const value = {
    organisation: scope.participantOrganisationId,
    school: scope.schoolId,
    programme: scope.programmeId,
    cohort: scope.cohortId,
    year: scope.year === null ? null : String(scope.year),
    staffType: scope.staffType,
  }[name];
  return value ?? '';
}

/**
 * The filters of every report page, as one GET form (so it works without JavaScript, and the
 * address can be bookmarked or shared): each filter the report offers and has choices for, each
 * with its own error. The downloads on the page follow the same choice (`choices.query`).
 */
export function ReportFilters(props: { action: string; choices: ReportChoices; button?: string }) {
  const { choices } = props;
  const names = choices.offered.filter((name) => choices.options[name] !== null);
  return (
    <form method="get" action={props.action} class="govuk-!-margin-bottom-6">
      <div class="govuk-grid-row">
        {names.map((name) => (
          <div class="govuk-grid-column-one-half">
            <Select
              id={name}
              name={name}
              label={{ text: LABELS[name].label, classes: 'govuk-label--s' }}
              items={[{ value: '', text: LABELS[name].all }, ...(choices.options[name] ?? [])]}
              value={chosenValue(choices, name)}
              errorMessage={choices.errors[name] ? { text: choices.errors[name] } : undefined}
            />
          </div>
        ))}
      </div>
      <Button text={props.button ?? 'Show the report'} classes="govuk-button--secondary govuk-!-margin-bottom-0" />
    </form>
  );
}

/** The errors in the filters, as the error summary at the top of the page. */
export function FilterErrors(props: { errors: Record<string, string> }) {
  const errors = Object.entries(props.errors);
  return errors.length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errors.map(([field, text]) => ({ text, href: `#${field}` }))} /> : null;
}
