import { ChoiceItems, type ChoiceItem } from './choice-items';
import { FieldsetFormGroup, hintAndErrorMessage, type FieldsetControlParams } from './form-group';
import { looseEq, njIn } from './shared';

/** One checkbox (or a divider, when `divider` is set). */
export interface CheckboxesItem extends ChoiceItem {
  /** Overrides the group's `name` for this checkbox. */
  name?: string;
  /** `exclusive` makes this a "none of these" checkbox. */
  behaviour?: string;
}

/** Params of the `govukCheckboxes` macro. */
export interface CheckboxesParams extends FieldsetControlParams {
  name?: string;
  idPrefix?: string;
  describedBy?: string;
  items?: (CheckboxesItem | null | undefined | false)[];
  /** Values of the checkboxes to check (unless an item sets `checked`). */
  values?: (string | number | boolean)[];
}

/** GOV.UK checkboxes (`govukCheckboxes`), optionally in a fieldset, with conditional reveals. */
export function Checkboxes(params: CheckboxesParams) {
  const idPrefix = params.idPrefix ? params.idPrefix : params.name;
  let initialDescribedBy = params.describedBy ? params.describedBy : '';
  // `fieldset` may be false (no fieldset), so no optional chain here.
  const fieldsetDescribedBy = params.fieldset ? params.fieldset.describedBy : undefined;
  if (fieldsetDescribedBy) initialDescribedBy = fieldsetDescribedBy;
  const { describedBy, elements: hintAndError } = hintAndErrorMessage(idPrefix, initialDescribedBy, params);
  const isChecked = (item: CheckboxesItem) => item.checked || (params.values ? njIn(item.value, params.values) && !looseEq(item.checked, false) : false);

  return (
    <FieldsetFormGroup params={params} describedBy={describedBy}>
      {hintAndError}
      {/* Without a fieldset, the group's hint and error describe each checkbox */}
      <ChoiceItems kind="checkboxes" params={params} idPrefix={idPrefix} isChecked={isChecked} describedBy={params.fieldset ? '' : describedBy} />
    </FieldsetFormGroup>
  );
}
