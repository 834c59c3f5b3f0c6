import { attrs, cx, htmlOrText, looseEq, rawHtml, s, spaced, withAttrs, type Attributes, type Html, type TextOrHtml } from './shared';

/** A navigation item; with `href` a link, otherwise plain text. */
export interface ServiceNavigationItem extends TextOrHtml {
  href?: string;
  /** The user is somewhere within this section (`aria-current="true"`). */
  active?: boolean;
  /** The user is on this page (`aria-current="page"`). */
  current?: boolean;
  attributes?: Attributes;
}

/** Raw-HTML slots of the service navigation. */
export interface ServiceNavigationSlots {
  start?: Html;
  end?: Html | { html?: Html; align?: 'inline' | string };
  navigationStart?: Html;
  navigationEnd?: Html;
}

/** Params of the `govukServiceNavigation` macro. */
export interface ServiceNavigationParams {
  serviceName?: string;
  serviceUrl?: string;
  navigation?: (ServiceNavigationItem | null | undefined | false)[];
  /** Collapse the navigation behind a menu button on mobile (default: when there is more than one item). */
  collapseNavigationOnMobile?: boolean;
  /** `aria-label` of the `<section>` (when there is a service name or slot), default "Service information". */
  ariaLabel?: string;
  menuButtonText?: string;
  menuButtonLabel?: string;
  navigationLabel?: string;
  navigationId?: string;
  navigationClasses?: string;
  slots?: ServiceNavigationSlots;
  classes?: string;
  attributes?: Attributes;
}

/** GOV.UK service navigation (`govukServiceNavigation`). */
export function ServiceNavigation(params: ServiceNavigationParams) {
  const menuButtonText = params.menuButtonText || 'Menu';
  const navigationId = params.navigationId || 'navigation';
  const slots = params.slots;
  const end = slots?.end;
  const endIsMapping = end !== null && typeof end === 'object' && Object.getPrototypeOf(end) === Object.prototype;
  const endSlotHtml = (endIsMapping ? (end as { html?: Html }).html : end) as Html | undefined;
  const endSlotInline = endIsMapping && (end as { align?: string }).align === 'inline';

  const commonAttributes = {
    ...attrs(params.attributes),
    class: cx('govuk-service-navigation', params.classes),
    'data-module': 'govuk-service-navigation',
  };

  const navigationItems = (params.navigation ?? []).filter((item): item is ServiceNavigationItem => !!item);
  const collapseNavigationOnMobile = params.collapseNavigationOnMobile !== undefined ? params.collapseNavigationOnMobile : navigationItems.length > 1;

  const inner = (
    <div class={cx('govuk-width-container', endSlotInline && 'govuk-service-navigation__inlining-container')}>
      {slots?.start ? rawHtml(slots.start) : null}
      <div class="govuk-service-navigation__container">
        {params.serviceName ? (
          <span class="govuk-service-navigation__service-name">
            {params.serviceUrl ? (
              <a href={params.serviceUrl} class="govuk-service-navigation__link">
                {params.serviceName}
              </a>
            ) : (
              <span class="govuk-service-navigation__text">{params.serviceName}</span>
            )}
          </span>
        ) : null}
        {navigationItems.length || slots?.navigationStart || slots?.navigationEnd ? (
          <nav aria-label={params.navigationLabel || menuButtonText} class={cx('govuk-service-navigation__wrapper', params.navigationClasses)}>
            {collapseNavigationOnMobile ? (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: govuk-frontend's own markup: the button is hidden until its script shows it (and removes both attributes).
              <button
                type="button"
                class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls={navigationId}
                aria-label={params.menuButtonLabel && !looseEq(params.menuButtonLabel, menuButtonText) ? params.menuButtonLabel : undefined}
                hidden
                aria-hidden="true"
              >
                {menuButtonText}
              </button>
            ) : null}
            <ul class="govuk-service-navigation__list" id={navigationId}>
              {spaced([
                slots?.navigationStart ? rawHtml(slots.navigationStart) : null,
                ...navigationItems.map((item) => {
                  const active = !!(item.active || item.current);
                  const ariaCurrent = active ? (item.current ? 'page' : 'true') : undefined;
                  // Active links are wrapped in <strong> so users who override colours still see the current item
                  const content = active ? (
                    <strong class="govuk-service-navigation__active-fallback">{htmlOrText(item.html, item.text)}</strong>
                  ) : (
                    htmlOrText(item.html, item.text)
                  );
                  return (
                    <li class={cx('govuk-service-navigation__item', active && 'govuk-service-navigation__item--active')}>
                      {item.href ? (
                        <a
                          {...withAttrs(item.attributes, {
                            class: 'govuk-service-navigation__link',
                            href: item.href,
                            'aria-current': ariaCurrent,
                          })}
                        >
                          {content}
                        </a>
                      ) : item.html || item.text ? (
                        <span class="govuk-service-navigation__text" aria-current={ariaCurrent}>
                          {content}
                        </span>
                      ) : null}
                    </li>
                  );
                }),
                slots?.navigationEnd ? rawHtml(slots.navigationEnd) : null,
              ])}
            </ul>
          </nav>
        ) : null}
      </div>
      {endSlotHtml ? rawHtml(endSlotHtml) : null}
    </div>
  );

  // With a service name, a <section> makes a landmark region; otherwise the <nav> does the job
  if (params.serviceName || slots?.start || endSlotHtml) {
    return (
      <section {...commonAttributes} aria-label={params.ariaLabel === undefined ? 'Service information' : s(params.ariaLabel)}>
        {inner}
      </section>
    );
  }
  return <div {...commonAttributes}>{inner}</div>;
}
