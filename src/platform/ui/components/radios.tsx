import { ChoiceItems, type ChoiceItem } from './choice-items';
import { FieldsetFormGroup, hintAndErrorMessage, type FieldsetControlParams } from './form-group';
import { looseEq } from './shared';

export type { GroupFormGroupParams } from './form-group';

/** One radio (or a divider, when `divider` is set). */
export interface RadiosItem extends ChoiceItem {}

/** Params of the `govukRadios` macro. */
export interface RadiosParams extends FieldsetControlParams {
  name?: string;
  idPrefix?: string;
  items?: (RadiosItem | null | undefined | false)[];
  /** Value of the radio to check (unless an item sets `checked`). */
  value?: string | number | boolean;
}

/** GOV.UK radios (`govukRadios`), optionally in a fieldset, with conditional reveals. */
export function Radios(params: RadiosParams) {
  const idPrefix = params.idPrefix ? params.idPrefix : params.name;
  // `fieldset` may be false (no fieldset), so no optional chain here.
  const fieldsetDescribedBy = (params.fieldset ? params.fieldset.describedBy : undefined) || '';
  const { describedBy, elements: hintAndError } = hintAndErrorMessage(idPrefix, fieldsetDescribedBy, params);
  const isChecked = (item: RadiosItem) => item.checked || (params.value ? looseEq(item.value, params.value) && !looseEq(item.checked, false) : false);

  return (
    <FieldsetFormGroup params={params} describedBy={describedBy}>
      {hintAndError}
      {/* Each radio is described by its own item hint only */}
      <ChoiceItems kind="radios" params={params} idPrefix={idPrefix} isChecked={isChecked} describedBy="" />
    </FieldsetFormGroup>
  );
}
