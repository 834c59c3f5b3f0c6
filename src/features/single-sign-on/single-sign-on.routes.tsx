import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid } from '../../platform/http/errors';
import { type FormValues, readForm, validate } from '../../platform/http/forms';
import { requestContext, safeNext } from '../../platform/http/request';
import { renderPage } from '../../platform/ui/page';
import { SignOnRefused } from './single-sign-on.oidc';
import { googleForm, microsoftForm, passwordsForm } from './single-sign-on.schemas';
import {
  ATTEMPT_LIFETIME_MS,
  beginSignInSession,
  beginSignOn,
  completeSignOn,
  loadLinkedAccounts,
  loadSettings,
  PROVIDER_NAMES,
  removeConnection,
  saveConnection,
  setPasswordSignIn,
  TooManyStarts,
  unlinkAccount,
} from './single-sign-on.service';
import type { SsoProvider } from './single-sign-on.tables';
import { LinkedAccountsPage, SettingsPage, SignOnProblemPage } from './views/pages';

export const singleSignOnRoutes = new Hono<AppEnv>();

/** Ties a sign-in attempt to the browser that started it (the provider sends it back with a top-level GET, which Lax allows). */
const ATTEMPT_COOKIE = 'waymark_sso_attempt';
const ATTEMPT_COOKIE_PATH = '/sign-in/sso';

function secureCookie(c: Context<AppEnv>): boolean {
  const { config } = c.get('deps');
  return config.NODE_ENV === 'production' || config.BASE_URL.startsWith('https://');
}

singleSignOnRoutes.post('/sign-in/sso/:connectionId', access('anyone'), async (c) => {
  const values = await readForm(c);
  try {
    const started = await beginSignOn(c.get('deps'), c.req.param('connectionId'), safeNext(values.next), requestContext(c));
    setCookie(c, ATTEMPT_COOKIE, started.browserToken, {
      httpOnly: true,
      secure: secureCookie(c),
      sameSite: 'Lax',
      path: ATTEMPT_COOKIE_PATH,
      maxAge: ATTEMPT_LIFETIME_MS / 1000,
    });
    return c.redirect(started.url, 303);
  } catch (error) {
    if (error instanceof TooManyStarts) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return renderPage(
        c,
        { title: 'You have not been signed in', status: 429 },
        <SignOnProblemPage reason="too_many_started" wait={error.wait} retryHref="/sign-in" />,
      );
    }
    if (!(error instanceof SignOnRefused)) throw error;
    return renderPage(c, { title: 'You have not been signed in', status: 400 }, <SignOnProblemPage reason={error.reason} retryHref="/sign-in" />);
  }
});

singleSignOnRoutes.get('/sign-in/sso/callback', access('anyone'), async (c) => {
  const browserToken = getCookie(c, ATTEMPT_COOKIE);
  deleteCookie(c, ATTEMPT_COOKIE, { path: ATTEMPT_COOKIE_PATH, secure: secureCookie(c) });
  const result = await completeSignOn(c.get('deps'), new URL(c.req.url), browserToken, requestContext(c));
  if (!result.ok && result.reason === 'too_many') {
    c.header('Retry-After', String(result.retryAfterSeconds));
    return renderPage(
      c,
      { title: 'You have not been signed in', status: 429 },
      <SignOnProblemPage reason="too_many" wait={result.wait} retryHref="/sign-in" />,
    );
  }
  if (!result.ok) {
    const retryHref = result.organisationId ? `/sign-in?organisation=${result.organisationId}` : '/sign-in';
    return renderPage(c, { title: 'You have not been signed in', status: 400 }, <SignOnProblemPage reason={result.reason} retryHref={retryHref} />);
  }
  await beginSignInSession(c, result.sessionToken);
  return c.redirect(safeNext(result.next), 303);
});

async function settingsPage(c: Context<AppEnv>, form?: { name: 'microsoft' | 'google' | 'passwords'; values: FormValues; errors: Record<string, string> }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await loadSettings(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Single sign-on', hasErrors: Boolean(form) },
    <SettingsPage data={data} done={c.req.query('done')} form={form?.name} values={form?.values} errors={form?.errors} />,
  );
}

singleSignOnRoutes.get('/organisation/single-sign-on', access('org-admin'), (c) => settingsPage(c));

for (const provider of ['microsoft', 'google'] as const satisfies SsoProvider[]) {
  singleSignOnRoutes.post(`/organisation/single-sign-on/${provider}`, access('org-admin'), async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    const values = await readForm(c);
    const form = provider === 'microsoft' ? validate(microsoftForm, values) : validate(googleForm, values);
    if (!form.ok) return settingsPage(c, { name: provider, values, errors: form.errors });
    try {
      await saveConnection(c.get('deps'), viewer, provider, form.data, requestContext(c));
    } catch (error) {
      if (error instanceof Invalid) return settingsPage(c, { name: provider, values, errors: error.fieldErrors });
      throw error;
    }
    return c.redirect(`/organisation/single-sign-on?done=${provider}`, 303);
  });

  singleSignOnRoutes.post(`/organisation/single-sign-on/${provider}/remove`, access('org-admin'), async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    try {
      await removeConnection(c.get('deps'), viewer, provider, requestContext(c));
    } catch (error) {
      if (error instanceof Invalid) return settingsPage(c, { name: 'passwords', values: {}, errors: error.fieldErrors });
      throw error;
    }
    return c.redirect('/organisation/single-sign-on?done=removed', 303);
  });
}

singleSignOnRoutes.post('/organisation/single-sign-on/passwords', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  const form = validate(passwordsForm, values);
  if (!form.ok)
    return settingsPage(c, {
      name: 'passwords',
      values,
      errors: form.errors.passwords || form.errors.breakGlassPersonId ? form.errors : { passwords: 'Select how your staff may sign in' },
    });
  try {
    await setPasswordSignIn(c.get('deps'), viewer, form.data, requestContext(c));
  } catch (error) {
    if (error instanceof Invalid) return settingsPage(c, { name: 'passwords', values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect('/organisation/single-sign-on?done=passwords', 303);
});

const providerParam = (value: string | undefined) => (value === 'microsoft' || value === 'google' ? PROVIDER_NAMES[value] : undefined);

singleSignOnRoutes.get('/account/linked-accounts', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await loadLinkedAccounts(c.get('deps'), viewer, viewer.id);
  return renderPage(
    c,
    { title: 'Your linked accounts' },
    <LinkedAccountsPage
      {...data}
      unlinked={providerParam(c.req.query('unlinked'))}
      unlinkAction={(id) => `/account/linked-accounts/${id}/unlink`}
      backHref="/account"
    />,
  );
});

singleSignOnRoutes.post('/account/linked-accounts/:accountId/unlink', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const provider = await unlinkAccount(c.get('deps'), viewer, viewer.id, c.req.param('accountId'), requestContext(c));
  return c.redirect(`/account/linked-accounts?unlinked=${provider}`, 303);
});

singleSignOnRoutes.get('/organisation/single-sign-on/people/:personId', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const personId = c.req.param('personId');
  const data = await loadLinkedAccounts(c.get('deps'), viewer, personId);
  return renderPage(
    c,
    { title: data.own ? 'Your linked accounts' : `${data.person.name}’s linked accounts` },
    <LinkedAccountsPage
      {...data}
      unlinked={providerParam(c.req.query('unlinked'))}
      unlinkAction={(id) => `/organisation/single-sign-on/people/${personId}/accounts/${id}/unlink`}
      backHref={`/staff/${personId}`}
    />,
  );
});

singleSignOnRoutes.post('/organisation/single-sign-on/people/:personId/accounts/:accountId/unlink', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const personId = c.req.param('personId');
  const provider = await unlinkAccount(c.get('deps'), viewer, personId, c.req.param('accountId'), requestContext(c));
  return c.redirect(`/organisation/single-sign-on/people/${personId}?unlinked=${provider}`, 303);
});
