import { type Context, Hono } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { type FieldErrors, Invalid } from '../../platform/http/errors';
import { readFormWithLists } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { type CeremonyForm, getCeremonyForm, getProgramme, listCeremonies, saveCeremony } from './graduation.service';
import { CeremoniesView, CeremonyFormView, ProgrammeView } from './views/graduation';

/** Graduation ceremonies: the cohorts each celebrates, its invitations, and its printable programme. */
export const graduationRoutes = new Hono<AppEnv>();

graduationRoutes.get('/graduations', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await listCeremonies(c.get('deps'), viewer);
  return renderPage(c, { title: 'Graduation ceremonies' }, <CeremoniesView {...data} />);
});

graduationRoutes.get('/graduations/:eventId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getProgramme(c.get('deps'), viewer, c.req.param('eventId'));
  const sent = c.req.query('invited');
  const banner =
    sent === undefined ? undefined : `Saved. ${sent === '0' ? 'Nobody new to invite.' : `${sent} ${sent === '1' ? 'invitation' : 'invitations'} sent.`}`;
  return renderPage(
    c,
    { title: `Programme: ${page.event.title}`, beforeContent: <BackLink href="/graduations" text="Graduation ceremonies" /> },
    <ProgrammeView page={page} banner={banner} />,
  );
});

async function formPage(c: Context<AppEnv>, posted?: { form: CeremonyForm; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getCeremonyForm(c.get('deps'), viewer, c.req.param('eventId') ?? '');
  return renderPage(
    c,
    {
      title: `Graduates and programme: ${data.event.title}`,
      hasErrors: !!posted,
      beforeContent: <BackLink href={`/graduations/${data.event.id}`} text="Programme" />,
    },
    <CeremonyFormView data={data} form={posted?.form ?? data.saved} errors={posted?.errors} />,
  );
}

graduationRoutes.get('/graduations/:eventId/edit', access('programme-lead'), (c) => formPage(c));

graduationRoutes.post('/graduations/:eventId/edit', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const eventId = c.req.param('eventId');
  const body = await readFormWithLists(c);
  const form: CeremonyForm = {
    cohortIds: body.list('cohortIds'),
    proceedings: body.values.proceedings ?? '',
    inviteLineManagers: body.list('inviteLineManagers').includes('yes'),
  };
  try {
    const { invited } = await saveCeremony(c.get('deps'), viewer, eventId, form);
    return c.redirect(`/graduations/${eventId}?invited=${invited}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return formPage(c, { form, errors: error.fieldErrors });
    throw error;
  }
});
