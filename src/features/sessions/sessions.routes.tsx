import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { londonWallClock } from '../../platform/dates';
import { access, isProgrammeLead, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, readFormWithLists, validate, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { cancelForm, fileMaterialTitle, linkMaterialForm, MAX_MATERIAL_BYTES, parseSkillIds, readSessionForm } from './sessions.schemas';
import {
  addFileMaterial,
  addLinkMaterial,
  bookPlace,
  cancelPlace,
  cancelSession,
  createSession,
  editSession,
  getCohortSessions,
  getFacilitatorPicker,
  getManagedSession,
  getMaterialsSession,
  getSessionFormChoices,
  getSessionPage,
  getUpcomingEvents,
  getYourSessions,
  readMaterialFile,
  removeMaterial,
} from './sessions.service';
import { CancelSessionPage, MaterialsFormPage, SessionFormPage, type SessionFormChoices } from './views/forms';
import { CohortSessionsPage, EventsPage, SessionPage, YourSessionsPage } from './views/pages';

/** Sessions, open events, attendance, check-in and calendars. */
export const sessionRoutes = new Hono<AppEnv>();

/** A form's values (the last of each name) and its repeated values (checkboxes, selects) by name. */
// ----- Forms for sessions and events (organisation admins and programme leads) -----

interface FormPageOptions {
  caption: string;
  heading: string;
  action: string;
  values: FormValues;
  skillIds: string[];
  facilitatorIds: string[];
  choices: SessionFormChoices;
  errors?: FieldErrors;
  isEvent: boolean;
  isNew: boolean;
  cancelHref: string;
}

/** The form, with the facilitators chosen so far and, after "Search staff", the staff the search found. */
async function sessionFormPage(c: Context<AppEnv>, options: FormPageOptions, search: string | null = null) {
  const viewer = requireViewer(c.get('viewer'));
  const picker = await getFacilitatorPicker(c.get('deps'), viewer, options.facilitatorIds, search);
  return renderPage(
    c,
    { title: options.heading, hasErrors: !!options.errors, beforeContent: <BackLink href={options.cancelHref} text="Back" /> },
    <SessionFormPage {...options} picker={{ ...picker, search: search ?? '' }} />,
  );
}

/**
 * Reads and saves the session form; on bad input, the same form again with its errors (400). The
 * "Search staff" button posts the same form: it is shown again, as typed, with the staff found.
 */
async function submitSessionForm(
  c: Context<AppEnv>,
  options: Omit<FormPageOptions, 'values' | 'skillIds' | 'facilitatorIds' | 'errors'>,
  save: (form: Extract<ReturnType<typeof readSessionForm>, { ok: true }>['data']) => Promise<string>,
) {
  const { values, list } = await readFormWithLists(c);
  const skillIds = list('skillIds');
  const facilitatorIds = [...new Set(list('facilitatorIds').filter(Boolean))];
  const again = (errors?: FieldErrors, search: string | null = null) => sessionFormPage(c, { ...options, values, skillIds, facilitatorIds, errors }, search);
  if (values.findFacilitators !== undefined) {
    const search = (values.facilitatorSearch ?? '').trim().slice(0, 100);
    if (!search) return again({ facilitatorSearch: 'Enter a name, email address, job title or school to search for' });
    return again(undefined, search);
  }
  const form = readSessionForm(values, { skillIds, facilitatorIds }, { isEvent: options.isEvent, allowSeries: options.isNew && !options.isEvent });
  if (!form.ok) return again(form.errors);
  try {
    return c.redirect(await save(form.data), 303);
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
}

sessionRoutes.get('/cohorts/:cohortId/sessions', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getCohortSessions(c.get('deps'), viewer, c.req.param('cohortId'));
  return renderPage(
    c,
    {
      title: `Sessions, ${data.cohort.name}, ${data.cohort.programme_title}`,
      beforeContent: <BackLink href={`/cohorts/${data.cohort.id}`} text={data.cohort.name} />,
    },
    <CohortSessionsPage data={data} />,
  );
});

function newSessionOptions(cohort: { id: string; name: string; programme_title: string }, choices: SessionFormChoices) {
  return {
    caption: `${cohort.programme_title}, ${cohort.name}`,
    heading: 'Add a session',
    action: `/cohorts/${cohort.id}/sessions`,
    choices,
    isEvent: false,
    isNew: true,
    cancelHref: `/cohorts/${cohort.id}/sessions`,
  };
}

sessionRoutes.get('/cohorts/:cohortId/sessions/new', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { cohort, ...choices } = await getSessionFormChoices(c.get('deps'), viewer, { cohortId: c.req.param('cohortId') });
  if (!cohort) throw new Error('unreachable: a cohort was asked for');
  return sessionFormPage(c, { ...newSessionOptions(cohort, choices), values: { mode: 'in_person' }, skillIds: [], facilitatorIds: [] });
});

sessionRoutes.post('/cohorts/:cohortId/sessions', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { cohort, ...choices } = await getSessionFormChoices(deps, viewer, { cohortId: c.req.param('cohortId') });
  if (!cohort) throw new Error('unreachable: a cohort was asked for');
  return submitSessionForm(
    c,
    newSessionOptions(cohort, choices),
    async (form) => `/sessions/${await createSession(deps, viewer, cohort.id, form, c.get('requestId'))}?done=created`,
  );
});

const eventBanners: Record<string, string> = { created: 'Event created' };

sessionRoutes.get('/events', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const events = await getUpcomingEvents(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Events' },
    <EventsPage events={events} canCreate={isProgrammeLead(viewer)} banner={eventBanners[c.req.query('done') ?? '']} />,
  );
});

const newEventOptions = (choices: SessionFormChoices) => ({
  caption: 'Open events',
  heading: 'Add an event',
  action: '/events',
  choices,
  isEvent: true,
  isNew: true,
  cancelHref: '/events',
});

sessionRoutes.get('/events/new', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { skills } = await getSessionFormChoices(c.get('deps'), viewer, { cohortId: null });
  return sessionFormPage(c, { ...newEventOptions({ skills }), values: { mode: 'in_person' }, skillIds: [], facilitatorIds: [] });
});

sessionRoutes.post('/events', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { skills } = await getSessionFormChoices(deps, viewer, { cohortId: null });
  return submitSessionForm(
    c,
    newEventOptions({ skills }),
    async (form) => `/sessions/${await createSession(deps, viewer, null, form, c.get('requestId'))}?done=created`,
  );
});

// ----- Anyone's own sessions, and one session -----

sessionRoutes.get('/sessions', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const sessions = await getYourSessions(c.get('deps'), viewer);
  return renderPage(c, { title: 'Your sessions' }, <YourSessionsPage sessions={sessions} />);
});

const sessionBanners: Record<string, string> = {
  created: 'Saved. Nobody is told about a new session; it appears in participants’ sessions and calendars',
  saved: 'Changes saved',
  cancelled: 'Cancelled. Everyone affected has been told',
  booked: 'You have a place',
  waiting: 'You are on the waiting list',
  'place-cancelled': 'Your place is cancelled',
  'left-waiting-list': 'You have left the waiting list',
  material: 'Material added',
  removed: 'Material removed',
};

sessionRoutes.get('/sessions/:sessionId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const view = await getSessionPage(c.get('deps'), viewer, c.req.param('sessionId'));
  const back = view.isEvent
    ? { href: '/events', text: 'Events' }
    : view.canManage && view.session.cohort_id
      ? { href: `/cohorts/${view.session.cohort_id}/sessions`, text: 'Sessions' }
      : { href: '/sessions', text: 'Your sessions' };
  return renderPage(
    c,
    { title: view.session.title, beforeContent: <BackLink href={back.href} text={back.text} /> },
    <SessionPage view={view} banner={sessionBanners[c.req.query('done') ?? '']} />,
  );
});

async function editOptions(c: Context<AppEnv>, sessionId: string) {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const managed = await getManagedSession(deps, viewer, sessionId);
  const { skills } = await getSessionFormChoices(deps, viewer, { cohortId: managed.session.cohort_id });
  const s = managed.session;
  const options = {
    caption: s.cohort_id ? `${s.programme_title ?? ''}, ${s.cohort_name ?? ''}` : 'Open events',
    heading: `Change ${s.title}`,
    action: `/sessions/${s.id}`,
    choices: { skills },
    isEvent: s.cohort_id === null,
    isNew: false,
    cancelHref: `/sessions/${s.id}`,
  };
  return { managed, options };
}

sessionRoutes.get('/sessions/:sessionId/edit', access('programme-lead'), async (c) => {
  const { managed, options } = await editOptions(c, c.req.param('sessionId'));
  const s = managed.session;
  if (s.status === 'cancelled') return c.redirect(`/sessions/${s.id}`, 303);
  const start = londonWallClock(s.starts_at);
  const [year = '', month = '', day = ''] = start.date.split('-');
  const values: FormValues = {
    kind: s.kind,
    title: s.title,
    description: s.description,
    'date-day': String(Number(day)),
    'date-month': String(Number(month)),
    'date-year': year,
    startTime: start.time,
    endTime: londonWallClock(s.ends_at).time,
    mode: s.mode,
    venue: s.venue ?? '',
    onlineUrl: s.online_url ?? '',
    capacity: s.capacity === null ? '' : String(s.capacity),
  };
  return sessionFormPage(c, { ...options, values, skillIds: parseSkillIds(s.skill_ids), facilitatorIds: managed.facilitatorIds });
});

sessionRoutes.post('/sessions/:sessionId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { managed, options } = await editOptions(c, c.req.param('sessionId'));
  return submitSessionForm(c, options, async (form) => {
    await editSession(c.get('deps'), viewer, managed.session.id, form, c.get('requestId'));
    return `/sessions/${managed.session.id}?done=saved`;
  });
});

sessionRoutes.get('/sessions/:sessionId/cancel', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { session } = await getManagedSession(c.get('deps'), viewer, c.req.param('sessionId'));
  if (session.status === 'cancelled') return c.redirect(`/sessions/${session.id}`, 303);
  return renderPage(
    c,
    { title: `Cancel ${session.title}`, beforeContent: <BackLink href={`/sessions/${session.id}`} text="Back" /> },
    <CancelSessionPage session={session} values={{}} />,
  );
});

sessionRoutes.post('/sessions/:sessionId/cancel', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { session } = await getManagedSession(deps, viewer, c.req.param('sessionId'));
  const values = await readForm(c);
  const form = validate(cancelForm, values);
  if (!form.ok)
    return renderPage(
      c,
      { title: `Cancel ${session.title}`, hasErrors: true, beforeContent: <BackLink href={`/sessions/${session.id}`} text="Back" /> },
      <CancelSessionPage session={session} values={values} errors={form.errors} />,
    );
  await cancelSession(deps, viewer, session.id, form.data.reason, c.get('requestId'));
  return c.redirect(`/sessions/${session.id}?done=cancelled`, 303);
});

// ----- Booking open events -----

sessionRoutes.post('/sessions/:sessionId/book', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const status = await bookPlace(c.get('deps'), viewer, c.req.param('sessionId'));
  return c.redirect(`/sessions/${c.req.param('sessionId')}?done=${status}`, 303);
});

sessionRoutes.post('/sessions/:sessionId/booking/cancel', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const had = await cancelPlace(c.get('deps'), viewer, c.req.param('sessionId'));
  return c.redirect(`/sessions/${c.req.param('sessionId')}?done=${had === 'waiting' ? 'left-waiting-list' : 'place-cancelled'}`, 303);
});

// ----- Materials -----

async function materialsPage(c: Context<AppEnv>, sessionId: string, options: { values?: FormValues; errors?: FieldErrors; status?: 400 | 413 } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const session = await getMaterialsSession(c.get('deps'), viewer, sessionId);
  return renderPage(
    c,
    {
      title: `Add materials, ${session.title}`,
      hasErrors: !!options.errors,
      status: options.status,
      beforeContent: <BackLink href={`/sessions/${session.id}`} text="Back" />,
    },
    <MaterialsFormPage session={session} values={options.values ?? {}} errors={options.errors} />,
  );
}

sessionRoutes.get('/sessions/:sessionId/materials/new', access('signed-in'), (c) => materialsPage(c, c.req.param('sessionId')));

// app.tsx leaves this path out of its 1 MB limit: uploads may be 10 MB (plus room for the form
// around the file); a larger body gets the form again with a message.
const FORM_ENVELOPE_BYTES = 64 * 1024;
const materialBodyLimit = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: MAX_MATERIAL_BYTES + FORM_ENVELOPE_BYTES,
    onError: () => materialsPage(c, c.req.param('sessionId') ?? '', { errors: { file: 'The selected file must be smaller than 10 MB' }, status: 413 }),
  })(c, next),
);

sessionRoutes.post('/sessions/:sessionId/materials', access('signed-in'), materialBodyLimit, async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const sessionId = c.req.param('sessionId');
  await getMaterialsSession(deps, viewer, sessionId);
  const { values, file } = await readFormWithLists(c);
  const upload = file('file');
  const again = (errors: FieldErrors) => materialsPage(c, sessionId, { values, errors });
  try {
    if (values.kind === 'file' || upload) {
      const title = validate(fileMaterialTitle, { fileTitle: values.fileTitle ?? '' });
      if (!title.ok) return again(title.errors);
      // A browser sends an empty, nameless file when none was chosen.
      if (!upload || (!upload.name && upload.size === 0)) return again({ file: 'Select a file' });
      if (upload.size === 0) return again({ file: 'The selected file is empty' });
      await addFileMaterial(
        deps,
        viewer,
        sessionId,
        { title: title.data.fileTitle, fileName: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) },
        c.get('requestId'),
      );
    } else {
      const link = validate(linkMaterialForm, values);
      if (!link.ok) return again(link.errors);
      await addLinkMaterial(deps, viewer, sessionId, { title: link.data.linkTitle, url: link.data.url }, c.get('requestId'));
    }
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
  return c.redirect(`/sessions/${sessionId}?done=material`, 303);
});

sessionRoutes.post('/sessions/:sessionId/materials/:materialId/remove', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await removeMaterial(c.get('deps'), viewer, c.req.param('sessionId'), c.req.param('materialId'), c.get('requestId'));
  return c.redirect(`/sessions/${c.req.param('sessionId')}?done=removed`, 303);
});

sessionRoutes.get('/sessions/:sessionId/materials/:materialId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { file, bytes } = await readMaterialFile(c.get('deps'), viewer, c.req.param('sessionId'), c.req.param('materialId'));
  const asciiName = file.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': file.content_type,
    'Content-Length': String(bytes.byteLength),
    'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
});
