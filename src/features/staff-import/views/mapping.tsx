import type { FieldErrors } from '../../../platform/http/errors';
import { errorList } from '../../../platform/http/forms';
import { Button, ErrorSummary, InsetText, Select } from '../../../platform/ui/components';
import { IMPORT_FIELDS, STAFF_TYPE_FOR_FILE, STAFF_TYPE_OPTION_PREFIX, type ColumnMapping } from '../staff-import.columns';

/** For staff type: one type for the whole file, or each person's from their job title, instead of a column. */
const staffTypeChoices = Object.entries(STAFF_TYPE_FOR_FILE).map(([value, text]) => ({ value: `${STAFF_TYPE_OPTION_PREFIX}${value}`, text }));

export interface MappingPageProps {
  importId: string;
  fileName: string;
  headers: string[];
  /** A value from the file for each heading, to show what the column holds. */
  samples: Record<string, string>;
  /** The current choice per field (the automatic guess, or what was chosen before). */
  mapping: ColumnMapping | Record<string, string | undefined>;
  /** Labels of required fields no column was found for. */
  missing: string[];
  errors?: FieldErrors;
}

export function MappingPage(props: MappingPageProps) {
  const errors = props.errors ?? {};
  const ids = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, `column-${f.key}`]));
  const columnItems = props.headers.map((header) => ({
    value: header,
    text: props.samples[header] ? `${header} (for example “${props.samples[header]}”)` : header,
  }));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, ids)} /> : null}
        <span class="govuk-caption-l">{props.fileName}</span>
        <h1 class="govuk-heading-l">Match the columns in your file</h1>
        {props.missing.length > 0 ? (
          <InsetText>
            <p class="govuk-body">Waymark could not find a column for: {props.missing.join(', ')}.</p>
            <p class="govuk-body">Choose which column of your file holds each of these. Nothing has been imported yet.</p>
          </InsetText>
        ) : (
          <p class="govuk-body">Choose which column of your file holds each piece of information. Nothing has been imported yet.</p>
        )}
        <form method="post" action={`/import/${props.importId}/mapping`} novalidate>
          {IMPORT_FIELDS.map((field) => (
            <Select
              id={`column-${field.key}`}
              name={`column-${field.key}`}
              label={{ text: field.required ? field.label : `${field.label} (optional)`, classes: 'govuk-label--s' }}
              hint={
                field.key === 'staffType'
                  ? {
                      text: 'Teaching or support (associate) staff. If your file has no such column, choose one type for everyone new, or to work it out from job titles: people already in Waymark keep theirs',
                    }
                  : 'hint' in field
                    ? { text: field.hint }
                    : undefined
              }
              items={[
                { value: '', text: field.required ? 'Select a column' : 'Not in this file' },
                ...columnItems,
                ...(field.key === 'staffType' ? staffTypeChoices : []),
              ]}
              value={props.mapping[field.key] ?? ''}
              errorMessage={errors[field.key] ? { text: errors[field.key] } : undefined}
            />
          ))}
          <div class="govuk-button-group">
            <Button text="Save and preview" />
            <a class="govuk-link" href="/import">
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
