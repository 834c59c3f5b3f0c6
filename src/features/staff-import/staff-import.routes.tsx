import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { access, isOrgAdmin, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, PayloadTooLarge, type FieldErrors } from '../../platform/http/errors';
import { readBody, readForm } from '../../platform/http/forms';
import { requestContext } from '../../platform/http/request';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import {
  discardStaffImport,
  applyStaffImport,
  importSchoolChoices,
  listRecentStaffImports,
  maxUploadBytes,
  saveColumnMapping,
  showStaffImport,
  tooLargeMessage,
  uploadStaffFile,
} from './staff-import.service';
import { mappingValues } from './staff-import.schemas';
import { MappingPage } from './views/mapping';
import { PreviewPage, ResultPage } from './views/preview';
import { UploadPage } from './views/upload';

export const staffImportRoutes = new Hono<AppEnv>();

// app.tsx leaves /import paths out of its 1 MB limit so that these routes set their own: the
// upload allows IMPORT_MAX_MB (plus room for the form around the file) and answers an oversized
// file with the upload page itself; the other forms keep 1 MB.
const FORM_ENVELOPE_BYTES = 64 * 1024;
const uploadBodyLimit = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: maxUploadBytes(c.get('deps')) + FORM_ENVELOPE_BYTES,
    onError: () => uploadPage(c, { errors: { file: tooLargeMessage(c.get('deps')) }, status: 413 }),
  })(c, next),
);
const formBodyLimit = bodyLimit({
  maxSize: 1024 * 1024,
  onError: () => {
    throw new PayloadTooLarge('The form was too large to accept.');
  },
});

async function uploadPage(
  c: Context<AppEnv>,
  options: { values?: { defaultSchoolId?: string }; errors?: FieldErrors; status?: 400 | 413; discarded?: boolean },
) {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const [schools, recent] = await Promise.all([importSchoolChoices(deps, viewer), listRecentStaffImports(deps, viewer)]);
  return renderPage(
    c,
    { title: 'Import staff', hasErrors: !!options.errors, status: options.status },
    <UploadPage
      schools={schools}
      schoolOptional={isOrgAdmin(viewer)}
      values={options.values ?? {}}
      errors={options.errors}
      recent={recent}
      maxMegabytes={deps.config.IMPORT_MAX_MB}
      discarded={options.discarded}
    />,
  );
}

staffImportRoutes.get('/import', access('staff-admin'), (c) => uploadPage(c, { discarded: c.req.query('discarded') === '1' }));

staffImportRoutes.post('/import', access('staff-admin'), uploadBodyLimit, async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const body = await readBody(c);
  const values = { defaultSchoolId: typeof body.defaultSchoolId === 'string' ? body.defaultSchoolId : '' };
  const file = Array.isArray(body.file) ? body.file[0] : body.file;
  // Without a chosen file, browsers still send the field: an empty part with no file name.
  if (!(file instanceof File) || (file.name === '' && file.size === 0)) return uploadPage(c, { values, errors: { file: 'Select a CSV file' } });
  try {
    const upload = await uploadStaffFile(c.get('deps'), viewer, {
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      defaultSchoolId: values.defaultSchoolId || null,
    });
    return c.redirect(`/import/${upload.id}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return uploadPage(c, { values, errors: error.fieldErrors });
    if (error instanceof PayloadTooLarge) return uploadPage(c, { values, errors: { file: error.message }, status: 413 });
    throw error;
  }
});

const backToImports = <BackLink href="/import" text="Back" />;

staffImportRoutes.get('/import/:importId', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await showStaffImport(c.get('deps'), viewer, c.req.param('importId'));
  const i = page.staffImport;
  if (page.kind === 'mapping') {
    return renderPage(
      c,
      { title: 'Match the columns in your file', beforeContent: backToImports },
      <MappingPage importId={i.id} fileName={i.file_name} headers={page.headers} samples={page.samples} mapping={page.mapping} missing={page.missing} />,
    );
  }
  if (page.kind === 'preview') {
    return renderPage(
      c,
      { title: 'Check the import', beforeContent: backToImports },
      <PreviewPage
        importId={i.id}
        fileName={i.file_name}
        uploadedAt={i.created_at}
        defaultSchoolName={page.defaultSchoolName}
        mapping={page.mapping}
        staffTypeForFile={page.staffTypeForFile}
        unusedColumns={page.unusedColumns}
        plan={page.plan}
        rowCount={page.rowCount}
      />,
    );
  }
  const justApplied = c.req.query('applied') === '1';
  return renderPage(
    c,
    { title: justApplied ? 'Import complete' : `Import of ${i.file_name}`, beforeContent: justApplied ? undefined : backToImports },
    <ResultPage fileName={i.file_name} appliedAt={i.applied_at} summary={page.summary} justApplied={justApplied} />,
  );
});

staffImportRoutes.get('/import/:importId/mapping', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('importId');
  const page = await showStaffImport(c.get('deps'), viewer, id, { mapping: true });
  if (page.kind !== 'mapping') return c.redirect(`/import/${id}`, 303);
  const i = page.staffImport;
  return renderPage(
    c,
    { title: 'Match the columns in your file', beforeContent: <BackLink href={`/import/${id}`} text="Back" /> },
    <MappingPage importId={i.id} fileName={i.file_name} headers={page.headers} samples={page.samples} mapping={page.mapping} missing={page.missing} />,
  );
});

staffImportRoutes.post('/import/:importId/mapping', access('staff-admin'), formBodyLimit, async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('importId');
  const values = await readForm(c);
  try {
    await saveColumnMapping(deps, viewer, id, values);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const page = await showStaffImport(deps, viewer, id, { mapping: true });
    if (page.kind !== 'mapping') throw error;
    const i = page.staffImport;
    return renderPage(
      c,
      { title: 'Match the columns in your file', hasErrors: true, beforeContent: backToImports },
      <MappingPage
        importId={i.id}
        fileName={i.file_name}
        headers={page.headers}
        samples={page.samples}
        mapping={mappingValues(values)}
        missing={[]}
        errors={error.fieldErrors}
      />,
    );
  }
  return c.redirect(`/import/${id}`, 303);
});

staffImportRoutes.post('/import/:importId/discard', access('staff-admin'), formBodyLimit, async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await discardStaffImport(c.get('deps'), viewer, c.req.param('importId'));
  return c.redirect('/import?discarded=1', 303);
});

staffImportRoutes.post('/import/:importId/apply', access('staff-admin'), formBodyLimit, async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('importId');
  const { requestId, ipAddress } = requestContext(c);
  await applyStaffImport(c.get('deps'), viewer, id, { requestId, ipAddress });
  return c.redirect(`/import/${id}?applied=1`, 303);
});
