import { attrs, cx, htmlOrText, type ContentBlock, type TextOrHtml } from './shared';
import { Tag } from './tag';

/** Params of the `govukPhaseBanner` macro. */
export interface PhaseBannerParams extends ContentBlock {
  /** The phase tag, e.g. `{ text: 'Beta' }`. */
  tag?: TextOrHtml & { classes?: string };
}

/** GOV.UK phase banner (`govukPhaseBanner`). */
export function PhaseBanner(params: PhaseBannerParams) {
  return (
    <div {...attrs(params.attributes)} class={cx('govuk-phase-banner govuk-width-container', params.classes)}>
      <p class="govuk-phase-banner__content">
        <Tag text={params.tag?.text} html={params.tag?.html} classes={cx('govuk-phase-banner__content__tag', params.tag?.classes)} />{' '}
        <span class="govuk-phase-banner__text">{htmlOrText(params.html, params.text)}</span>
      </p>
    </div>
  );
}
