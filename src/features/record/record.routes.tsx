import { Hono, type Context } from 'hono';
import { access } from '../../platform/http/access';
import { type RecordHolder, recordHolderOf, recordHolderOfPersonal } from '../auth';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, Unauthenticated, type FieldErrors } from '../../platform/http/errors';
import { readFormWithLists, type FormValues } from '../../platform/http/forms';
import { clientAddress } from '../../platform/http/request';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { checkBundle } from './record.check';
import { renderRecordPdf } from './record.pdf';
import * as s from './record.service';
import { CheckBundleForm, CheckBundleResult } from './views/check';
import { ImportForm, ImportPreviewPage } from './views/import';
import * as imports from './record.import';
import { LinkGonePage, MyRecordPage, SharePage, SharedRecordPage, ShareFormPage } from './views/pages';

/** The person's own leadership record, the links they share it by, and what a reader of a link sees. */
export const recordRoutes = new Hono<AppEnv>();

/**
 * Whose record the signed-in person holds: a member of staff's (with every staff record linked to
 * their personal account), or, for someone signed in to their personal account only (a leaver), the
 * record their account keeps.
 */
async function holderOf(c: Context<AppEnv>): Promise<RecordHolder> {
  const { db } = c.get('deps');
  const viewer = c.get('viewer');
  if (viewer) return recordHolderOf(db, viewer);
  const personal = c.get('personal');
  const holder = personal ? await recordHolderOfPersonal(db, personal) : undefined;
  if (!holder) throw new Unauthenticated();
  return holder;
}

const BANNERS: Record<string, string> = {
  saved: 'Your record is saved',
  shared: 'Link created. Copy it and send it to the reader',
  revoked: 'Link revoked. It shows nothing to anyone who opens it',
  imported: 'The record file’s items are now in your record, each with where it came from',
  linked: 'Your accounts are linked: your leadership record is here, and your new organisation sees only what you share',
};

async function recordPage(c: Context<AppEnv>, form?: { values: FormValues; ticked: string[]; errors: FieldErrors }) {
  const viewer = await holderOf(c);
  const data = await s.getMyRecord(c.get('deps'), viewer);
  const done = c.req.query('done');
  return renderPage(
    c,
    { title: 'Your leadership record', hasErrors: !!form },
    <MyRecordPage data={data} banner={done ? BANNERS[done] : undefined} values={form?.values} ticked={form?.ticked} errors={form?.errors} />,
  );
}

recordRoutes.get('/record', access('own-record'), (c) => recordPage(c));
recordRoutes.post('/record', access('own-record'), async (c) => {
  const viewer = await holderOf(c);
  const { values, list } = await readFormWithLists(c);
  try {
    await s.saveMyRecord(c.get('deps'), viewer, values, list('items'));
  } catch (error) {
    if (error instanceof Invalid) return recordPage(c, { values, ticked: list('items'), errors: error.fieldErrors });
    throw error;
  }
  return c.redirect('/record?done=saved', 303);
});

recordRoutes.get('/record/export.json', access('own-record'), async (c) => {
  const viewer = await holderOf(c);
  const bundle = await s.exportBundle(c.get('deps'), viewer, { includeTrn: c.req.query('trn') === 'yes' });
  return c.body(JSON.stringify(bundle, null, 2), 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': 'attachment; filename="leadership-record.json"',
    'cache-control': 'no-store',
  });
});

recordRoutes.get('/record/record.pdf', access('own-record'), async (c) => {
  const viewer = await holderOf(c);
  const deps = c.get('deps');
  const mine = await s.getMyRecord(deps, viewer);
  const pdf = await renderRecordPdf(mine.record, deps.config.BASE_URL, { madeOn: deps.clock.now().toISOString() });
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': 'attachment; filename="leadership-record.pdf"',
    'cache-control': 'no-store',
  });
});

async function shareFormPage(c: Context<AppEnv>, form?: { values: FormValues; leftOut: string[]; errors: FieldErrors }) {
  const viewer = await holderOf(c);
  const data = await s.getShareForm(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Share your record', hasErrors: !!form, beforeContent: <BackLink href="/record" text="Your leadership record" /> },
    <ShareFormPage form={data} values={form?.values ?? {}} leftOut={form?.leftOut ?? []} errors={form?.errors} />,
  );
}

recordRoutes.get('/record/shares/new', access('own-record'), (c) => shareFormPage(c));
recordRoutes.post('/record/shares/new', access('own-record'), async (c) => {
  const viewer = await holderOf(c);
  const { values, list } = await readFormWithLists(c);
  let id: string;
  try {
    id = await s.createShare(c.get('deps'), viewer, values, list('leaveOut'));
  } catch (error) {
    if (error instanceof Invalid) return shareFormPage(c, { values, leftOut: list('leaveOut'), errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/record/shares/${id}?done=shared`, 303);
});

recordRoutes.get('/record/shares/:shareId', access('own-record'), async (c) => {
  const viewer = await holderOf(c);
  const view = await s.getMyShare(c.get('deps'), viewer, c.req.param('shareId'));
  const done = c.req.query('done');
  return renderPage(
    c,
    { title: `${view.share.label}: shared link`, beforeContent: <BackLink href="/record" text="Your leadership record" /> },
    <SharePage view={view} banner={done ? BANNERS[done] : undefined} />,
  );
});

recordRoutes.post('/record/shares/:shareId/revoke', access('own-record'), async (c) => {
  const viewer = await holderOf(c);
  const id = c.req.param('shareId');
  await s.revokeMyShare(c.get('deps'), viewer, id);
  return c.redirect(`/record/shares/${id}?done=revoked`, 303);
});

recordRoutes.get('/shared/:shareToken', access('anyone'), async (c) => {
  const view = await s.openSharedLink(c.get('deps'), c.req.param('shareToken'), clientAddress(c), c.req.header('user-agent') ?? null);
  c.header('cache-control', 'no-store');
  c.header('x-robots-tag', 'noindex');
  if (view.state === 'gone') return renderPage(c, { title: 'This link is no longer available', status: 404 }, <LinkGonePage />);
  return renderPage(c, { title: `Leadership record: ${view.record.personName}` }, <SharedRecordPage record={view.record} expiresOn={view.share.expires_on} />);
});

// ----- Checking a record file (anyone) -----

recordRoutes.get('/record/check', access('anyone'), (c) => renderPage(c, { title: 'Check a leadership record file' }, <CheckBundleForm />));
recordRoutes.post('/record/check', access('anyone'), async (c) => {
  const { file } = await readFormWithLists(c);
  try {
    const check = await checkBundle(c.get('deps'), file('file'), clientAddress(c));
    return renderPage(c, { title: 'Leadership record check' }, <CheckBundleResult check={check} />);
  } catch (error) {
    if (error instanceof Invalid)
      return renderPage(c, { title: 'Check a leadership record file', hasErrors: true }, <CheckBundleForm errors={error.fieldErrors} />);
    throw error;
  }
});

// ----- Bringing a record file into your own record -----

function importForm(c: Context<AppEnv>, errors?: FieldErrors) {
  return renderPage(
    c,
    { title: 'Bring in a record file', hasErrors: !!errors, beforeContent: <BackLink href="/record" text="Your leadership record" /> },
    <ImportForm errors={errors} />,
  );
}

recordRoutes.get('/record/import', access('own-record'), (c) => importForm(c));
recordRoutes.post('/record/import', access('own-record'), async (c) => {
  const viewer = await holderOf(c);
  const { file } = await readFormWithLists(c);
  let id: string;
  try {
    id = await imports.startImport(c.get('deps'), viewer, file('file'), clientAddress(c));
  } catch (error) {
    if (error instanceof Invalid) return importForm(c, error.fieldErrors);
    throw error;
  }
  return c.redirect(`/record/import/${id}`, 303);
});

async function importPreview(c: Context<AppEnv>, errors?: FieldErrors) {
  const viewer = await holderOf(c);
  const preview = await imports.getImport(c.get('deps'), viewer, c.req.param('recordImportId') ?? '');
  if (preview.state === 'imported') return c.redirect('/record?done=imported', 303);
  return renderPage(
    c,
    { title: 'What the record file holds', hasErrors: !!errors, beforeContent: <BackLink href="/record/import" text="Bring in a record file" /> },
    <ImportPreviewPage id={preview.id} read={preview.read} errors={errors} />,
  );
}

recordRoutes.get('/record/import/:recordImportId', access('own-record'), (c) => importPreview(c));
recordRoutes.post('/record/import/:recordImportId', access('own-record'), async (c) => {
  const viewer = await holderOf(c);
  try {
    await imports.confirmImport(c.get('deps'), viewer, c.req.param('recordImportId'));
  } catch (error) {
    if (error instanceof Invalid) return importPreview(c, error.fieldErrors);
    throw error;
  }
  return c.redirect('/record?done=imported', 303);
});
