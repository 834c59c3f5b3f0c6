import type { FieldErrors } from '../http/errors';
import { errorFor, errorList, type FormValues } from '../http/forms';
import { DateInput, ErrorSummary } from './components';

/** The GOV.UK error summary for a form's field errors; nothing when there are none. */
export function FormErrors(props: { errors?: FieldErrors | undefined }) {
  return props.errors && Object.keys(props.errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(props.errors)} /> : null;
}

/** A day, month and year field named `<prefix>-day`, `<prefix>-month`, `<prefix>-year`, its error on the day. */
export function DateField(props: { prefix: string; legend: string; hint?: string | undefined; values: FormValues; errors?: FieldErrors | undefined }) {
  const p = props.prefix;
  return (
    <DateInput
      id={p}
      namePrefix={p}
      fieldset={{ legend: { text: props.legend, classes: 'govuk-fieldset__legend--s' } }}
      hint={props.hint ? { text: props.hint } : undefined}
      errorMessage={errorFor(props.errors, `${p}-day`)}
      items={[
        { id: `${p}-day`, name: 'day', label: 'Day', value: props.values[`${p}-day`], classes: 'govuk-input--width-2' },
        { id: `${p}-month`, name: 'month', label: 'Month', value: props.values[`${p}-month`], classes: 'govuk-input--width-2' },
        { id: `${p}-year`, name: 'year', label: 'Year', value: props.values[`${p}-year`], classes: 'govuk-input--width-4' },
      ]}
    />
  );
}
