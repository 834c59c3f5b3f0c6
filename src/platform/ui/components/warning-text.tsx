import { attrs, cx, htmlOrText, type ContentBlock } from './shared';

/** Params of the `govukWarningText` macro. */
export interface WarningTextParams extends ContentBlock {
  /** Visually hidden text for the icon, default "Warning". */
  iconFallbackText?: string;
}

/** GOV.UK warning text (`govukWarningText`). */
export function WarningText(params: WarningTextParams) {
  return (
    <div {...attrs(params.attributes)} class={cx('govuk-warning-text', params.classes)}>
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>{' '}
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{params.iconFallbackText || 'Warning'}</span> {htmlOrText(params.html, params.text)}
      </strong>
    </div>
  );
}
