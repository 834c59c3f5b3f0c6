import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { renderPage } from './page';

type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 429 | 500;

const copy: Record<ErrorStatus, { title: string; lines: string[] }> = {
  400: { title: 'Sorry, there is a problem with that request', lines: ['Go back, check what you entered and try again.'] },
  403: { title: 'You do not have permission to see this page', lines: ['If you think you should, ask your school’s Waymark administrator.'] },
  404: {
    title: 'Page not found',
    lines: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'],
  },
  409: { title: 'That could not be done', lines: [] },
  413: { title: 'The file is too large', lines: [] },
  429: { title: 'Too many attempts', lines: [] },
  500: { title: 'Sorry, there is a problem with the service', lines: ['Try again later.', 'Nothing you entered has been saved.'] },
};

/** A GOV.UK-style error page; `detail` is a plain message for the person (never a stack trace). */
export function renderErrorPage(c: Context<AppEnv>, status: ErrorStatus, detail?: string) {
  const page = copy[status];
  const requestId = c.get('requestId');
  return renderPage(
    c,
    { title: page.title, status },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{page.title}</h1>
        {detail && detail !== page.title ? <p class="govuk-body">{detail}</p> : null}
        {page.lines.map((line) => (
          <p class="govuk-body">{line}</p>
        ))}
        {status === 500 ? (
          <p class="govuk-body">
            If you contact support, give them this reference: <strong class="govuk-!-font-weight-bold">{requestId}</strong>
          </p>
        ) : null}
        <p class="govuk-body">
          <a href="/" class="govuk-link">
            Go to the home page
          </a>
        </p>
      </div>
    </div>,
  );
}
