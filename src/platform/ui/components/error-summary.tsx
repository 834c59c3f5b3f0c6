import type { Child } from 'hono/jsx';
import { attrs, cx, hasChildren, htmlOrText, s, withAttrs, type Attributes, type Html, type TextOrHtml } from './shared';

/** One entry of the error list. */
export interface ErrorSummaryItem extends TextOrHtml {
  /** Link to the field with the error, usually `#<field id>`. */
  href?: string;
  attributes?: Attributes;
}

/** Params of the `govukErrorSummary` macro. */
export interface ErrorSummaryParams {
  titleText?: string;
  titleHtml?: Html;
  descriptionText?: string;
  descriptionHtml?: Html;
  errorList?: ErrorSummaryItem[];
  /** Stop the summary from being focused on page load. */
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: Attributes;
  /** JSX description (the macro's `caller`); overrides `descriptionText`/`descriptionHtml`. */
  children?: Child;
}

/** GOV.UK error summary (`govukErrorSummary`). */
export function ErrorSummary(params: ErrorSummaryParams) {
  const withCaller = hasChildren(params.children);
  const errorList = params.errorList ?? [];
  return (
    <div
      {...withAttrs(params.attributes, {
        class: cx('govuk-error-summary', params.classes),
        'data-disable-auto-focus': params.disableAutoFocus !== undefined ? s(params.disableAutoFocus) : undefined,
        'data-module': 'govuk-error-summary',
      })}
    >
      <div role="alert">
        <h2 class="govuk-error-summary__title">{htmlOrText(params.titleHtml, params.titleText)}</h2>
        <div class="govuk-error-summary__body">
          {withCaller || params.descriptionHtml || params.descriptionText ? (
            <p>{withCaller ? params.children : htmlOrText(params.descriptionHtml, params.descriptionText)}</p>
          ) : null}
          {errorList.length ? (
            <ul class="govuk-list govuk-error-summary__list">
              {errorList.map((item) => (
                <li>
                  {item.href ? (
                    <a {...attrs(item.attributes)} href={item.href}>
                      {htmlOrText(item.html, item.text)}
                    </a>
                  ) : (
                    htmlOrText(item.html, item.text)
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
