import { ErrorMessage, type ErrorMessageParams } from './error-message';
import { Fieldset, type FieldsetParams } from './fieldset';
import { Hint, type HintParams } from './hint';
import { Label } from './label';
import type { GroupFormGroupParams } from './radios';
import { attrs, cx, htmlOrText, looseEq, njIn, rawHtml, s, withAttrs, type Attributes, type Html, type TextOrHtml } from './shared';

/** One checkbox (or a divider, when `divider` is set). */
export interface CheckboxesItem extends TextOrHtml {
  id?: string;
  /** Overrides the group's `name` for this checkbox. */
  name?: string;
  value?: string | number | boolean;
  label?: { classes?: string; attributes?: Attributes };
  hint?: HintParams;
  /** Text of a divider (e.g. "or") shown instead of a checkbox. */
  divider?: string;
  checked?: boolean;
  conditional?: { html?: Html };
  /** `exclusive` makes this a "none of these" checkbox. */
  behaviour?: string;
  disabled?: boolean;
  attributes?: Attributes;
}

/** Params of the `govukCheckboxes` macro. */
export interface CheckboxesParams {
  name?: string;
  idPrefix?: string;
  describedBy?: string;
  items?: (CheckboxesItem | null | undefined | false)[];
  /** Values of the checkboxes to check (unless an item sets `checked`). */
  values?: (string | number | boolean)[];
  fieldset?: Omit<FieldsetParams, 'html' | 'children' | 'role'> | null | false;
  hint?: HintParams;
  errorMessage?: ErrorMessageParams | false | null;
  formGroup?: GroupFormGroupParams;
  classes?: string;
  attributes?: Attributes;
}

/** GOV.UK checkboxes (`govukCheckboxes`), optionally in a fieldset, with conditional reveals. */
export function Checkboxes(params: CheckboxesParams) {
  const idPrefix = params.idPrefix ? params.idPrefix : params.name;
  let describedBy = params.describedBy ? params.describedBy : '';
  if (params.fieldset && params.fieldset.describedBy) describedBy = params.fieldset.describedBy;
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
    const itemName = item.name ? item.name : params.name;
    const conditionalId = `conditional-${itemId}`;
    if (item.divider) {
      return <div class="govuk-checkboxes__divider">{item.divider}</div>;
    }
    const isChecked =
      item.checked ||
      (params.values ? njIn(item.value, params.values) && !looseEq(item.checked, false) : false);
    const hasHint = !!(item.hint?.text || item.hint?.html);
    const itemHintId = hasHint ? `${itemId}-item-hint` : '';
    // Without a fieldset, the group's hint and error describe each checkbox
    const itemDescribedBy = `${!hasFieldset ? describedBy : ''} ${itemHintId}`.trim();
    return (
      <>
        <div class="govuk-checkboxes__item">
          <input
            {...withAttrs(item.attributes, {
              class: 'govuk-checkboxes__input',
              id: itemId,
              name: s(itemName),
              type: 'checkbox',
              value: s(item.value),
              checked: isChecked ? true : undefined,
              disabled: item.disabled ? true : undefined,
              'data-aria-controls': item.conditional?.html ? conditionalId : undefined,
              'data-behaviour': item.behaviour || undefined,
              'aria-describedby': itemDescribedBy || undefined,
            })}
          />
          <Label
            html={item.html}
            text={item.text}
            classes={cx('govuk-checkboxes__label', item.label?.classes)}
            attributes={item.label?.attributes}
            for={itemId}
          />
          {hasHint ? (
            <Hint
              id={itemHintId}
              classes={cx('govuk-checkboxes__hint', item.hint?.classes)}
              attributes={item.hint?.attributes}
              html={item.hint?.html}
              text={item.hint?.text}
            />
          ) : null}
        </div>
        {item.conditional?.html ? (
          <div
            class={cx('govuk-checkboxes__conditional', !isChecked && 'govuk-checkboxes__conditional--hidden')}
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
      <div {...attrs(params.attributes)} class={cx('govuk-checkboxes', params.classes)} data-module="govuk-checkboxes">
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
