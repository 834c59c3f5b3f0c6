import { cx, htmlOrText, withAttrs, type ContentBlock } from './shared';

/** Params of the `govukHint` macro. */
export interface HintParams extends ContentBlock {
  id?: string;
}

/** GOV.UK hint text (`govukHint`). */
export function Hint(params: HintParams) {
  return (
    <div {...withAttrs(params.attributes, { id: params.id || undefined, class: cx('govuk-hint', params.classes) })}>{htmlOrText(params.html, params.text)}</div>
  );
}
