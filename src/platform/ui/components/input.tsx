import { FormGroup, beforeOrAfterInput, labelHintAndErrorMessage, type FormControlParams } from './form-group';
import { attrs, cx, htmlOrText, type Attributes, type ContentBlock } from './shared';

export type { FormGroupParams } from './form-group';

/** Prefix / suffix of an input. */
export interface InputAffix extends ContentBlock {}

/** Params of the `govukInput` macro. */
export interface InputParams extends FormControlParams {
  type?: string;
  inputmode?: string;
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  prefix?: InputAffix;
  suffix?: InputAffix;
  inputWrapper?: { classes?: string; attributes?: Attributes };
  autocomplete?: string;
  pattern?: string;
  spellcheck?: boolean;
  autocapitalize?: string;
}

function Affix({ affix, type }: { affix: InputAffix; type: 'prefix' | 'suffix' }) {
  return (
    <div {...attrs(affix.attributes)} class={cx(`govuk-input__${type}`, affix.classes)} aria-hidden="true">
      {htmlOrText(affix.html, affix.text)}
    </div>
  );
}

/** GOV.UK text input (`govukInput`), with its label, hint and error message. */
export function Input(params: InputParams) {
  const formGroup = params.formGroup;
  const { id, describedBy, elements: labelHintAndError } = labelHintAndErrorMessage(params);

  const hasPrefix = !!(params.prefix && (params.prefix.text || params.prefix.html));
  const hasSuffix = !!(params.suffix && (params.suffix.text || params.suffix.html));
  const before = formGroup?.beforeInput;
  const after = formGroup?.afterInput;
  const hasBeforeInput = !!(before && (before.text || before.html));
  const hasAfterInput = !!(after && (after.text || after.html));

  const input = (
    <input
      {...attrs(params.attributes)}
      {...attrs({
        class: cx('govuk-input', params.classes, params.errorMessage && 'govuk-input--error'),
        id,
        name: params.name,
        type: params.type || 'text',
        spellcheck: {
          value: params.spellcheck === true || params.spellcheck === false ? String(params.spellcheck) : false,
          optional: true,
        },
        value: { value: params.value, optional: true },
        disabled: { value: params.disabled, optional: true },
        'aria-describedby': { value: describedBy || undefined, optional: true },
        autocomplete: { value: params.autocomplete, optional: true },
        autocapitalize: { value: params.autocapitalize, optional: true },
        pattern: { value: params.pattern, optional: true },
        inputmode: { value: params.inputmode, optional: true },
      })}
    />
  );

  return (
    <FormGroup formGroup={formGroup} errorMessage={params.errorMessage}>
      {labelHintAndError}
      {hasPrefix || hasSuffix || hasBeforeInput || hasAfterInput ? (
        <div {...attrs(params.inputWrapper?.attributes)} class={cx('govuk-input__wrapper', params.inputWrapper?.classes)}>
          {beforeOrAfterInput(before)}
          {hasPrefix && params.prefix ? <Affix affix={params.prefix} type="prefix" /> : null}
          {input}
          {hasSuffix && params.suffix ? <Affix affix={params.suffix} type="suffix" /> : null}
          {beforeOrAfterInput(after)}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
