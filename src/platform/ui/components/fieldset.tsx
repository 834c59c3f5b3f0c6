import type { Child } from 'hono/jsx';
import { cx, hasChildren, htmlOrText, rawHtml, withAttrs, type Attributes, type Html, type TextOrHtml } from './shared';

/** The `legend` option of `govukFieldset`. */
export interface FieldsetLegend extends TextOrHtml {
  classes?: string;
  /** Wrap the legend content in a `<h1 class="govuk-fieldset__heading">`. */
  isPageHeading?: boolean;
}

/** Params of the `govukFieldset` macro. */
export interface FieldsetParams {
  describedBy?: string;
  legend?: FieldsetLegend;
  classes?: string;
  role?: string;
  attributes?: Attributes;
  /** Raw HTML content of the fieldset (ignored when children are given). */
  html?: Html;
  /** JSX content of the fieldset (the macro's `caller`). */
  children?: Child;
}

/** GOV.UK fieldset (`govukFieldset`). */
export function Fieldset(params: FieldsetParams) {
  const legend = params.legend;
  const legendContent = legend ? htmlOrText(legend.html, legend.text) : undefined;
  return (
    <fieldset
      {...withAttrs(params.attributes, {
        class: cx('govuk-fieldset', params.classes),
        role: params.role || undefined,
        'aria-describedby': params.describedBy || undefined,
      })}
    >
      {legend && (legend.html || legend.text) ? (
        <legend class={cx('govuk-fieldset__legend', legend.classes)}>
          {legend.isPageHeading ? <h1 class="govuk-fieldset__heading">{legendContent}</h1> : legendContent}
        </legend>
      ) : null}
      {hasChildren(params.children) ? params.children : params.html ? rawHtml(params.html) : null}
    </fieldset>
  );
}
