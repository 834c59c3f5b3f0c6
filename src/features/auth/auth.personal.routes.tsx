import { Hono, type Context } from 'hono';
import { access } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, TooManyRequests, type FieldErrors } from '../../platform/http/errors';
import { readForm, validate } from '../../platform/http/forms';
import { requestContext } from '../../platform/http/request';
import { renderPage } from '../../platform/ui/page';
import { listAllOrganisations } from '../organisations';
import {
  checkPersonalToken,
  confirmPersonalEmail,
  linkPersonalAccount,
  personalDetailsOf,
  requestPersonalSignInLink,
  savePersonalDetails,
  signInToPersonalAccount,
} from './auth.personal';
import { emailLinkForm } from './auth.schemas';
import { beginSignInSession } from './session-cookie';
import { LinkProblemPage } from './views/sign-in';
import { ConfirmPersonalLinkPage, PersonalCheckEmailPage, PersonalDetailsPage, PersonalSignInPage } from './views/personal';

/** The personal account: its email and TRN, the links sent to the personal address, and signing in to it (a leaver's own record). */
export const personalRoutes = new Hono<AppEnv>();

const BANNERS: Record<string, string> = {
  saved: 'Your details are saved',
  confirm_sent: 'We have sent a link to your personal email address. Open it to confirm the address',
  link_sent: 'That address is already a personal account on Waymark. We have sent it a link: open it to link this account, and your record comes with you',
  confirmed: 'Your personal email address is confirmed',
};

async function detailsPage(c: Context<AppEnv>, form?: { values: Record<string, string>; errors: FieldErrors }) {
  const deps = c.get('deps');
  const who = { viewer: c.get('viewer'), personal: c.get('personal') ?? null };
  const details = await personalDetailsOf(deps.db, who);
  const organisations = new Map((await listAllOrganisations(deps.db)).map((o) => [o.id, o.name]));
  const done = c.req.query('done');
  return renderPage(
    c,
    { title: 'Personal email and Teacher Reference Number', hasErrors: !!form },
    <PersonalDetailsPage
      details={{ ...details, linked: details.linked.map((l) => ({ organisationName: organisations.get(l.organisationId) ?? '', active: l.active })) }}
      personalOnly={!who.viewer}
      banner={done ? BANNERS[done] : undefined}
      values={form?.values}
      errors={form?.errors}
    />,
  );
}

personalRoutes.get('/account/personal', access('own-record'), (c) => detailsPage(c));
personalRoutes.post('/account/personal', access('own-record'), async (c) => {
  const values = await readForm(c);
  try {
    const outcome = await savePersonalDetails(
      c.get('deps'),
      { viewer: c.get('viewer'), personal: c.get('personal') ?? null },
      { personalEmail: values.personalEmail, trn: values.trn },
    );
    return c.redirect(`/account/personal?done=${outcome}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return detailsPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
});

const retry = { retryHref: '/account/personal', retryText: 'Go to your personal email and Teacher Reference Number' };

personalRoutes.get('/account/confirm/:token', access('anyone'), async (c) => {
  const check = await checkPersonalToken(c.get('deps'), c.req.param('token'), 'confirm_email', requestContext(c));
  if (!check.ok) return renderPage(c, { title: 'This link cannot be used', status: 404 }, <LinkProblemPage reason={check.reason} {...retry} />);
  return renderPage(
    c,
    { title: 'Confirm your personal email address' },
    <ConfirmPersonalLinkPage
      heading="Confirm your personal email address"
      text={`Confirm ${check.email} as the personal email address on ${check.givenName}’s Waymark account.`}
      action={`/account/confirm/${c.req.param('token')}`}
      button="Confirm this address"
    />,
  );
});

personalRoutes.post('/account/confirm/:token', access('anyone'), async (c) => {
  const result = await confirmPersonalEmail(c.get('deps'), c.req.param('token'), requestContext(c));
  if (!result.ok) {
    const reason = result.reason === 'expired' || result.reason === 'unknown' ? result.reason : 'used';
    return renderPage(c, { title: 'This link cannot be used', status: 404 }, <LinkProblemPage reason={reason} {...retry} />);
  }
  return c.redirect(c.get('viewer') || c.get('personal') ? '/account/personal?done=confirmed' : '/sign-in', 303);
});

personalRoutes.get('/account/link/:token', access('anyone'), async (c) => {
  const check = await checkPersonalToken(c.get('deps'), c.req.param('token'), 'link_account', requestContext(c));
  if (!check.ok) return renderPage(c, { title: 'This link cannot be used', status: 404 }, <LinkProblemPage reason={check.reason} {...retry} />);
  return renderPage(
    c,
    { title: 'Link your new account to your record' },
    <ConfirmPersonalLinkPage
      heading="Link your new account to your record"
      text={`Your leadership record, kept with ${check.email}, will come with your new account, ${check.givenName}. Your new organisation sees only what you choose to share.`}
      action={`/account/link/${c.req.param('token')}`}
      button="Link my accounts"
    />,
  );
});

personalRoutes.post('/account/link/:token', access('anyone'), async (c) => {
  const result = await linkPersonalAccount(c.get('deps'), c.req.param('token'), requestContext(c));
  if (!result.ok) {
    const reason = result.reason === 'expired' || result.reason === 'unknown' ? result.reason : 'used';
    return renderPage(c, { title: 'This link cannot be used', status: 404 }, <LinkProblemPage reason={reason} {...retry} />);
  }
  return c.redirect(c.get('viewer') ? '/record?done=linked' : '/sign-in', 303);
});

personalRoutes.get('/sign-in/personal', access('anyone'), (c) => renderPage(c, { title: 'Sign in to your own leadership record' }, <PersonalSignInPage />));

personalRoutes.post('/sign-in/personal', access('anyone'), async (c) => {
  const values = await readForm(c);
  const form = validate(emailLinkForm, values);
  const title = 'Sign in to your own leadership record';
  if (!form.ok) return renderPage(c, { title, hasErrors: true }, <PersonalSignInPage errors={form.errors} values={values} />);
  try {
    await requestPersonalSignInLink(c.get('deps'), form.data.email, requestContext(c));
  } catch (error) {
    if (error instanceof TooManyRequests) {
      c.header('Retry-After', String(error.retryAfterSeconds));
      return renderPage(c, { title, hasErrors: true, status: 429 }, <PersonalSignInPage refusal={error.message} values={values} />);
    }
    throw error;
  }
  return renderPage(c, { title: 'Check your email' }, <PersonalCheckEmailPage email={form.data.email} />);
});

const signInRetry = { retryHref: '/sign-in/personal', retryText: 'Get a new sign-in link' };

personalRoutes.get('/sign-in/personal/:token', access('anyone'), async (c) => {
  const check = await checkPersonalToken(c.get('deps'), c.req.param('token'), 'sign_in', requestContext(c));
  if (!check.ok) return renderPage(c, { title: 'This link cannot be used', status: 404 }, <LinkProblemPage reason={check.reason} {...signInRetry} />);
  return renderPage(
    c,
    { title: 'Sign in to your own leadership record' },
    <ConfirmPersonalLinkPage
      heading={`Sign in as ${check.givenName}`}
      text="You will see your own leadership record: its links and downloads."
      action={`/sign-in/personal/${c.req.param('token')}`}
      button="Sign in"
    />,
  );
});

personalRoutes.post('/sign-in/personal/:token', access('anyone'), async (c) => {
  const result = await signInToPersonalAccount(c.get('deps'), c.req.param('token'), requestContext(c));
  if (!result.ok) return renderPage(c, { title: 'This link cannot be used', status: 404 }, <LinkProblemPage reason={result.reason} {...signInRetry} />);
  await beginSignInSession(c, result.sessionToken);
  return c.redirect('/record', 303);
});
