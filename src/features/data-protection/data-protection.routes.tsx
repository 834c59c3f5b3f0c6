import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { headerName, renderPage } from '../../platform/ui/page';
import { auditLogQuery } from './data-protection.schemas';
import * as s from './data-protection.service';
import { AuditLogView, DataProtectionHome, PrivacyNoticeView, RetentionView } from './views/pages';

/** Data protection: the audit log, retention periods, the privacy notice and the record of processing. Who may do what is in data-protection.policy.ts. */
export const dataProtectionRoutes = new Hono<AppEnv>();

const back = <BackLink href="/data-protection" text="Data protection" />;

/** A response that sends the lines as they are read (the audit log can be long), UTF-8. */
function streamed(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}

function csv(c: Context<AppEnv>, body: string | ReadableStream<Uint8Array>, fileName: string) {
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'private, no-store',
  });
}

dataProtectionRoutes.get('/data-protection', access('data-protection'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const home = await s.getDataProtectionHome(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Data protection' },
    <DataProtectionHome canChange={home.canChange} erasures={home.erasures} canOpenErasures={home.isOrgAdmin} />,
  );
});

// Read-only for everyone: the log has no route that changes or deletes it (see data-protection.test.ts).
dataProtectionRoutes.get('/data-protection/audit-log', access('data-protection'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const query = auditLogQuery.parse(c.req.query());
  const page = await s.getAuditLogPage(c.get('deps'), viewer, query);
  const hasErrors = Object.keys(page.errors).length > 0;
  return renderPage(c, { title: 'Audit log', hasErrors, status: hasErrors ? 400 : 200, beforeContent: back }, <AuditLogView page={page} query={query} />);
});

dataProtectionRoutes.get('/data-protection/audit-log.csv', access('data-protection'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const query = auditLogQuery.parse(c.req.query());
  try {
    const lines = await s.exportAuditLog(c.get('deps'), viewer, query, c.get('requestId'));
    return csv(c, streamed(lines), 'audit-log.csv');
  } catch (error) {
    // A filter naming someone not in the organisation: back to the page, which says so.
    if (error instanceof Invalid) {
      const page = await s.getAuditLogPage(c.get('deps'), viewer, query);
      return renderPage(c, { title: 'Audit log', hasErrors: true, status: 400, beforeContent: back }, <AuditLogView page={page} query={query} />);
    }
    throw error;
  }
});

async function retentionPage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const page = await s.getRetentionPage(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Retention', hasErrors: !!form, status: form ? 400 : 200, beforeContent: back },
    <RetentionView page={page} values={form?.values} errors={form?.errors} saved={c.req.query('done') === 'saved'} />,
  );
}
dataProtectionRoutes.get('/data-protection/retention', access('data-protection'), (c) => retentionPage(c));
dataProtectionRoutes.post('/data-protection/retention', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  try {
    await s.saveRetentionPeriods(c.get('deps'), viewer, values, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return retentionPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect('/data-protection/retention?done=saved', 303);
});

dataProtectionRoutes.get('/data-protection/record-of-processing.csv', access('data-protection'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return csv(c, await s.processingRecordCsv(c.get('deps'), viewer, c.get('requestId')), 'record-of-processing.csv');
});

// Public: anyone may read what Waymark keeps, signed in or not.
dataProtectionRoutes.get('/privacy', access('anyone'), async (c) => {
  const notice = await s.getPrivacyNotice(c.get('deps'));
  return renderPage(c, { title: 'Privacy notice' }, <PrivacyNoticeView notice={notice} organisationName={headerName(c)} />);
});
