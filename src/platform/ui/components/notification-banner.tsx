import type { Child } from 'hono/jsx';
import { heading } from './heading';
import { cx, hasChildren, rawHtml, s, withAttrs, type Attributes, type Html } from './shared';

/** Params of the `govukNotificationBanner` macro. */
export interface NotificationBannerParams {
  text?: string;
  html?: Html;
  titleText?: string;
  titleHtml?: Html;
  titleHeadingLevel?: number | string;
  /** `success` for a green banner with `role="alert"`. */
  type?: string;
  role?: string;
  titleId?: string;
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: Attributes;
  /** JSX content (the macro's `caller`); overrides `text`/`html`. */
  children?: Child;
}

/** GOV.UK notification banner (`govukNotificationBanner`). */
export function NotificationBanner(params: NotificationBannerParams) {
  const successBanner = params.type === 'success';
  const typeClass = successBanner ? `govuk-notification-banner--${params.type}` : undefined;
  const role = params.role ? params.role : successBanner ? 'alert' : 'region';
  const title: Child = params.titleHtml ? rawHtml(params.titleHtml) : params.titleText ? params.titleText : successBanner ? 'Success' : 'Important';
  const titleId = params.titleId || 'govuk-notification-banner-title';
  const headingLevel = params.titleHeadingLevel || 2;

  return (
    <div
      {...withAttrs(params.attributes, {
        class: cx('govuk-notification-banner', typeClass, params.classes),
        role,
        'aria-labelledby': titleId,
        'data-module': 'govuk-notification-banner',
        'data-disable-auto-focus': params.disableAutoFocus !== undefined ? s(params.disableAutoFocus) : undefined,
      })}
    >
      <div class="govuk-notification-banner__header">{heading(headingLevel, { class: 'govuk-notification-banner__title', id: titleId }, title)}</div>
      <div class="govuk-notification-banner__content">
        {hasChildren(params.children) ? (
          params.children
        ) : params.html ? (
          rawHtml(params.html)
        ) : params.text ? (
          <p class="govuk-notification-banner__heading">{params.text}</p>
        ) : null}
      </div>
    </div>
  );
}
