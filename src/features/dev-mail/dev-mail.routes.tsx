import { Hono } from 'hono';
import { formatDateTime } from '../../platform/dates';
import { access } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { InsetText, SummaryCard, SummaryList } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';

/** Lists mail written to disk when no SMTP server is configured; 404 in production. */
export const devMailRoutes = new Hono<AppEnv>();

devMailRoutes.get('/dev/mail', access('development'), async (c) => {
  const emails = (await c.get('deps').mailer.list?.()) ?? [];
  return renderPage(
    c,
    { title: 'Sent email (development)' },
    <>
      <h1 class="govuk-heading-l">Sent email</h1>
      <InsetText text="No mail server is set up, so Waymark writes each email here instead of sending it. This page does not exist in production." />
      {emails.length === 0 ? <p class="govuk-body">No email has been sent yet.</p> : null}
      {emails.map((email) => (
        <SummaryCard title={{ text: email.subject }}>
          <SummaryList
            rows={[
              { key: { text: 'To' }, value: { text: email.to } },
              { key: { text: 'Sent' }, value: { text: formatDateTime(email.sentAt) } },
            ]}
          />
          <pre class="govuk-body waymark-email-body">{linkify(email.text)}</pre>
        </SummaryCard>
      ))}
    </>,
  );
});

/** Turns URLs in a plain-text email into links, so the demo's sign-in links can be clicked. */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/).map((part) =>
    /^https?:\/\//.test(part) ? (
      <a class="govuk-link" href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
