import { FormGroup, beforeOrAfterInput, labelHintAndErrorMessage, type FormControlParams } from './form-group';
import { cx, s, withAttrs } from './shared';

/** Params of the `govukTextarea` macro. */
export interface TextareaParams extends FormControlParams {
  spellcheck?: boolean;
  rows?: string | number;
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  autocomplete?: string;
}

/** GOV.UK textarea (`govukTextarea`), with its label, hint and error message. */
export function Textarea(params: TextareaParams) {
  const formGroup = params.formGroup;
  const { id, describedBy, elements: labelHintAndError } = labelHintAndErrorMessage(params);

  return (
    <FormGroup formGroup={formGroup} errorMessage={params.errorMessage}>
      {labelHintAndError}
      {beforeOrAfterInput(formGroup?.beforeInput)}
      <textarea
        {...withAttrs(params.attributes, {
          class: cx('govuk-textarea', params.errorMessage && 'govuk-textarea--error', params.classes),
          id: s(id),
          name: s(params.name),
          rows: s(params.rows || 5),
          spellcheck: params.spellcheck === true || params.spellcheck === false ? String(params.spellcheck) : undefined,
          disabled: params.disabled ? true : undefined,
          'aria-describedby': describedBy || undefined,
          autocomplete: params.autocomplete || undefined,
        })}
      >
        {params.value}
      </textarea>
      {beforeOrAfterInput(formGroup?.afterInput)}
    </FormGroup>
  );
}
