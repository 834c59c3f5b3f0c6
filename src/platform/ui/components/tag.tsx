import { attrs, cx, htmlOrText, type ContentBlock } from './shared';

/** Params of the `govukTag` macro. */
export interface TagParams extends ContentBlock {}

/** GOV.UK tag (`govukTag`). */
export function Tag(params: TagParams) {
  return (
    <strong {...attrs(params.attributes)} class={cx('govuk-tag', params.classes)}>
      {htmlOrText(params.html, params.text)}
    </strong>
  );
}
