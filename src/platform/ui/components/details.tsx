import type { Child } from 'hono/jsx';
import { cx, hasChildren, htmlOrText, withAttrs, type ContentBlock, type Html } from './shared';

/** Params of the `govukDetails` macro. */
export interface DetailsParams extends ContentBlock {
  summaryText?: string;
  summaryHtml?: Html;
  id?: string;
  open?: boolean;
  /** JSX content (the macro's `caller`); overrides `text`/`html`. */
  children?: Child;
}

/** GOV.UK details (`govukDetails`). */
export function Details(params: DetailsParams) {
  return (
    <details
      {...withAttrs(params.attributes, {
        id: params.id || undefined,
        class: cx('govuk-details', params.classes),
        open: params.open ? true : undefined,
      })}
    >
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{htmlOrText(params.summaryHtml, params.summaryText)}</span>
      </summary>
      <div class="govuk-details__text">{hasChildren(params.children) ? params.children : htmlOrText(params.html, params.text)}</div>
    </details>
  );
}
