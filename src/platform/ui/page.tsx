import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../http/env';
import { Layout } from './layout';
import { navigationFor } from './navigation';

export interface PageOptions {
  title: string;
  hasErrors?: boolean;
  beforeContent?: Child;
  status?: 200 | 400 | 403 | 404 | 409 | 413 | 422 | 429 | 500;
}

/** The name shown in the header: the viewer's organisation, or the install's only one. */
export function headerName(c: Context<AppEnv>): string {
  return c.get('viewer')?.organisationName ?? c.get('headerName') ?? 'Waymark';
}

/** The sign-out button that ends the navigation of anyone signed in: the same on every page, so made once. */
const SIGN_OUT = String(
  <li class="govuk-service-navigation__item">
    <form method="post" action="/sign-out">
      <button type="submit" class="waymark-link-button govuk-service-navigation__link">
        Sign out
      </button>
    </form>
  </li>,
);

/** Renders a full page inside the layout, with navigation for the signed-in person. */
export function renderPage(c: Context<AppEnv>, options: PageOptions, content: Child) {
  const viewer = c.get('viewer');
  const path = new URL(c.req.url).pathname;
  const personal = !viewer && Boolean(c.get('personal'));
  // A plain string, not the element (a String object): the server sends a string as it is, but reads
  // anything else into a stream first.
  const html = String(
    <Layout
      title={options.title}
      organisationName={headerName(c)}
      navigation={navigationFor(c.get('deps').navigation, viewer, path, c.get('navigationCounts'), personal)}
      navigationEnd={viewer || personal ? SIGN_OUT : undefined}
      beforeContent={options.beforeContent}
      hasErrors={options.hasErrors}
      nonce={c.get('secureHeadersNonce')}
    >
      {content}
    </Layout>,
  );
  return c.html(html, options.status ?? (options.hasErrors ? 400 : 200));
}
