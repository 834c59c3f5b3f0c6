import type { Child } from 'hono/jsx';
import { cx, hasChildren, htmlOrText, withAttrs, type ContentBlock } from './shared';

/** Params of the `govukInsetText` macro. */
export interface InsetTextParams extends ContentBlock {
  id?: string;
  /** JSX content (the macro's `caller`); overrides `text`/`html`. */
  children?: Child;
}

/** GOV.UK inset text (`govukInsetText`). */
export function InsetText(params: InsetTextParams) {
  return (
    <div {...withAttrs(params.attributes, { id: params.id || undefined, class: cx('govuk-inset-text', params.classes) })}>
      {hasChildren(params.children) ? params.children : htmlOrText(params.html, params.text)}
    </div>
  );
}
