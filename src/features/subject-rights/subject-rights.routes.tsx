import { type Context, Hono } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Conflict, type FieldErrors, Invalid } from '../../platform/http/errors';
import { readFormWithLists } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import {
  downloadExport,
  erasePerson,
  findPersonIdByEmail,
  getErasure,
  getErasureJob,
  getOverview,
  getPersonPage,
  requestExport,
} from './subject-rights.service';
import { ErasureJobView, ErasureView, EraseView, OverviewView, PersonView } from './views/subject-rights';

/** Subject access exports and erasures: organisation admins only. */
export const subjectRightsRoutes = new Hono<AppEnv>();

async function overviewPage(c: Context<AppEnv>, posted?: { email: string; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getOverview(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Subject access and erasure', hasErrors: !!posted },
    <OverviewView data={data} email={posted?.email} errors={posted?.errors} />,
  );
}

subjectRightsRoutes.get('/subject-rights', access('org-admin'), (c) => overviewPage(c));

subjectRightsRoutes.get('/subject-rights/people', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const email = c.req.query('email') ?? '';
  try {
    const personId = await findPersonIdByEmail(c.get('deps'), viewer, email);
    return c.redirect(`/subject-rights/people/${personId}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return overviewPage(c, { email, errors: error.fieldErrors });
    throw error;
  }
});

subjectRightsRoutes.get('/subject-rights/people/:personId', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getPersonPage(c.get('deps'), viewer, c.req.param('personId'));
  const banner = c.req.query('requested') === '1' ? 'Export requested. It will be ready to download here in a few minutes.' : undefined;
  return renderPage(
    c,
    { title: `Subject access and erasure: ${page.person.name}`, beforeContent: <BackLink href="/subject-rights" text="Subject access and erasure" /> },
    <PersonView page={page} banner={banner} />,
  );
});

subjectRightsRoutes.post('/subject-rights/people/:personId/exports', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const personId = c.req.param('personId');
  await requestExport(c.get('deps'), viewer, personId);
  return c.redirect(`/subject-rights/people/${personId}?requested=1`, 303);
});

subjectRightsRoutes.get('/subject-rights/exports/:exportId/download', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { bytes, fileName } = await downloadExport(c.get('deps'), viewer, c.req.param('exportId'), c.get('requestId'));
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'no-store',
  });
});

async function erasePage(c: Context<AppEnv>, posted?: { values: { credentials: string; confirmed: boolean }; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getPersonPage(c.get('deps'), viewer, c.req.param('personId') ?? '');
  if (page.person.status === 'being_erased') throw new Conflict('This person is already being erased.');
  return renderPage(
    c,
    {
      title: `Erase ${page.person.name}`,
      hasErrors: !!posted,
      beforeContent: <BackLink href={`/subject-rights/people/${page.person.id}`} text={page.person.name} />,
    },
    <EraseView page={page} values={posted?.values ?? {}} errors={posted?.errors} />,
  );
}

subjectRightsRoutes.get('/subject-rights/people/:personId/erase', access('org-admin'), (c) => erasePage(c));

subjectRightsRoutes.post('/subject-rights/people/:personId/erase', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const body = await readFormWithLists(c);
  const values = { credentials: body.values.credentials ?? '', confirmed: body.list('confirmed').includes('yes') };
  try {
    const jobId = await erasePerson(c.get('deps'), viewer, c.req.param('personId'), values, c.get('requestId'));
    return c.redirect(`/subject-rights/erasure-jobs/${jobId}?started=1`, 303);
  } catch (error) {
    if (error instanceof Invalid) return erasePage(c, { values, errors: error.fieldErrors });
    throw error;
  }
});

// How far an erasure has gone; the worker carries it out.
subjectRightsRoutes.get('/subject-rights/erasure-jobs/:jobId', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const job = await getErasureJob(c.get('deps'), viewer, c.req.param('jobId'));
  return renderPage(
    c,
    { title: `Erasure ${job.reference}`, beforeContent: <BackLink href="/subject-rights" text="Subject access and erasure" /> },
    <ErasureJobView job={job} justStarted={c.req.query('started') === '1'} />,
  );
});

subjectRightsRoutes.get('/subject-rights/erasures/:erasureId', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getErasure(c.get('deps'), viewer, c.req.param('erasureId'));
  return renderPage(
    c,
    { title: `Erasure ${data.erasure.id.slice(-8)}`, beforeContent: <BackLink href="/subject-rights" text="Subject access and erasure" /> },
    <ErasureView data={data} justDone={c.req.query('done') === '1'} />,
  );
});
