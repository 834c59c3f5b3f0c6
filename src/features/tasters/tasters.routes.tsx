import { type Context, Hono } from 'hono';
import { toCsvFile } from '../../platform/csv';
import { formatDateTime } from '../../platform/dates';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { type FieldErrors, Invalid, TooManyRequests } from '../../platform/http/errors';
import { type FormValues, readForm } from '../../platform/http/forms';
import { clientAddress } from '../../platform/http/request';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import * as s from './tasters.service';
import { CancelledPage, CancelPage, CheckEmailPage, ConfirmPage, LinkProblemPage, TasterPage, TasterSettingsPage, TastersPage } from './views/pages';

/** Public taster sessions: a lead opens a session to the public; anyone signs up by email. */
export const tasterRoutes = new Hono<AppEnv>();

async function settingsPage(c: Context<AppEnv>, errors?: FieldErrors, values?: FormValues) {
  const data = await s.getTasterSettings(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('sessionId') ?? '');
  return renderPage(
    c,
    { title: `Public taster: ${data.session.title}`, hasErrors: !!errors, status: errors ? 400 : 200 },
    <TasterSettingsPage data={data} errors={errors} values={values} saved={!errors && c.req.query('saved') === '1'} />,
  );
}
tasterRoutes.get('/sessions/:sessionId/public-taster', access('programme-lead'), (c) => settingsPage(c));
tasterRoutes.post('/sessions/:sessionId/public-taster', access('programme-lead'), async (c) => {
  const values = await readForm(c);
  try {
    await s.setPublic(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('sessionId'), values, c.get('requestId') ?? null);
  } catch (error) {
    if (error instanceof Invalid) return settingsPage(c, error.fieldErrors, values);
    throw error;
  }
  return c.redirect(`/sessions/${c.req.param('sessionId')}/public-taster?saved=1`, 303);
});
tasterRoutes.get('/sessions/:sessionId/public-taster/sign-ups.csv', access('programme-lead'), async (c) => {
  const data = await s.getTasterSettings(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('sessionId'));
  const body = toCsvFile(
    ['Name', 'Email', 'Signed up', 'Status'],
    data.signUps.map((u) => [u.name, u.email, formatDateTime(u.created_at), s.signUpStatusText(u)]),
  );
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="taster-sign-ups.csv"',
    'cache-control': 'private, no-store',
  });
});

tasterRoutes.get('/tasters', access('anyone'), async (c) => {
  return renderPage(c, { title: 'Taster sessions' }, <TastersPage tasters={await s.listUpcomingTasters(c.get('deps'))} />);
});

async function tasterPage(c: Context<AppEnv>, form?: { values: FormValues; errors?: FieldErrors; refusal?: string; status: 400 | 429 }) {
  const session = await s.findUpcomingTaster(c.get('deps'), c.req.param('sessionId') ?? '');
  return renderPage(
    c,
    { title: session.title, hasErrors: !!form, status: form?.status ?? 200, beforeContent: <BackLink href="/tasters" text="Taster sessions" /> },
    <TasterPage session={session} values={form?.values ?? {}} errors={form?.errors} refusal={form?.refusal} />,
  );
}
tasterRoutes.get('/tasters/:sessionId', access('anyone'), (c) => tasterPage(c));
tasterRoutes.post('/tasters/:sessionId', access('anyone'), async (c) => {
  const values = await readForm(c);
  const deps = c.get('deps');
  let email: string;
  try {
    email = await s.requestSignUp(deps, c.req.param('sessionId'), values, clientAddress(c));
  } catch (error) {
    if (error instanceof Invalid) return tasterPage(c, { values, errors: error.fieldErrors, status: 400 });
    if (error instanceof TooManyRequests) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return tasterPage(c, { values, refusal: error.message, status: 429 });
    }
    throw error;
  }
  const session = await s.findUpcomingTaster(deps, c.req.param('sessionId'));
  return renderPage(c, { title: 'Check your email' }, <CheckEmailPage email={email} session={session} />);
});

/** A link that no longer works (unknown or replaced, expired, or its place cancelled): a 404 page that says so plainly. */
function linkProblem(c: Context<AppEnv>, reason: s.LinkProblem) {
  return renderPage(c, { title: 'This link is no longer valid', status: 404 }, <LinkProblemPage reason={reason} />);
}

async function confirmPage(c: Context<AppEnv>) {
  const token = c.req.param('token') ?? '';
  const deps = c.get('deps');
  const check = await s.checkLink(deps, token);
  if (!check.ok) return linkProblem(c, check.reason);
  const { status } = check.signUp;
  const position = status === 'waiting' ? await s.waitingPosition(deps, check.signUp) : null;
  return renderPage(
    c,
    { title: status === 'confirmed' ? 'Your place is confirmed' : status === 'waiting' ? 'You are on the waiting list' : 'Confirm your place' },
    <ConfirmPage token={token} session={check.session} name={check.signUp.name} status={status} waitingPosition={position} />,
  );
}
tasterRoutes.get('/taster-sign-ups/:token', access('anyone'), (c) => confirmPage(c));
tasterRoutes.post('/taster-sign-ups/:token', access('anyone'), async (c) => {
  await s.confirmPlace(c.get('deps'), c.req.param('token'));
  return c.redirect(`/taster-sign-ups/${c.req.param('token')}`, 303);
});

// The private link to cancel a place (or leave the waiting list), from the emails. Opening it changes nothing; the button does.
tasterRoutes.get('/taster-sign-ups/:token/cancel', access('anyone'), async (c) => {
  const check = await s.checkLink(c.get('deps'), c.req.param('token'));
  if (!check.ok) {
    // Straight after cancelling (the POST's redirect), say it is done; any other time, the link is spent.
    if (check.reason === 'cancelled' && check.session && c.req.query('done') === '1')
      return renderPage(c, { title: 'Your place is cancelled' }, <CancelledPage session={check.session} />);
    return linkProblem(c, check.reason);
  }
  if (check.signUp.status === 'pending') return linkProblem(c, 'unknown');
  return renderPage(
    c,
    { title: check.signUp.status === 'waiting' ? 'Leave the waiting list' : 'Cancel your place' },
    <CancelPage token={c.req.param('token')} session={check.session} waiting={check.signUp.status === 'waiting'} />,
  );
});
tasterRoutes.post('/taster-sign-ups/:token/cancel', access('anyone'), async (c) => {
  const deps = c.get('deps');
  const check = await s.checkLink(deps, c.req.param('token'));
  if (!check.ok) return linkProblem(c, check.reason);
  await s.cancelPlace(deps, c.req.param('token'));
  return c.redirect(`/taster-sign-ups/${c.req.param('token')}/cancel?done=1`, 303);
});
tasterRoutes.get('/taster-sign-ups/:token/calendar.ics', access('anyone'), async (c) => {
  const file = await s.calendarFile(c.get('deps'), c.req.param('token'));
  const name =
    file.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'taster';
  return c.body(file.body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}.ics"`,
    'Cache-Control': 'private, no-cache',
    'X-Robots-Tag': 'noindex',
  });
});
