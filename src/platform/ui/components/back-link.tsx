import { attrs, cx, rawHtml, type ContentBlock } from './shared';

/** Params of the `govukBackLink` macro. */
export interface BackLinkParams extends ContentBlock {
  /** Default `#`. */
  href?: string;
}

/** GOV.UK back link (`govukBackLink`); text defaults to "Back". */
export function BackLink(params: BackLinkParams) {
  return (
    <a {...attrs(params.attributes)} href={params.href || '#'} class={cx('govuk-back-link', params.classes)}>
      {params.html ? rawHtml(params.html) : params.text || 'Back'}
    </a>
  );
}
