import { ErrorMessage, type ErrorMessageParams } from './error-message';
import { Fieldset, type FieldsetParams } from './fieldset';
import { Hint, type HintParams } from './hint';
import { Label } from './label';
import { attrs, cx, htmlOrText, looseEq, rawHtml, s, withAttrs, type Attributes, type Html, type TextOrHtml } from './shared';

/** The `formGroup` option of radios, checkboxes and date input. */
export interface GroupFormGroupParams {
  classes?: string;
  attributes?: Attributes;
  /** Content added before the inputs. */
  beforeInputs?: TextOrHtml;
  /** Content added after the inputs. */
  afterInputs?: TextOrHtml;
}

/** One radio (or a divider, when `divider` is set). */
export interface RadiosItem extends TextOrHtml {
  id?: string;
  value?: string | number | boolean;
  label?: { classes?: string; attributes?: Attributes };
  hint?: HintParams;
  /** Text of a divider (e.g. "or") shown instead of a radio. */
  divider?: string;
  checked?: boolean;
  conditional?: { html?: Html };
  disabled?: boolean;
  attributes?: Attributes;
}

/** Params of the `govukRadios` macro. */
export interface RadiosParams {
  name?: string;
  idPrefix?: string;
  items?: (RadiosItem | null | undefined | false)[];
  /** Value of the radio to check (unless an item sets `checked`). */
  value?: string | number | boolean;
  fieldset?: Omit<FieldsetParams, 'html' | 'children' | 'role'> | null | false;
  hint?: HintParams;
  errorMessage?: ErrorMessageParams | false | null;
  formGroup?: GroupFormGroupParams;
  classes?: string;
  attributes?: Attributes;
}

/** GOV.UK radios (`govukRadios`), optionally in a fieldset, with conditional reveals. */
export function Radios(params: RadiosParams) {
  const idPrefix = params.idPrefix ? params.idPrefix : params.name;
  let describedBy = params.fieldset && params.fieldset.describedBy ? params.fieldset.describedBy : '';
  const hasFieldset = !!params.fieldset;
  const formGroup = params.formGroup;

  let hint = null;
  if (params.hint) {
    const hintId = `${idPrefix}-hint`;
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

  const items = (params.items ?? []).map((item, i) => {
    if (!item) return null;
    const index = i + 1;
    // The first id has no number suffix so it's easy to link to from the error summary
    const itemId = item.id ? item.id : `${idPrefix}${index > 1 ? `-${index}` : ''}`;
    const conditionalId = `conditional-${itemId}`;
    if (item.divider) {
      return <div class="govuk-radios__divider">{item.divider}</div>;
    }
    const isChecked =
      item.checked ||
      (params.value ? looseEq(item.value, params.value) && !looseEq(item.checked, false) : false);
    const hasHint = !!(item.hint?.text || item.hint?.html);
    const itemHintId = `${itemId}-item-hint`;
    return (
      <>
        <div class="govuk-radios__item">
          <input
            {...withAttrs(item.attributes, {
              class: 'govuk-radios__input',
              id: itemId,
              name: s(params.name),
              type: 'radio',
              value: s(item.value),
              checked: isChecked ? true : undefined,
              disabled: item.disabled ? true : undefined,
              'data-aria-controls': item.conditional?.html ? conditionalId : undefined,
              'aria-describedby': hasHint ? itemHintId : undefined,
            })}
          />
          <Label
            html={item.html}
            text={item.text}
            classes={cx('govuk-radios__label', item.label?.classes)}
            attributes={item.label?.attributes}
            for={itemId}
          />
          {hasHint ? (
            <Hint
              id={itemHintId}
              classes={cx('govuk-radios__hint', item.hint?.classes)}
              attributes={item.hint?.attributes}
              html={item.hint?.html}
              text={item.hint?.text}
            />
          ) : null}
        </div>
        {item.conditional?.html ? (
          <div
            class={cx('govuk-radios__conditional', !isChecked && 'govuk-radios__conditional--hidden')}
            id={conditionalId}
          >
            {rawHtml(item.conditional.html)}
          </div>
        ) : null}
      </>
    );
  });

  const inner = (
    <>
      {hint}
      {error}
      <div {...attrs(params.attributes)} class={cx('govuk-radios', params.classes)} data-module="govuk-radios">
        {formGroup?.beforeInputs ? htmlOrText(formGroup.beforeInputs.html, formGroup.beforeInputs.text) : null}
        {items}
        {formGroup?.afterInputs ? htmlOrText(formGroup.afterInputs.html, formGroup.afterInputs.text) : null}
      </div>
    </>
  );

  return (
    <div
      {...attrs(formGroup?.attributes)}
      class={cx('govuk-form-group', params.errorMessage && 'govuk-form-group--error', formGroup?.classes)}
    >
      {hasFieldset && params.fieldset ? (
        <Fieldset
          describedBy={describedBy}
          classes={params.fieldset.classes}
          attributes={params.fieldset.attributes}
          legend={params.fieldset.legend}
        >
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
