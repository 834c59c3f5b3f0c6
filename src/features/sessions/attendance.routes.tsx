import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import {
  assertCanSeeForCheckIn,
  assertCanTakeRegister,
  checkIn,
  getCheckIn,
  getCheckInCode,
  getRegister,
  markAllPresent,
  saveRegister,
} from './attendance.service';
import { CheckInCodePage, CheckInPageView } from './views/check-in';
import { RegisterPage } from './views/register';
import { registerCsv } from './views/register-csv';
import { sendCsv } from '../../platform/http/csv-download';
import { qrCodeSvg } from '../../platform/documents/lazy';

/** The register, the facilitator's check-in code and participants' self check-in. */
export const attendanceRoutes = new Hono<AppEnv>();

// ----- Register (facilitators and programme leads) -----

async function registerPage(c: Context<AppEnv>, values?: FormValues, errors?: FieldErrors) {
  const viewer = requireViewer(c.get('viewer'));
  const register = await getRegister(c.get('deps'), viewer, c.req.param('sessionId') ?? '');
  const done = c.req.query('done');
  const banner = errors
    ? undefined
    : done === 'saved'
      ? 'The register is saved'
      : done === 'all-present'
        ? 'Everyone not marked yet is marked present'
        : undefined;
  return renderPage(
    c,
    { title: `Register: ${register.session.title}`, hasErrors: !!errors, beforeContent: <BackLink href={`/sessions/${register.session.id}`} text="Session" /> },
    <RegisterPage register={register} values={values} errors={errors} banner={banner} />,
  );
}

attendanceRoutes.get('/sessions/:sessionId/register', access('signed-in'), (c) => registerPage(c));

// The register as a CSV file: each person with their mark, for the same people as the page.
attendanceRoutes.get('/sessions/:sessionId/register.csv', access('signed-in'), async (c) => {
  const register = await getRegister(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('sessionId'));
  return sendCsv(c, registerCsv(register));
});

attendanceRoutes.post('/sessions/:sessionId/register', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('sessionId');
  // Who may do this is settled before the form is read, so others get 403/404 rather than a form error.
  await assertCanTakeRegister(deps, viewer, id);
  const values = await readForm(c);
  try {
    await saveRegister(deps, viewer, id, values, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return registerPage(c, values, error.fieldErrors);
    throw error;
  }
  return c.redirect(`/sessions/${id}/register?done=saved`, 303);
});

attendanceRoutes.post('/sessions/:sessionId/register/all-present', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('sessionId');
  await markAllPresent(c.get('deps'), viewer, id, c.get('requestId'));
  return c.redirect(`/sessions/${id}/register?done=all-present`, 303);
});

// ----- The facilitator's rotating code -----

attendanceRoutes.get('/sessions/:sessionId/check-in-code', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const view = await getCheckInCode(c.get('deps'), viewer, c.req.param('sessionId'));
  const refreshing = c.req.query('refresh') !== 'off';
  const live = view.window !== 'closed' && !view.session.cancelled;
  // The HTTP Refresh header reloads the page as the code changes. A <meta http-equiv="refresh"> would
  // do the same, but axe fails any timed meta refresh (WCAG 2.2.1); the page offers a way to stop it.
  if (refreshing && live) c.header('Refresh', String(view.refreshInSeconds + 1));
  c.header('Cache-Control', 'no-store');
  const qrSvg = view.code ? await qrCodeSvg(view.checkInUrl, 'QR code: scan it to open the check-in page with this code', { width: 256 }) : null;
  return renderPage(
    c,
    { title: `Check-in code: ${view.session.title}`, beforeContent: <BackLink href={`/sessions/${view.session.id}`} text="Session" /> },
    <CheckInCodePage view={view} refreshing={refreshing} qrSvg={qrSvg} />,
  );
});

// ----- Participants check in -----

attendanceRoutes.get('/sessions/:sessionId/check-in', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getCheckIn(c.get('deps'), viewer, c.req.param('sessionId'));
  const code = (c.req.query('code') ?? '').replace(/[^\d]/g, '').slice(0, 6);
  return renderPage(
    c,
    { title: `Check in: ${page.session.title}`, beforeContent: <BackLink href={`/sessions/${page.session.id}`} text="Session" /> },
    <CheckInPageView page={page} code={code} done={c.req.query('done') === 'checked-in'} />,
  );
});

attendanceRoutes.post('/sessions/:sessionId/check-in', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('sessionId');
  // Who may do this is settled before the form is read, as for the register.
  await assertCanSeeForCheckIn(deps, viewer, id);
  const code = (await readForm(c)).code ?? '';
  const result = await checkIn(deps, viewer, id, code);
  if (result.ok) return c.redirect(`/sessions/${id}/check-in?done=checked-in`, 303);
  if (result.locked) c.header('Retry-After', String(result.locked.retryAfterSeconds));
  // A wrong code is a form error (400); too many is 429; a session not open for check-in (or already marked) is a clash with its state (409).
  const status = result.locked ? 429 : result.error ? 400 : 409;
  return renderPage(
    c,
    { title: `Check in: ${result.page.session.title}`, hasErrors: !!result.error, status, beforeContent: <BackLink href={`/sessions/${id}`} text="Session" /> },
    <CheckInPageView page={result.page} code={code.replace(/[^\d]/g, '').slice(0, 6)} error={result.error} />,
  );
});
