import { cx, htmlOrText, withAttrs, type ContentBlock } from './shared';

/** Params of the `govukLabel` macro. */
export interface LabelParams extends ContentBlock {
  /** The id of the form control the label is for. */
  for?: string;
  /** Wrap the label in a `<h1 class="govuk-label-wrapper">`. */
  isPageHeading?: boolean;
}

/** GOV.UK label (`govukLabel`). Renders nothing without `text` or `html`. */
export function Label(params: LabelParams) {
  if (!params.html && !params.text) return null;
  const label = (
    // biome-ignore lint/a11y/noLabelWithoutControl: govuk-frontend's markup: `for` is set through withAttrs when given, and the macro allows a label without one.
    <label {...withAttrs(params.attributes, { class: cx('govuk-label', params.classes), for: params.for || undefined })}>
      {htmlOrText(params.html, params.text)}
    </label>
  );
  return params.isPageHeading ? <h1 class="govuk-label-wrapper">{label}</h1> : label;
}
