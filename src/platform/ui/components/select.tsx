import { ErrorMessage, type ErrorMessageParams } from './error-message';
import { Hint, type HintParams } from './hint';
import type { FormGroupParams } from './input';
import { Label, type LabelParams } from './label';
import { attrs, cx, htmlOrText, looseEq, s, withAttrs, type Attributes } from './shared';

/** One `<option>` of a select. */
export interface SelectItem {
  value?: string | number | boolean;
  text?: string | number;
  selected?: boolean;
  disabled?: boolean;
  attributes?: Attributes;
}

/** Params of the `govukSelect` macro. */
export interface SelectParams {
  id?: string;
  name?: string;
  items?: (SelectItem | null | undefined | false)[];
  /** Value of the option to select (unless an item sets `selected`). */
  value?: string | number | boolean;
  disabled?: boolean;
  describedBy?: string;
  label?: LabelParams;
  hint?: HintParams;
  errorMessage?: ErrorMessageParams | false | null;
  formGroup?: FormGroupParams;
  classes?: string;
  attributes?: Attributes;
}

/** GOV.UK select (`govukSelect`), with its label, hint and error message. */
export function Select(params: SelectParams) {
  let describedBy = params.describedBy ? params.describedBy : '';
  const id = params.id ? params.id : params.name;
  const formGroup = params.formGroup;

  let hint = null;
  if (params.hint) {
    const hintId = `${id}-hint`;
    describedBy = describedBy ? `${describedBy} ${hintId}` : hintId;
    hint = (
      <Hint
        id={hintId}
        classes={params.hint.classes}
        attributes={params.hint.attributes}
        html={params.hint.html}
        text={params.hint.text}
      />
    );
  }

  let error = null;
  if (params.errorMessage) {
    const errorId = `${id}-error`;
    describedBy = describedBy ? `${describedBy} ${errorId}` : errorId;
    error = (
      <ErrorMessage
        id={errorId}
        classes={params.errorMessage.classes}
        attributes={params.errorMessage.attributes}
        html={params.errorMessage.html}
        text={params.errorMessage.text}
        visuallyHiddenText={params.errorMessage.visuallyHiddenText}
      />
    );
  }

  const options = (params.items ?? []).map((item) => {
    if (!item) return null;
    // Allow selecting by text content (the value for an option when no value attribute is specified)
    const effectiveValue = item.value !== undefined ? item.value : item.text;
    const selected =
      item.selected ||
      (params.value ? looseEq(effectiveValue, params.value) && !looseEq(item.selected, false) : false);
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
    <div
      {...attrs(formGroup?.attributes)}
      class={cx('govuk-form-group', params.errorMessage && 'govuk-form-group--error', formGroup?.classes)}
    >
      <Label
        html={params.label?.html}
        text={params.label?.text}
        classes={params.label?.classes}
        isPageHeading={params.label?.isPageHeading}
        attributes={params.label?.attributes}
        for={id}
      />
      {hint}
      {error}
      {formGroup?.beforeInput ? htmlOrText(formGroup.beforeInput.html, formGroup.beforeInput.text) : null}
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
      {formGroup?.afterInput ? htmlOrText(formGroup.afterInput.html, formGroup.afterInput.text) : null}
    </div>
  );
}
