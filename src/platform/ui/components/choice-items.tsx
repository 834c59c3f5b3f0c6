/**
 * The `items` of `govukRadios` and `govukCheckboxes`: both templates render
 * each item the same way (input, label, item hint, conditional reveal, or a
 * divider) inside the same container div, differing only in the class
 * prefix, the input type and a few checkbox-only options.
 */
import { beforeOrAfterInput, type GroupFormGroupParams } from './form-group';
import { Hint, type HintParams } from './hint';
import { Label } from './label';
import { attrs, cx, rawHtml, s, withAttrs, type Attributes, type Html, type TextOrHtml } from './shared';

/** One radio or checkbox (or a divider, when `divider` is set). */
export interface ChoiceItem extends TextOrHtml {
  id?: string;
  value?: string | number | boolean;
  label?: { classes?: string; attributes?: Attributes };
  hint?: HintParams;
  /** Text of a divider (e.g. "or") shown instead of the input. */
  divider?: string;
  checked?: boolean;
  conditional?: { html?: Html };
  disabled?: boolean;
  attributes?: Attributes;
}

/** Which macro the items belong to: `govuk-radios__…` / `type="radio"` or `govuk-checkboxes__…` / `type="checkbox"`. */
export type ChoiceKind = 'radios' | 'checkboxes';

/** An item as the renderer reads it: `name` and `behaviour` are only read for checkboxes. */
type AnyChoiceItem = ChoiceItem & { name?: string; behaviour?: string };

/** What {@link ChoiceItems} needs from the radios or checkboxes params. */
export interface ChoiceItemsProps<Item extends AnyChoiceItem> {
  kind: ChoiceKind;
  params: {
    name?: string;
    items?: (Item | null | undefined | false)[];
    classes?: string;
    attributes?: Attributes;
    formGroup?: GroupFormGroupParams;
  };
  idPrefix: string | undefined;
  /** `item.checked`, else whether the item matches the group's `value` (radios) or `values` (checkboxes). */
  isChecked: (item: Item) => boolean;
  /** The group's `describedBy`, which checkboxes without a fieldset repeat on each input; `''` otherwise. */
  describedBy: string;
}

/** Radios and checkboxes share one template for their items and the div around them; this renders it for either `kind`. */
export function ChoiceItems<Item extends AnyChoiceItem>(props: ChoiceItemsProps<Item>) {
  const { kind, params } = props;
  const items = (params.items ?? []).map((item, i) => {
    if (!item) return null;
    const index = i + 1;
    // The first id has no number suffix so it's easy to link to from the error summary
    const itemId = item.id ? item.id : `${props.idPrefix}${index > 1 ? `-${index}` : ''}`;
    const itemName = kind === 'checkboxes' && item.name ? item.name : params.name;
    const conditionalId = `conditional-${itemId}`;
    if (item.divider) {
      return <div class={`govuk-${kind}__divider`}>{item.divider}</div>;
    }
    const isChecked = props.isChecked(item);
    const hasHint = !!(item.hint?.text || item.hint?.html);
    const itemHintId = hasHint ? `${itemId}-item-hint` : '';
    const itemDescribedBy = `${props.describedBy} ${itemHintId}`.trim();
    return (
      <>
        <div class={`govuk-${kind}__item`}>
          <input
            {...withAttrs(item.attributes, {
              class: `govuk-${kind}__input`,
              id: itemId,
              name: s(itemName),
              type: kind === 'radios' ? 'radio' : 'checkbox',
              value: s(item.value),
              checked: isChecked ? true : undefined,
              disabled: item.disabled ? true : undefined,
              'data-aria-controls': item.conditional?.html ? conditionalId : undefined,
              'data-behaviour': kind === 'checkboxes' ? item.behaviour || undefined : undefined,
              'aria-describedby': itemDescribedBy || undefined,
            })}
          />
          <Label html={item.html} text={item.text} classes={cx(`govuk-${kind}__label`, item.label?.classes)} attributes={item.label?.attributes} for={itemId} />
          {hasHint ? (
            <Hint
              id={itemHintId}
              classes={cx(`govuk-${kind}__hint`, item.hint?.classes)}
              attributes={item.hint?.attributes}
              html={item.hint?.html}
              text={item.hint?.text}
            />
          ) : null}
        </div>
        {item.conditional?.html ? (
          <div class={cx(`govuk-${kind}__conditional`, !isChecked && `govuk-${kind}__conditional--hidden`)} id={conditionalId}>
            {rawHtml(item.conditional.html)}
          </div>
        ) : null}
      </>
    );
  });

  return (
    <div {...attrs(params.attributes)} class={cx(`govuk-${kind}`, params.classes)} data-module={`govuk-${kind}`}>
      {beforeOrAfterInput(params.formGroup?.beforeInputs)}
      {items}
      {beforeOrAfterInput(params.formGroup?.afterInputs)}
    </div>
  );
}
