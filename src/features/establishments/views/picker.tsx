import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor } from '../../../platform/http/forms';
import { Button, Input, Radios } from '../../../platform/ui/components';
import type { SchoolListEntry } from '../establishments.service';

/** The button value that asks the form's handler to search rather than save. */
export const FIND_SCHOOL = 'find-school';

/** "Primary, Leeds, LS8 4JD": what tells two schools of the same name apart. */
export function schoolHint(school: SchoolListEntry): string {
  const place = [school.phase !== '' && school.phase !== 'Not applicable' ? school.phase : null, school.town, school.postcode].filter(Boolean).join(', ');
  return `URN ${school.urn}${place ? ` · ${place}` : ''}${school.isOpen ? '' : ` · ${school.status}`}`;
}

export interface SchoolPickerProps {
  /** What was typed. */
  query: string;
  /** Matches of the last search; null before any search. */
  results: SchoolListEntry[] | null;
  /** The chosen school's URN, if one was chosen. */
  chosenUrn?: string | undefined;
  errors?: FieldErrors | undefined;
  /** Label of the search box. */
  label?: string;
}

/**
 * Choosing a school from the national school list inside any form, without JavaScript: a search box
 * with a Search button (named `action`, value `find-school`, which the form's handler answers by
 * showing the page again with matches) and the matches as radios named `schoolUrn`. Errors are read
 * from `schoolQuery` and `schoolUrn`.
 */
export function SchoolPicker(props: SchoolPickerProps) {
  const results = props.results;
  return (
    <div class="waymark-school-picker">
      <Input
        id="schoolQuery"
        name="schoolQuery"
        label={{ text: props.label ?? 'Your school', classes: 'govuk-label--s' }}
        hint={{ text: 'Search by the school’s name, its URN (6 digits) or its postcode' }}
        value={props.query}
        autocomplete="off"
        spellcheck={false}
        errorMessage={errorFor(props.errors, 'schoolQuery')}
      />
      <Button text="Search for the school" name="action" value={FIND_SCHOOL} classes="govuk-button--secondary" />
      {results === null ? null : results.length === 0 ? (
        <p class="govuk-body" id="schoolUrn">
          No school on the list matches “{props.query}”. Check the spelling, or search by the school’s postcode or URN.
        </p>
      ) : (
        <Radios
          name="schoolUrn"
          idPrefix="schoolUrn"
          fieldset={{ legend: { text: results.length === 1 ? 'Is this your school?' : 'Choose your school', classes: 'govuk-fieldset__legend--s' } }}
          value={props.chosenUrn ?? (results.length === 1 ? results[0]?.urn : undefined)}
          errorMessage={errorFor(props.errors, 'schoolUrn')}
          items={results.map((school) => ({ value: school.urn, text: school.name, hint: { text: schoolHint(school) } }))}
        />
      )}
    </div>
  );
}
