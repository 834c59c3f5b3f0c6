import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';

export interface NavigationItem {
  href: string;
  text: string;
  current?: boolean;
}

export interface LayoutProps {
  /** The page's own title; the organisation's name is added after it. */
  title: string;
  /** Shown in the header: the organisation using Waymark. */
  organisationName: string;
  navigation: NavigationItem[];
  /** Rendered at the end of the navigation (the sign-out form). */
  navigationEnd?: Child;
  /** Back link or breadcrumbs, above <main>. */
  beforeContent?: Child;
  /** When the page shows an error summary, "Error: " starts the title (GOV.UK pattern). */
  hasErrors?: boolean;
  nonce?: string;
  children?: Child;
}

/** The page template: generic header, service navigation, skip link, footer. Mirrors govuk-frontend's template.njk. */
export function Layout(props: LayoutProps) {
  const title = `${props.hasErrors ? 'Error: ' : ''}${props.title} – ${props.organisationName} – Waymark`;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en" class="govuk-template">
        <head>
          <meta charset="utf-8" />
          <title>{title}</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <meta name="theme-color" content="#1d4f6e" />
          <link rel="icon" href="/assets/waymark.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/assets/app.css" />
        </head>
        <body class="govuk-template__body">
          <script nonce={props.nonce}>
            {raw("document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');")}
          </script>
          <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
            Skip to main content
          </a>
          <header class="govuk-template__header">
            <div class="govuk-generic-header">
              <div class="govuk-generic-header__container govuk-width-container">
                <div class="govuk-generic-header__logo">
                  <a href="/" class="govuk-generic-header__homepage-link">
                    {props.organisationName}
                  </a>
                </div>
              </div>
            </div>
            <section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
              <div class="govuk-width-container">
                <div class="govuk-service-navigation__container">
                  <span class="govuk-service-navigation__service-name">
                    <a href="/" class="govuk-service-navigation__link">
                      Waymark
                    </a>
                  </span>
                  {props.navigation.length > 0 || props.navigationEnd ? (
                    <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                      {props.navigation.length > 1 ? (
                        <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">
                          Menu
                        </button>
                      ) : null}
                      <ul class="govuk-service-navigation__list" id="navigation">
                        {props.navigation.map((item) => (
                          <li class={`govuk-service-navigation__item${item.current ? ' govuk-service-navigation__item--active' : ''}`}>
                            <a class="govuk-service-navigation__link" href={item.href} aria-current={item.current ? 'page' : undefined}>
                              {item.current ? <strong class="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                            </a>
                          </li>
                        ))}
                        {props.navigationEnd}
                      </ul>
                    </nav>
                  ) : null}
                </div>
              </div>
            </section>
          </header>
          <div class="govuk-width-container">
            {/* In a landmark of its own, so the back link is not stray content (axe's "region" rule). */}
            {props.beforeContent ? <nav aria-label="Back">{props.beforeContent}</nav> : null}
            <main class="govuk-main-wrapper" id="main-content">
              {props.children}
            </main>
          </div>
          <footer class="govuk-footer">
            <div class="govuk-width-container">
              <div class="govuk-footer__meta">
                <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                  <h2 class="govuk-visually-hidden">Support links</h2>
                  <ul class="govuk-footer__inline-list">
                    <li class="govuk-footer__inline-list-item">
                      <a class="govuk-footer__link" href="/accessibility">Accessibility statement</a>
                    </li>
                    <li class="govuk-footer__inline-list-item">
                      <a class="govuk-footer__link" href="/privacy">Privacy notice</a>
                    </li>
                  </ul>
                  <p class="govuk-body-s">Waymark is open-source software for leadership development in schools.</p>
                </div>
              </div>
            </div>
          </footer>
          <script type="module" nonce={props.nonce} src="/assets/app.js"></script>
        </body>
      </html>
    </>
  );
}
