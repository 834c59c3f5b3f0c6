import { Button, ErrorSummary, Select } from '../../../platform/ui/components';
import { academicYearText } from '../reports.service';

/** The choices a report page offers: a programme and an academic year always; a school and a type of staff where they mean something. */
export interface FilterChoices {
  filter: { programmeId: string | null; year: number | null };
  errors: Record<string, string>;
  programmes: { id: string; title: string }[];
  years: number[];
  schools?: { id: string; name: string }[];
  staffTypes?: { value: string; text: string }[];
  people?: { schoolId: string | null; staffType: string | null };
}

/**
 * The filters of every report page, as one GET form (so it works without JavaScript and the
 * address can be bookmarked or shared): each select offered, each with its own error.
 */
export function ReportFilters(props: { action: string; choices: FilterChoices; button?: string }) {
  const { choices } = props;
  const error = (field: string) => (choices.errors[field] ? { text: choices.errors[field] } : undefined);
  const selects = [
    <Select
      id="programme"
      name="programme"
      label={{ text: 'Programme', classes: 'govuk-label--s' }}
      items={[{ value: '', text: 'All programmes' }, ...choices.programmes.map((p) => ({ value: p.id, text: p.title }))]}
      value={choices.filter.programmeId ?? ''}
      errorMessage={error('programme')}
    />,
    <Select
      id="year"
      name="year"
      label={{ text: 'Academic year the cohort started', classes: 'govuk-label--s' }}
      items={[{ value: '', text: 'All years' }, ...choices.years.map((y) => ({ value: String(y), text: academicYearText(y) }))]}
      value={choices.filter.year === null ? '' : String(choices.filter.year)}
      errorMessage={error('year')}
    />,
  ];
  if (choices.schools)
    selects.push(
      <Select
        id="school"
        name="school"
        label={{ text: 'School', classes: 'govuk-label--s' }}
        items={[{ value: '', text: 'All schools and the central team' }, ...choices.schools.map((s) => ({ value: s.id, text: s.name }))]}
        value={choices.people?.schoolId ?? ''}
        errorMessage={error('school')}
      />,
    );
  if (choices.staffTypes)
    selects.push(
      <Select
        id="staffType"
        name="staffType"
        label={{ text: 'Type of staff', classes: 'govuk-label--s' }}
        items={[{ value: '', text: 'All staff' }, ...choices.staffTypes]}
        value={choices.people?.staffType ?? ''}
        errorMessage={error('staffType')}
      />,
    );
  return (
    <form method="get" action={props.action} class="govuk-!-margin-bottom-6">
      <div class="govuk-grid-row">
        {selects.map((select) => (
          <div class="govuk-grid-column-one-half">{select}</div>
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
