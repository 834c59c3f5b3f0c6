import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { NotFound, TooManyRequests } from '../../platform/http/errors';
import { readForm, validate } from '../../platform/http/forms';
import { requestContext, safeNext } from '../../platform/http/request';
import type { SignInChoice } from '../../platform/module';
import { renderPage } from '../../platform/ui/page';
import { checkToken, endSignInSession, listSignInSessions, requestEmailLink, setPasswordWithToken, signInWithLink, signInWithPassword } from './auth.service';
import { emailLinkForm, newPasswordForm, signInForm } from './auth.schemas';
import { beginSignInSession, clearSessionCookie } from './session-cookie';
import { AccountPage } from './views/account';
import { PersonalAccountPage } from './views/personal';
import { endPersonalSession } from './auth.personal';
import { CheckEmailPage, ConfirmLinkPage, EmailLinkPage, LinkProblemPage, NewPasswordPage, SignInPage } from './views/sign-in';

export const authRoutes = new Hono<AppEnv>();

/** The organisation a sign-in page is for (`?organisation=<id>`, the address an organisation gives its staff), if any. */
function organisationOf(value: string | undefined): string | null {
  return value && /^[0-9a-f-]{36}$/i.test(value) ? value.toLowerCase() : null;
}

/** Ways to sign in besides a password that features offer for the organisation (single sign-on buttons). */
async function signInChoices(c: Context<AppEnv>, organisationId: string | null): Promise<SignInChoice[]> {
  const deps = c.get('deps');
  const lists = await Promise.all((deps.signInChoices ?? []).map((choices) => choices(deps.db, organisationId)));
  return lists.flat();
}

authRoutes.get('/sign-in', access('anyone'), async (c) => {
  if (c.get('viewer')) return c.redirect(safeNext(c.req.query('next')), 303);
  if (c.get('personal')) return c.redirect('/record', 303);
  const organisationId = organisationOf(c.req.query('organisation'));
  const next = safeNext(c.req.query('next'));
  return renderPage(
    c,
    { title: 'Sign in' },
    <SignInPage values={{ next, organisation: organisationId ?? '' }} choices={await signInChoices(c, organisationId)} />,
  );
});

authRoutes.post('/sign-in', access('anyone'), async (c) => {
  const values = await readForm(c);
  const form = validate(signInForm, values);
  const organisationId = organisationOf(values.organisation);
  const shown = { email: values.email, next: safeNext(values.next), organisation: organisationId ?? '' };
  const choices = await signInChoices(c, organisationId);
  if (!form.ok) return renderPage(c, { title: 'Sign in', hasErrors: true }, <SignInPage errors={form.errors} values={shown} choices={choices} />);
  try {
    const result = await signInWithPassword(c.get('deps'), form.data.email, form.data.password, requestContext(c));
    if (!result.ok && result.reason === 'single_sign_on_required') {
      const theirs = { ...shown, organisation: result.organisationId };
      return renderPage(
        c,
        { title: 'Sign in', hasErrors: true, status: 403 },
        <SignInPage
          refusal="Your organisation has turned off passwords. Sign in with your organisation’s account using a button below."
          values={theirs}
          choices={await signInChoices(c, result.organisationId)}
        />,
      );
    }
    if (!result.ok) {
      const wrong = { email: 'The email address or password is not correct. Check them and try again.' };
      return renderPage(c, { title: 'Sign in', hasErrors: true }, <SignInPage errors={wrong} values={shown} choices={choices} />);
    }
    await beginSignInSession(c, result.sessionToken);
    return c.redirect(safeNext(form.data.next), 303);
  } catch (error) {
    if (error instanceof TooManyRequests) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return renderPage(c, { title: 'Sign in', hasErrors: true, status: 429 }, <SignInPage refusal={error.message} values={shown} choices={choices} />);
    }
    throw error;
  }
});

authRoutes.post('/sign-out', access('anyone'), async (c) => {
  const viewer = c.get('viewer');
  if (viewer) await endSignInSession(c.get('deps'), viewer, viewer.sessionId, requestContext(c));
  const personal = c.get('personal');
  if (personal) await endPersonalSession(c.get('deps'), personal.sessionId);
  clearSessionCookie(c);
  return c.redirect('/sign-in?signed-out=1', 303);
});

for (const kind of ['sign_in_link', 'password_reset'] as const) {
  const path = kind === 'sign_in_link' ? '/sign-in/link' : '/password-reset';
  const title = kind === 'sign_in_link' ? 'Get a sign-in link' : 'Reset your password';

  authRoutes.get(path, access('anyone'), (c) => renderPage(c, { title }, <EmailLinkPage kind={kind} values={{ email: c.get('viewer')?.email }} />));

  authRoutes.post(path, access('anyone'), async (c) => {
    const values = await readForm(c);
    const form = validate(emailLinkForm, values);
    if (!form.ok) return renderPage(c, { title, hasErrors: true }, <EmailLinkPage kind={kind} errors={form.errors} values={values} />);
    try {
      await requestEmailLink(c.get('deps'), kind, form.data.email, requestContext(c));
    } catch (error) {
      if (error instanceof TooManyRequests) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        return renderPage(c, { title, hasErrors: true, status: 429 }, <EmailLinkPage kind={kind} refusal={error.message} values={values} />);
      }
      throw error;
    }
    return renderPage(c, { title: 'Check your email' }, <CheckEmailPage email={form.data.email} kind={kind} />);
  });
}

authRoutes.get('/sign-in/link/:token', access('anyone'), async (c) => {
  const check = await checkToken(c.get('deps'), c.req.param('token'), 'sign_in_link', requestContext(c));
  if (!check.ok)
    return renderPage(
      c,
      { title: 'This link cannot be used', status: 404 },
      <LinkProblemPage reason={check.reason} retryHref="/sign-in/link" retryText="Get a new sign-in link" />,
    );
  return renderPage(c, { title: 'Sign in' }, <ConfirmLinkPage givenName={check.givenName} action={`/sign-in/link/${c.req.param('token')}`} />);
});

authRoutes.post('/sign-in/link/:token', access('anyone'), async (c) => {
  const result = await signInWithLink(c.get('deps'), c.req.param('token'), requestContext(c));
  if (!result.ok)
    return renderPage(
      c,
      { title: 'This link cannot be used', status: 404 },
      <LinkProblemPage reason={result.reason} retryHref="/sign-in/link" retryText="Get a new sign-in link" />,
    );
  await beginSignInSession(c, result.sessionToken);
  return c.redirect('/', 303);
});

for (const purpose of ['password_reset', 'invitation'] as const) {
  const base = purpose === 'password_reset' ? '/password-reset' : '/invitation';
  const heading = purpose === 'password_reset' ? 'Choose a new password' : 'Set your password';
  const retry =
    purpose === 'password_reset'
      ? { retryHref: '/password-reset', retryText: 'Ask for a new reset link' }
      : { retryHref: '/sign-in/link', retryText: 'Try a sign-in link instead, or ask your administrator to send a new invitation' };

  authRoutes.get(`${base}/:token`, access('anyone'), async (c) => {
    const check = await checkToken(c.get('deps'), c.req.param('token'), purpose, requestContext(c));
    if (!check.ok) return renderPage(c, { title: 'This link cannot be used', status: 404 }, <LinkProblemPage reason={check.reason} {...retry} />);
    const intro =
      purpose === 'invitation'
        ? `Welcome to Waymark, ${check.givenName}. Choose a password to finish setting up your account (${check.email}).`
        : `Choose a new password for ${check.email}. You will be signed out everywhere else.`;
    return renderPage(
      c,
      { title: heading },
      <NewPasswordPage action={`${base}/${c.req.param('token')}`} heading={heading} intro={intro} email={check.email} />,
    );
  });

  authRoutes.post(`${base}/:token`, access('anyone'), async (c) => {
    const deps = c.get('deps');
    const token = c.req.param('token');
    const check = await checkToken(deps, token, purpose, requestContext(c));
    if (!check.ok) return renderPage(c, { title: 'This link cannot be used', status: 404 }, <LinkProblemPage reason={check.reason} {...retry} />);
    const form = validate(newPasswordForm, await readForm(c));
    if (!form.ok) {
      return renderPage(
        c,
        { title: heading, hasErrors: true },
        <NewPasswordPage
          action={`${base}/${token}`}
          heading={heading}
          intro="Choose a password of 12 characters or more."
          email={check.email}
          errors={form.errors}
        />,
      );
    }
    const result = await setPasswordWithToken(deps, token, purpose, form.data.password, requestContext(c));
    if (!result.ok) return renderPage(c, { title: 'This link cannot be used', status: 404 }, <LinkProblemPage reason={result.reason} {...retry} />);
    await beginSignInSession(c, result.sessionToken);
    return c.redirect('/', 303);
  });
}

authRoutes.get('/account', access('own-record'), async (c) => {
  const personal = c.get('personal');
  if (!c.get('viewer') && personal)
    return renderPage(
      c,
      { title: 'Your account' },
      <PersonalAccountPage name={`${personal.givenName} ${personal.familyName}`} personalEmail={personal.personalEmail} />,
    );
  const viewer = requireViewer(c.get('viewer'));
  const sessions = await listSignInSessions(c.get('deps'), viewer.id);
  return renderPage(c, { title: 'Your account' }, <AccountPage viewer={viewer} sessions={sessions} ended={c.req.query('ended') === '1'} />);
});

authRoutes.post('/account/sessions/:signInId/end', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const sessionId = c.req.param('signInId');
  if (!(await endSignInSession(c.get('deps'), viewer, sessionId, requestContext(c)))) throw new NotFound();
  if (sessionId === viewer.sessionId) {
    clearSessionCookie(c);
    return c.redirect('/sign-in?signed-out=1', 303);
  }
  return c.redirect('/account?ended=1', 303);
});
