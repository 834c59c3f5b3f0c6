import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeOrganisation, makePerson, signIn, TEST_PASSWORD, type TestPerson } from '../../../test/support/factories';
import { visibleText } from '../../../test/support/http';
import { MINUTE } from '../../platform/db/clock';
import { item } from '../../../test/support/present';

function linkIn(text: string, path: string): string {
  const match = new RegExp(`http://localhost(${path}/[A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return item(match, 1);
}

describeEachEngine('signing in', (ctx) => {
  let person: TestPerson;
  let organisationId: string;

  beforeAll(async () => {
    organisationId = (await makeOrganisation(ctx().db)).id;
    person = await makePerson(ctx().db, { organisationId, givenName: 'Priya' });
  });

  it('a member of staff signs in with email and password and lands on their home page', async () => {
    const client = ctx().client();
    const page = await client.post('/sign-in', { email: person.email.toUpperCase(), password: TEST_PASSWORD });
    expect(page.status).toBe(303);
    expect(page.location).toBe('/');
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(page.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const home = await client.get('/');
    expect(visibleText(home.text)).toContain('Hello, Priya');
  });

  it('signing in again in the same browser replaces the old session rather than keeping both', async () => {
    const client = ctx().client({ address: '10.6.0.1' });
    await signIn(client, person.email);
    const before = await ctx().db.selectFrom('sign_in_sessions').select('id').where('person_id', '=', person.id).execute();
    await signIn(client, person.email);
    const after = await ctx().db.selectFrom('sign_in_sessions').select('id').where('person_id', '=', person.id).execute();
    expect(after.length).toBe(before.length);
    expect(after.map((s) => s.id)).not.toEqual(before.map((s) => s.id));
  });

  it('a wrong password and an unknown email get the same message, on the same page, keeping the email typed', async () => {
    const wrongPassword = await ctx().client({ address: '10.1.0.1' }).post('/sign-in', { email: person.email, password: 'not the password' });
    const unknownEmail = await ctx().client({ address: '10.1.0.2' }).post('/sign-in', { email: 'nobody@example.org', password: 'not the password' });
    for (const page of [wrongPassword, unknownEmail]) {
      expect(page.status).toBe(400);
      expect(page.text).toContain('govuk-error-summary');
      expect(visibleText(page.text)).toContain('The email address or password is not correct');
      expect(page.text).toContain('<title>Error: Sign in');
    }
    expect(wrongPassword.text).toContain(`value="${person.email}"`);
  });

  it('an empty form says what is missing', async () => {
    const page = await ctx().client().post('/sign-in', { email: '', password: '' });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('Enter your email address');
    expect(visibleText(page.text)).toContain('Enter your password');
  });

  it('repeated failures are slowed, then refused for a while with a message saying when to try again', async () => {
    const victim = await makePerson(ctx().db, { organisationId });
    const client = ctx().client({ address: '10.2.0.1' });
    for (let i = 0; i < 2; i++) expect((await client.post('/sign-in', { email: victim.email, password: 'wrong' })).status).toBe(400);
    // The third failure starts a short wait: even the right password is refused until it passes.
    await client.post('/sign-in', { email: victim.email, password: 'wrong' });
    const slowed = await client.post('/sign-in', { email: victim.email, password: TEST_PASSWORD });
    expect(slowed.status).toBe(429);
    expect(visibleText(slowed.text)).toMatch(/Wait 15 seconds and try again/);
    ctx().clock.advance(16_000);
    // Keep failing, waiting out each short lock, until sign-in is refused for 15 minutes.
    for (let i = 0; i < 20; i++) {
      const page = await client.post('/sign-in', { email: victim.email, password: 'wrong' });
      const wait = Number(page.headers.get('retry-after') ?? 0);
      if (wait >= 14 * 60) break;
      ctx().clock.advance((wait + 1) * 1000);
    }
    const refused = await client.post('/sign-in', { email: victim.email, password: TEST_PASSWORD });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(visibleText(refused.text)).toMatch(/Wait \d+ minutes? and try again/);
    ctx().clock.advance(16 * MINUTE);
    expect((await client.post('/sign-in', { email: victim.email, password: TEST_PASSWORD })).status).toBe(303);
  });

  it('many failures from one address lock that address, whichever accounts it tries', async () => {
    const client = ctx().client({ address: '10.3.0.1' });
    for (let i = 0; i < 60; i++) await client.post('/sign-in', { email: `guess${i}@example.org`, password: 'wrong' });
    const page = await client.post('/sign-in', { email: person.email, password: TEST_PASSWORD });
    expect(page.status).toBe(429);
    // Another address is not affected.
    expect((await ctx().client({ address: '10.3.0.2' }).post('/sign-in', { email: person.email, password: TEST_PASSWORD })).status).toBe(303);
    ctx().clock.advance(16 * MINUTE);
  });

  it('a deactivated person cannot sign in, and is told the same as for wrong details', async () => {
    const leaver = await makePerson(ctx().db, { organisationId, status: 'deactivated' });
    const page = await ctx().client({ address: '10.4.0.1' }).post('/sign-in', { email: leaver.email, password: TEST_PASSWORD });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('The email address or password is not correct');
  });

  it('failed and successful sign-ins are in the audit log', async () => {
    const rows = await ctx().db.selectFrom('audit_events').select('action').where('action', 'in', ['sign_in', 'sign_in_failed', 'sign_in_refused']).execute();
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toEqual(new Set(['sign_in', 'sign_in_failed', 'sign_in_refused']));
  });

  it('a form posted from another site is refused', async () => {
    const page = await ctx().client().post('/sign-in', { email: person.email, password: TEST_PASSWORD }, { origin: 'https://evil.example' });
    expect(page.status).toBe(403);
  });

  it('after signing in, the person goes back to the page they asked for, but never to another site', async () => {
    const client = ctx().client({ address: '10.5.0.1' });
    const asked = await client.get('/account');
    expect(asked.location).toBe('/sign-in?next=%2Faccount');
    expect((await client.post('/sign-in', { email: person.email, password: TEST_PASSWORD, next: '/account' })).location).toBe('/account');
    const other = ctx().client({ address: '10.5.0.2' });
    expect((await other.post('/sign-in', { email: person.email, password: TEST_PASSWORD, next: '//evil.example/' })).location).toBe('/');
  });
});

describeEachEngine('sign-in links and password resets', (ctx) => {
  let person: TestPerson;

  beforeAll(async () => {
    const organisation = await makeOrganisation(ctx().db);
    person = await makePerson(ctx().db, { organisationId: organisation.id, givenName: 'Jo', withPassword: false });
  });

  it('a sign-in link arrives by email, signs the person in once, and then stops working', async () => {
    const client = ctx().client();
    const asked = await client.post('/sign-in/link', { email: person.email });
    expect(visibleText(asked.text)).toContain('Check your email');
    await ctx().deliverMail();
    const email = ctx().mailer.sent.at(-1);
    expect(email?.to).toBe(person.email);
    const link = linkIn(email?.text ?? '', '/sign-in/link');
    // Opening the link (as a mail scanner would) does not use it up.
    expect(visibleText((await client.get(link)).text)).toContain('Sign in as Jo');
    const signedIn = await client.post(link);
    expect(signedIn.status).toBe(303);
    expect(client.hasSession()).toBe(true);
    const again = await ctx().client().post(link);
    expect(again.status).toBe(404);
    expect(visibleText(again.text)).toContain('This link has already been used');
  });

  it('a sign-in link expires after 15 minutes', async () => {
    await ctx().client().post('/sign-in/link', { email: person.email });
    await ctx().deliverMail();
    const link = linkIn(ctx().mailer.sent.at(-1)?.text ?? '', '/sign-in/link');
    ctx().clock.advance(16 * MINUTE);
    const page = await ctx().client().post(link);
    expect(page.status).toBe(404);
    expect(visibleText(page.text)).toContain('This link has expired');
  });

  it('asking for a link for an unknown email looks the same and sends nothing', async () => {
    const before = ctx().mailer.sent.length;
    const page = await ctx().client().post('/sign-in/link', { email: 'stranger@example.org' });
    await ctx().deliverMail();
    expect(visibleText(page.text)).toContain('Check your email');
    expect(ctx().mailer.sent.length).toBe(before);
  });

  it('a bad email address gets a message on the same page', async () => {
    const page = await ctx().client().post('/sign-in/link', { email: 'not an email' });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('Enter an email address in the correct format');
  });

  it('too many link requests for one email are refused for a while', async () => {
    const client = ctx().client({ address: '10.9.0.1' });
    let last = await client.post('/sign-in/link', { email: person.email });
    for (let i = 0; i < 12 && last.status !== 429; i++) last = await client.post('/sign-in/link', { email: person.email });
    expect(last.status).toBe(429);
    expect(visibleText(last.text)).toContain('You have asked for too many links');
    ctx().clock.advance(61 * MINUTE);
  });

  it('a password reset sets a new password, signs out other sessions and needs 12 characters', async () => {
    const other = ctx().client();
    await ctx().client().post('/password-reset', { email: person.email });
    await ctx().deliverMail();
    const email = ctx().mailer.sent.at(-1);
    expect(email?.subject).toBe('Reset your Waymark password');
    const link = linkIn(email?.text ?? '', '/password-reset');
    const client = ctx().client();
    const short = await client.post(link, { password: 'short', confirmPassword: 'short' });
    expect(short.status).toBe(400);
    expect(visibleText(short.text)).toContain('Password must be 12 characters or more');
    const mismatch = await client.post(link, { password: 'a long enough password', confirmPassword: 'something else entirely' });
    expect(visibleText(mismatch.text)).toContain('The passwords do not match');
    // A session from before the reset…
    await signIn(other, person.email, 'a long enough password').catch(() => undefined);
    const done = await client.post(link, { password: 'a new long password', confirmPassword: 'a new long password' });
    expect(done.status).toBe(303);
    expect(client.hasSession()).toBe(true);
    await signIn(ctx().client({ address: '10.8.0.1' }), person.email, 'a new long password');
    expect((await client.post(link, { password: 'another password!', confirmPassword: 'another password!' })).status).toBe(404);
  });
});

describeEachEngine('the address behind a reverse proxy', (ctx) => {
  it('a client that writes its own X-Forwarded-For is still limited by the address the proxy saw', async () => {
    // One trusted proxy appends the address it saw to whatever the client sent.
    const client = ctx().client();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const page = await client.post('/sign-in', { email: `spoof${i}@example.org`, password: 'wrong' }, { 'x-forwarded-for': `203.0.113.${i}, 10.40.0.1` });
      statuses.push(page.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    const counted = await ctx().db.selectFrom('sign_in_throttles').select(['key', 'failures']).where('key', 'like', 'address:%').execute();
    expect(counted.find((r) => r.key === 'address:10.40.0.1')?.failures).toBe(30);
    expect(counted.filter((r) => r.key.startsWith('address:203.0.113.'))).toEqual([]);
    ctx().clock.advance(16 * MINUTE);
  });
});

describeEachEngine('links kept out of the database once emailed', (ctx) => {
  it('after sign-in and reset links are sent, no token from them can be found in the outbox', async () => {
    const organisation = await makeOrganisation(ctx().db);
    const person = await makePerson(ctx().db, { organisationId: organisation.id });
    const client = ctx().client({ address: '10.30.0.1' });
    await client.post('/sign-in/link', { email: person.email });
    await client.post('/password-reset', { email: person.email });
    await ctx().deliverMail();
    const emails = ctx().mailer.sent.filter((m) => m.to === person.email);
    const tokens = [linkIn(emails.at(-2)?.text ?? '', '/sign-in/link'), linkIn(emails.at(-1)?.text ?? '', '/password-reset')].map(
      (link) => link.split('/').at(-1) ?? '',
    );
    expect(tokens.every((t) => t.length >= 43)).toBe(true);
    const raw = JSON.stringify(await ctx().db.selectFrom('outbox').selectAll().execute());
    for (const token of tokens) expect(raw).not.toContain(token);
    // The link still works: only the outbox's copy is gone.
    expect(
      (
        await ctx()
          .client()
          .post(linkIn(emails.at(-2)?.text ?? '', '/sign-in/link'))
      ).status,
    ).toBe(303);
  });
});

describeEachEngine('your sign-in sessions', (ctx) => {
  it('a person sees where they are signed in and can end another session', async () => {
    const organisation = await makeOrganisation(ctx().db);
    const person = await makePerson(ctx().db, { organisationId: organisation.id });
    const laptop = ctx().client({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15' });
    const phone = ctx().client({ userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36' });
    await signIn(laptop, person.email);
    await signIn(phone, person.email);
    const account = await laptop.get('/account');
    const text = visibleText(account.text);
    expect(text).toContain('Safari on macOS');
    expect(text).toContain('Chrome on Android');
    const phoneSession = await ctx()
      .db.selectFrom('sign_in_sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .where('user_agent', 'like', '%Android%')
      .executeTakeFirstOrThrow();
    const ended = await laptop.post(`/account/sessions/${phoneSession.id}/end`);
    expect(ended.location).toBe('/account?ended=1');
    expect((await phone.get('/account')).location).toMatch(/^\/sign-in/);
    expect((await laptop.get('/account')).status).toBe(200);
  });

  it('signing out ends the session for good', async () => {
    const organisation = await makeOrganisation(ctx().db);
    const person = await makePerson(ctx().db, { organisationId: organisation.id });
    const client = ctx().client();
    await signIn(client, person.email);
    const cookie = (await ctx().db.selectFrom('sign_in_sessions').select('id').where('person_id', '=', person.id).execute()).length;
    expect(cookie).toBe(1);
    await client.post('/sign-out');
    expect(await ctx().db.selectFrom('sign_in_sessions').select('id').where('person_id', '=', person.id).execute()).toEqual([]);
    expect((await client.get('/')).location).toBe('/sign-in');
  });
});

describeEachEngine('links nobody was sent', (ctx) => {
  it('many links that match nothing, opened from one address, get that address refused for a while', async () => {
    const client = ctx().client({ address: '10.7.0.1' });
    let page = await client.get(`/sign-in/link/${'a'.repeat(43)}`);
    expect(page.status).toBe(404);
    for (let i = 0; i < 60 && page.status !== 429; i++) {
      page = await client.get(`/password-reset/${String(i).padStart(43, 'b')}`);
      if (page.status === 429 && Number(page.headers.get('retry-after')) < 60) {
        ctx().clock.advance(Number(page.headers.get('retry-after')) * 1000 + 1000);
        page = { ...page, status: 0 };
      }
    }
    expect(page.status).toBe(429);
    expect(visibleText(page.text)).toContain('Too many links that do not work have been opened from your network');
    // Another address is unaffected.
    expect(
      (
        await ctx()
          .client({ address: '10.7.0.2' })
          .get(`/invitation/${'c'.repeat(43)}`)
      ).status,
    ).toBe(404);
    ctx().clock.advance(16 * MINUTE);
    expect((await client.get(`/invitation/${'c'.repeat(43)}`)).status).toBe(404);
  });
});

describeEachEngine('sign-in limits under concurrent attempts', (ctx) => {
  let organisationId: string;

  beforeAll(async () => {
    organisationId = (await makeOrganisation(ctx().db)).id;
  });

  const throttleRow = (key: string) => ctx().db.selectFrom('sign_in_throttles').select(['failures', 'locked_until']).where('key', '=', key).executeTakeFirst();

  it('thirty wrong passwords sent at once for one account: only three are checked, and every one checked is counted', async () => {
    const victim = await makePerson(ctx().db, { organisationId });
    const pages = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ctx()
          .client({ address: `10.20.0.${i + 1}` })
          .post('/sign-in', { email: victim.email, password: `wrong ${i}` }),
      ),
    );
    const checked = pages.filter((p) => p.status === 400).length;
    expect(checked).toBe(3);
    expect(pages.filter((p) => p.status === 429)).toHaveLength(27);
    expect((await throttleRow(`account:${victim.email}`))?.failures).toBe(checked);
    const failed = await ctx().db.selectFrom('audit_events').select('id').where('action', '=', 'sign_in_failed').where('subject_id', '=', victim.id).execute();
    expect(failed).toHaveLength(checked);
    ctx().clock.advance(16 * MINUTE);
  });

  it('thirty sign-in link requests sent at once for one address: only five links are sent, and each is counted', async () => {
    const person = await makePerson(ctx().db, { organisationId });
    const client = ctx().client({ address: '10.21.0.1' });
    const pages = await Promise.all(Array.from({ length: 30 }, () => client.post('/sign-in/link', { email: person.email })));
    const accepted = pages.filter((p) => p.status !== 429).length;
    expect(accepted).toBe(5);
    const queued = await ctx().db.selectFrom('outbox').select('payload').where('kind', '=', 'email').where('payload', 'like', `%${person.email}%`).execute();
    expect(queued).toHaveLength(accepted);
    expect((await throttleRow(`sign_in_link:account:${person.email}`))?.failures).toBe(accepted);
    expect((await throttleRow('sign_in_link:address:10.21.0.1'))?.failures).toBe(accepted);
    ctx().clock.advance(61 * MINUTE);
  });

  it('a right password among concurrent wrong ones from a shared address is not counted against the address', async () => {
    const people = await Promise.all(Array.from({ length: 10 }, () => makePerson(ctx().db, { organisationId })));
    const pages = await Promise.all(people.map((p) => ctx().client({ address: '10.22.0.1' }).post('/sign-in', { email: p.email, password: TEST_PASSWORD })));
    expect(pages.map((p) => p.status)).toEqual(people.map(() => 303));
    expect((await throttleRow('address:10.22.0.1'))?.failures ?? 0).toBe(0);
  });
});
