import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { GenericHeader, ServiceNavigation, SkipLink, type Html } from './components';

export interface NavigationItem {
  href: string;
  text: string;
  /** Trusted markup to show instead of `text` (for a visually hidden part). */
  html?: string;
  current?: boolean;
}

export interface LayoutProps {
  /** The page's own title; the organisation's name is added after it. */
  title: string;
  /** Shown in the header: the organisation using Waymark. */
  organisationName: string;
  navigation: NavigationItem[];
  /** Rendered at the end of the navigation (the sign-out form). */
  navigationEnd?: Html;
  /** Back link or breadcrumbs, above <main>. */
  beforeContent?: Child;
  /** When the page shows an error summary, "Error: " starts the title (GOV.UK pattern). */
  hasErrors?: boolean;
  nonce?: string;
  children?: Child;
}

/** The footer: the same on every page, so made once. Our own, because the govukFooter macro always carries the crown and Crown copyright. */
const FOOTER = (
  <footer class="govuk-footer">
    <div class="govuk-width-container">
      <div class="govuk-footer__meta">
        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
          <h2 class="govuk-visually-hidden">Support links</h2>
          <ul class="govuk-footer__inline-list">
            <li class="govuk-footer__inline-list-item">
              <a class="govuk-footer__link" href="/accessibility">
                Accessibility statement
              </a>
            </li>
            <li class="govuk-footer__inline-list-item">
              <a class="govuk-footer__link" href="/privacy">
                Privacy notice
              </a>
            </li>
          </ul>
          <p class="govuk-body-s">Waymark is open-source software for leadership development in schools.</p>
        </div>
      </div>
    </div>
  </footer>
);

/** How many rendered navigations are kept (one for each set of items and current page seen). */
const NAVIGATIONS_KEPT = 500;
const navigations = new Map<string, Child>();

/**
 * The service navigation. A person's navigation is the same on most of their pages, and rendering
 * it costs about 45 µs (an organisation admin's 22 items), so each one rendered is kept, by its
 * items, the page marked current and the end slot (when that is a string), and used again.
 */
function serviceNavigation(items: NavigationItem[], end: Html | undefined): Child {
  const render = () => (
    <ServiceNavigation
      serviceName="Waymark"
      serviceUrl="/"
      navigation={items.map((item) => ({ href: item.href, text: item.text, html: item.html, current: item.current }))}
      slots={end ? { navigationEnd: end } : undefined}
    />
  );
  if (end !== undefined && typeof end !== 'string') return render();
  const key = JSON.stringify([end ?? '', items.map((item) => [item.href, item.text, item.html ?? null, item.current === true])]);
  const kept = navigations.get(key);
  if (kept !== undefined) return kept;
  const made = render();
  if (navigations.size >= NAVIGATIONS_KEPT) {
    const oldest = navigations.keys().next();
    if (!oldest.done) navigations.delete(oldest.value);
  }
  navigations.set(key, made);
  return made;
}

/**
 * The page template: skip link, generic header (the organisation's name, no crown), service
 * navigation, footer. Mirrors govuk-frontend's template.njk; the footer is our own because the
 * govukFooter macro always carries the crown and Crown copyright.
 */
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
          <meta name="theme-color" content="#0b4144" />
          <link rel="icon" href="/assets/waymark.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/assets/app.css" />
        </head>
        <body class="govuk-template__body">
          <script nonce={props.nonce}>
            {raw("document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');")}
          </script>
          <SkipLink href="#main-content" text="Skip to main content" />
          <header class="govuk-template__header">
            <GenericHeader logoText={props.organisationName} />
            {serviceNavigation(props.navigation, props.navigationEnd)}
          </header>
          <div class="govuk-width-container">
            {/* In a landmark of its own, so the back link is not stray content (axe's "region" rule). */}
            {props.beforeContent ? <nav aria-label="Back">{props.beforeContent}</nav> : null}
            <main class="govuk-main-wrapper" id="main-content">
              {props.children}
            </main>
          </div>
          {FOOTER}
          <script type="module" nonce={props.nonce} src="/assets/app.js"></script>
        </body>
      </html>
    </>
  );
}
