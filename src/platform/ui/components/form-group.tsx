/**
 * The pieces every GOV.UK form template repeats around its control(s): the
 * `govuk-form-group` wrapper, the hint and error message that build up
 * `describedBy`, the `formGroup.beforeInput(s)`/`afterInput(s)` content, and
 * (for radios, checkboxes and date input) the optional fieldset.
 */
import type { Child } from 'hono/jsx';
import { ErrorMessage, type ErrorMessageParams } from './error-message';
import { Fieldset, type FieldsetParams } from './fieldset';
import { Hint, type HintParams } from './hint';
import { Label, type LabelParams } from './label';
import { attrs, cx, htmlOrText, s, type Attributes, type TextOrHtml } from './shared';

/** The `formGroup` option shared by the single-control form components. */
export interface FormGroupParams {
  classes?: string;
  attributes?: Attributes;
  /** Content added before the control. */
  beforeInput?: TextOrHtml;
  /** Content added after the control. */
  afterInput?: TextOrHtml;
}

/** The `formGroup` option of radios, checkboxes and date input. */
export interface GroupFormGroupParams {
  classes?: string;
  attributes?: Attributes;
  /** Content added before the inputs. */
  beforeInputs?: TextOrHtml;
  /** Content added after the inputs. */
  afterInputs?: TextOrHtml;
}

/** Params shared by the single-control macros (`govukInput`, `govukTextarea`, `govukSelect`, …). */
export interface FormControlParams {
  id?: string;
  name?: string;
  label?: LabelParams;
  hint?: HintParams;
  errorMessage?: ErrorMessageParams | false | null;
  formGroup?: FormGroupParams;
  classes?: string;
  attributes?: Attributes;
}

/** Params shared by the fieldset macros (`govukRadios`, `govukCheckboxes`, `govukDateInput`). */
export interface FieldsetControlParams {
  fieldset?: Omit<FieldsetParams, 'html' | 'children' | 'role'> | null | false;
  hint?: HintParams;
  errorMessage?: ErrorMessageParams | false | null;
  formGroup?: GroupFormGroupParams;
  classes?: string;
  attributes?: Attributes;
}

/** Every form template wraps itself in this div; an error message adds the red-bordered error state. */
export function FormGroup(props: {
  formGroup?: { classes?: string; attributes?: Attributes };
  errorMessage?: ErrorMessageParams | false | null;
  children?: Child;
}) {
  return (
    <div {...attrs(props.formGroup?.attributes)} class={cx('govuk-form-group', props.errorMessage && 'govuk-form-group--error', props.formGroup?.classes)}>
      {props.children}
    </div>
  );
}

/** What {@link hintAndErrorMessage} returns: the grown `describedBy` and the elements to render. */
export interface HintAndErrorMessage {
  describedBy: string;
  elements: Child;
}

/** Every form template renders `hint` then `errorMessage` (ids `<idPrefix>-hint`/`-error`) and appends each id to `describedBy`. */
export function hintAndErrorMessage(
  idPrefix: string | undefined,
  describedBy: string,
  params: { hint?: HintParams; errorMessage?: ErrorMessageParams | false | null },
): HintAndErrorMessage {
  let hint = null;
  if (params.hint) {
    const hintId = `${idPrefix}-hint`;
    describedBy = describedBy ? `${describedBy} ${hintId}` : hintId;
    hint = <Hint id={hintId} classes={params.hint.classes} attributes={params.hint.attributes} html={params.hint.html} text={params.hint.text} />;
  }

  let error = null;
  if (params.errorMessage) {
    const errorId = `${idPrefix}-error`;
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

  return {
    describedBy,
    elements: (
      <>
        {hint}
        {error}
      </>
    ),
  };
}

/** The single-control templates default `id` to `name`, then render the label (for that id), hint and error message before the control. */
export function labelHintAndErrorMessage(params: FormControlParams & { describedBy?: string }): HintAndErrorMessage & { id: string | undefined } {
  const id = params.id ? params.id : params.name;
  const { describedBy, elements } = hintAndErrorMessage(id, params.describedBy ? params.describedBy : '', params);
  return {
    id,
    describedBy,
    elements: (
      <>
        <Label {...params.label} for={id} />
        {elements}
      </>
    ),
  };
}

/** `formGroup.beforeInput(s)` / `afterInput(s)` render as raw html if given, else as text, in every form template. */
export function beforeOrAfterInput(content: TextOrHtml | undefined): Child {
  return content ? htmlOrText(content.html, content.text) : null;
}

/** Password input and character count append `formGroup.attributes` as plain `name="value"` strings, as their templates do. */
export function appendedFormGroupAttributes(attributes: Attributes | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes ?? {})) out[name] = s(value);
  return out;
}

/** Radios, checkboxes and date input put their hint, error message and inputs in a fieldset when `fieldset` is set. */
export function FieldsetFormGroup(props: {
  params: FieldsetControlParams;
  describedBy: string;
  /** The fieldset `role` (`group` for date input). */
  role?: string;
  children?: Child;
}) {
  const { fieldset, formGroup, errorMessage } = props.params;
  return (
    <FormGroup formGroup={formGroup} errorMessage={errorMessage}>
      {fieldset ? (
        <Fieldset describedBy={props.describedBy} classes={fieldset.classes} role={props.role} attributes={fieldset.attributes} legend={fieldset.legend}>
          {props.children}
        </Fieldset>
      ) : (
        props.children
      )}
    </FormGroup>
  );
}
