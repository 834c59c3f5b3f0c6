import { FieldsetFormGroup, beforeOrAfterInput, hintAndErrorMessage, type FieldsetControlParams } from './form-group';
import { Input } from './input';
import { capitalize, cx, looseEq, withAttrs, type Attributes } from './shared';

/** One field (day, month, year or custom) of a date input. */
export interface DateInputItem {
  id?: string;
  name?: string;
  /** Label text; defaults to the capitalised name. */
  label?: string;
  value?: string | number;
  autocomplete?: string;
  pattern?: string;
  inputmode?: string;
  /** Mark this field as having an error (`false` to exempt it from a group error). */
  error?: boolean;
  classes?: string;
  attributes?: Attributes;
}

/** Params of the `govukDateInput` macro. */
export interface DateInputParams extends FieldsetControlParams {
  id?: string;
  namePrefix?: string;
  /** Custom fields; when empty the day, month and year fields are used. */
  items?: (DateInputItem | null | undefined | false)[];
  day?: DateInputItem;
  month?: DateInputItem;
  year?: DateInputItem;
  /** Values keyed by (prefixed) field name, e.g. `{ day: '1', month: '2', year: '2000' }`. */
  values?: Record<string, string | number | undefined>;
}

const hasClass = (classes: string | undefined, name: string) => !!classes && classes.indexOf(name) !== -1;

/** GOV.UK date input (`govukDateInput`): day, month and year text inputs. */
export function DateInput(params: DateInputParams) {
  const formGroup = params.formGroup;

  const dateInputDay: DateInputItem = params.day !== undefined ? params.day : { name: 'day', value: params.values?.day, classes: 'govuk-input--width-2' };
  const dateInputMonth: DateInputItem =
    params.month !== undefined ? params.month : { name: 'month', value: params.values?.month, classes: 'govuk-input--width-2' };
  const dateInputYear: DateInputItem = params.year !== undefined ? params.year : { name: 'year', value: params.values?.year, classes: 'govuk-input--width-4' };

  const dateInputItems = params.items?.length ? params.items : [dateInputDay, dateInputMonth, dateInputYear];

  const anyItemHasError = dateInputItems.some((item) => !!item && (!!item.error || hasClass(item.classes, 'govuk-input--error')));

  const renderItem = (item: DateInputItem) => {
    let itemName = item.name;
    let itemValue = item.value;
    let itemWidth = 2;
    let itemClasses = '';
    const itemHasError = !!item.error || hasClass(item.classes, 'govuk-input--error');

    if (item === dateInputDay || (item.name && (item.name === 'day' || item.name === dateInputDay.name))) {
      itemName = item.name !== undefined ? item.name : 'day';
      itemValue = item.value !== undefined ? item.value : dateInputDay.value;
    } else if (item === dateInputMonth || (item.name && (item.name === 'month' || item.name === dateInputMonth.name))) {
      itemName = item.name !== undefined ? item.name : 'month';
      itemValue = item.value !== undefined ? item.value : dateInputMonth.value;
    } else if (item === dateInputYear || (item.name && (item.name === 'year' || item.name === dateInputYear.name))) {
      itemName = item.name !== undefined ? item.name : 'year';
      itemValue = item.value !== undefined ? item.value : dateInputYear.value;
      itemWidth = 4;
    }

    if (!hasClass(item.classes, 'govuk-input--error') && (itemHasError || (!looseEq(item.error, false) && params.errorMessage && !anyItemHasError))) {
      itemClasses = `${itemClasses} govuk-input--error`.trim();
    }
    if (!hasClass(item.classes, 'govuk-input--width-')) {
      itemClasses = `${itemClasses} govuk-input--width-${itemWidth}`.trim();
    }
    if (item.classes) {
      itemClasses = `${itemClasses} ${item.classes}`.trim();
    }

    const namePrefix = params.namePrefix ? `${params.namePrefix}-` : '';
    const name = `${namePrefix}${itemName}`;

    return (
      <div class="govuk-date-input__item">
        <Input
          label={{ text: item.label ? item.label : capitalize(itemName), classes: 'govuk-date-input__label' }}
          id={item.id ? item.id : `${params.id}-${itemName}`}
          classes={cx('govuk-date-input__input', itemClasses)}
          name={name}
          value={itemValue !== undefined ? itemValue : params.values?.[name]}
          type="text"
          inputmode={item.inputmode ? item.inputmode : 'numeric'}
          autocomplete={item.autocomplete}
          pattern={item.pattern}
          attributes={item.attributes}
        />
      </div>
    );
  };

  // `fieldset` may be false (no fieldset), so no optional chain here.
  const fieldsetDescribedBy = (params.fieldset ? params.fieldset.describedBy : undefined) || '';
  const { describedBy, elements: hintAndError } = hintAndErrorMessage(params.id, fieldsetDescribedBy, params);

  return (
    // role="group" so that JAWS announces the description of a fieldset of text inputs
    <FieldsetFormGroup params={params} describedBy={describedBy} role="group">
      {hintAndError}
      <div {...withAttrs(params.attributes, { class: cx('govuk-date-input', params.classes), id: params.id || undefined })}>
        {beforeOrAfterInput(formGroup?.beforeInputs)}
        {dateInputItems.map((item) => (item ? renderItem(item) : null))}
        {beforeOrAfterInput(formGroup?.afterInputs)}
      </div>
    </FieldsetFormGroup>
  );
}
