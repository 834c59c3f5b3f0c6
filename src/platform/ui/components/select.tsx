import { FormGroup, beforeOrAfterInput, labelHintAndErrorMessage, type FormControlParams } from './form-group';
import { cx, looseEq, s, withAttrs, type Attributes } from './shared';

/** One `<option>` of a select. */
export interface SelectItem {
  value?: string | number | boolean;
  text?: string | number;
  selected?: boolean;
  disabled?: boolean;
  attributes?: Attributes;
}

/** Params of the `govukSelect` macro. */
export interface SelectParams extends FormControlParams {
  items?: (SelectItem | null | undefined | false)[];
  /** Value of the option to select (unless an item sets `selected`). */
  value?: string | number | boolean;
  disabled?: boolean;
  describedBy?: string;
}

/** GOV.UK select (`govukSelect`), with its label, hint and error message. */
export function Select(params: SelectParams) {
  const formGroup = params.formGroup;
  const { id, describedBy, elements: labelHintAndError } = labelHintAndErrorMessage(params);

  const options = (params.items ?? []).map((item) => {
    if (!item) return null;
    // Allow selecting by text content (the value for an option when no value attribute is specified)
    const effectiveValue = item.value !== undefined ? item.value : item.text;
    const selected = item.selected || (params.value ? looseEq(effectiveValue, params.value) && !looseEq(item.selected, false) : false);
    return (
      <option
        {...withAttrs(item.attributes, {
          value: item.value !== undefined ? s(item.value) : undefined,
          selected: selected ? true : undefined,
          disabled: item.disabled ? true : undefined,
        })}
      >
        {item.text}
      </option>
    );
  });

  return (
    <FormGroup formGroup={formGroup} errorMessage={params.errorMessage}>
      {labelHintAndError}
      {beforeOrAfterInput(formGroup?.beforeInput)}
      <select
        {...withAttrs(params.attributes, {
          class: cx('govuk-select', params.classes, params.errorMessage && 'govuk-select--error'),
          id: s(id),
          name: s(params.name),
          disabled: params.disabled ? true : undefined,
          'aria-describedby': describedBy || undefined,
        })}
      >
        {options}
      </select>
      {beforeOrAfterInput(formGroup?.afterInput)}
    </FormGroup>
  );
}
