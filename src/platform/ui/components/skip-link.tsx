import { attrs, cx, htmlOrText, type ContentBlock } from './shared';

/** Params of the `govukSkipLink` macro. */
export interface SkipLinkParams extends ContentBlock {
  /** Default `#content`. */
  href?: string;
}

/** GOV.UK skip link (`govukSkipLink`). */
export function SkipLink(params: SkipLinkParams) {
  return (
    <a {...attrs(params.attributes)} href={params.href || '#content'} class={cx('govuk-skip-link', params.classes)} data-module="govuk-skip-link">
      {htmlOrText(params.html, params.text)}
    </a>
  );
}
