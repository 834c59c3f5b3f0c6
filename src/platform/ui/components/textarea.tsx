import { ErrorMessage, type ErrorMessageParams } from './error-message';
import { Hint, type HintParams } from './hint';
import type { FormGroupParams } from './input';
import { Label, type LabelParams } from './label';
import { attrs, cx, htmlOrText, s, withAttrs, type Attributes } from './shared';

/** Params of the `govukTextarea` macro. */
export interface TextareaParams {
  id?: string;
  name?: string;
  spellcheck?: boolean;
  rows?: string | number;
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  label?: LabelParams;
  hint?: HintParams;
  errorMessage?: ErrorMessageParams | false | null;
  formGroup?: FormGroupParams;
  classes?: string;
  autocomplete?: string;
  attributes?: Attributes;
}

/** GOV.UK textarea (`govukTextarea`), with its label, hint and error message. */
export function Textarea(params: TextareaParams) {
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
      {formGroup?.afterInput ? htmlOrText(formGroup.afterInput.html, formGroup.afterInput.text) : null}
    </div>
  );
}
