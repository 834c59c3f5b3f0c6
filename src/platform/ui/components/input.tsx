import { ErrorMessage, type ErrorMessageParams } from './error-message';
import { Hint, type HintParams } from './hint';
import { Label, type LabelParams } from './label';
import { attrs, cx, htmlOrText, type Attributes, type ContentBlock, type TextOrHtml } from './shared';

/** The `formGroup` option shared by the single-control form components. */
export interface FormGroupParams {
  classes?: string;
  attributes?: Attributes;
  /** Content added before the control. */
  beforeInput?: TextOrHtml;
  /** Content added after the control. */
  afterInput?: TextOrHtml;
}

/** Prefix / suffix of an input. */
export interface InputAffix extends ContentBlock {}

/** Params of the `govukInput` macro. */
export interface InputParams {
  id?: string;
  name?: string;
  type?: string;
  inputmode?: string;
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  label?: LabelParams;
  hint?: HintParams;
  errorMessage?: ErrorMessageParams | false | null;
  prefix?: InputAffix;
  suffix?: InputAffix;
  formGroup?: FormGroupParams;
  inputWrapper?: { classes?: string; attributes?: Attributes };
  classes?: string;
  autocomplete?: string;
  pattern?: string;
  spellcheck?: boolean;
  autocapitalize?: string;
  attributes?: Attributes;
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
  const id = params.id ? params.id : params.name;
  let describedBy = params.describedBy ? params.describedBy : undefined;
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
        'aria-describedby': { value: describedBy, optional: true },
        autocomplete: { value: params.autocomplete, optional: true },
        autocapitalize: { value: params.autocapitalize, optional: true },
        pattern: { value: params.pattern, optional: true },
        inputmode: { value: params.inputmode, optional: true },
      })}
    />
  );

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
      {hasPrefix || hasSuffix || hasBeforeInput || hasAfterInput ? (
        <div {...attrs(params.inputWrapper?.attributes)} class={cx('govuk-input__wrapper', params.inputWrapper?.classes)}>
          {hasBeforeInput ? htmlOrText(before?.html, before?.text) : null}
          {hasPrefix && params.prefix ? <Affix affix={params.prefix} type="prefix" /> : null}
          {input}
          {hasSuffix && params.suffix ? <Affix affix={params.suffix} type="suffix" /> : null}
          {hasAfterInput ? htmlOrText(after?.html, after?.text) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
