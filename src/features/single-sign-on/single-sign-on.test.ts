import { singleSignOnModule } from './module';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { describeEachEngine, type TestContext } from '../../../test/support/app';
import { makeOrganisation, makePerson, signIn, TEST_PASSWORD, type TestPerson } from '../../../test/support/factories';
import type { TestClient } from '../../../test/support/http';
import { visibleText } from '../../../test/support/http';
import {
  type ProviderName,
  startTestIdentityProviders,
  TENANT_A,
  TENANT_B,
  TENANT_IMPOSTOR,
  type TestIdentityProviders,
} from '../../../test/support/identity-provider';
import { present } from '../../../test/support/present';
import { MINUTE } from '../../platform/db/clock';

// Single sign-on against a real OpenID provider (oidc-provider, on a local port): two Entra-like
// tenants, Entra's multi-tenant front door and a Google-like provider. Waymark runs through
// app.request; the browser's part at the provider is played by `throughProvider`.

const env: Record<string, string> = {};
let idp: TestIdentityProviders;

beforeAll(async () => {
  idp = await startTestIdentityProviders({ redirectUris: ['http://localhost/sign-in/sso/callback'] });
  env.SSO_MICROSOFT_AUTHORITY = idp.base;
  env.SSO_GOOGLE_ISSUER = idp.googleIssuer;
});
afterAll(async () => {
  await idp.close();
});

/** Follows the provider's redirects (with its cookies) until it sends the browser back to Waymark; returns that path. */
async function followProvider(start: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hops = 0; hops < 20; hops++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', ...value] = pair.split('=');
      jar.set(name.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url} with ${response.status}: ${await response.text()}`);
    const next = new URL(location, url);
    if (next.origin === 'http://localhost') return next.pathname + next.search;
    url = next.href;
  }
  throw new Error('the provider redirected too many times');
}

describeEachEngine(
  'single sign-on',
  (ctx) => {
    let organisationId: string;
    let admin: TestPerson;
    let teacher: TestPerson;
    let microsoftId: string;
    let googleId: string;

    /** Sets a provider up through the settings page, as the organisation admin. */
    async function setUp(context: TestContext, provider: 'microsoft' | 'google', form: Record<string, string>): Promise<string> {
      const client = context.client({ address: '10.9.0.1' });
      await signIn(client, admin.email);
      const saved = await client.post(`/organisation/single-sign-on/${provider}`, { clientId: idp.clientId, clientSecret: idp.clientSecret, ...form });
      expect(saved.status).toBe(303);
      const row = await context.db
        .selectFrom('sso_connections')
        .select(['id', 'client_secret_sealed'])
        .where('organisation_id', '=', organisationId)
        .where('provider', '=', provider)
        .executeTakeFirstOrThrow();
      expect(row.client_secret_sealed).not.toContain(idp.clientSecret);
      return row.id;
    }

    /** Starts a sign-in at Waymark, signs in at the provider as `sub`, and returns Waymark's callback path. */
    async function throughProvider(client: TestClient, connectionId: string, provider: ProviderName, sub: string, alter?: (url: URL) => void) {
      const start = await client.post(`/sign-in/sso/${connectionId}`, { next: '/account' });
      expect(start.status).toBe(303);
      const url = new URL(present(start.location, 'the provider address'));
      alter?.(url);
      idp.signInNextAs(provider, sub);
      return followProvider(url.href);
    }

    async function identities(personId: string) {
      return ctx().db.selectFrom('sso_identities').select(['provider', 'subject']).where('person_id', '=', personId).execute();
    }

    beforeAll(async () => {
      const { db } = ctx();
      ctx().clock.set(new Date());
      organisationId = (await makeOrganisation(db)).id;
      admin = await makePerson(db, { organisationId, givenName: 'Ada', email: 'ada.admin@oakfield.sch.uk', roles: [{ role: 'org_admin' }] });
      teacher = await makePerson(db, { organisationId, givenName: 'Tariq', email: 'tariq.khan@oakfield.sch.uk' });
      microsoftId = await setUp(ctx(), 'microsoft', { tenantIds: TENANT_A });
      googleId = await setUp(ctx(), 'google', { domains: 'oakfield.sch.uk' });
      idp.addAccount('tenant-a', {
        sub: 'pairwise-tariq',
        claims: { tid: TENANT_A, oid: 'oid-tariq', email: teacher.email, xms_edov: true, name: 'Tariq Khan' },
      });
    });

    beforeEach(() => {
      ctx().clock.set(new Date());
      idp.setIdTokenLifetime(3600);
    });

    it('a member of staff signs in with Microsoft the first time by their verified email, and is then bound to their tenant and object id', async () => {
      const client = ctx().client({ address: '10.9.1.1' });
      const signInPage = await client.get(`/sign-in?organisation=${organisationId}`);
      expect(visibleText(signInPage.text)).toContain('Sign in with Microsoft');
      expect(visibleText(signInPage.text)).toContain('Sign in with Google');
      // The buttons post to Waymark, which redirects to the provider: form-action must allow it.
      expect(signInPage.headers.get('content-security-policy')).toContain(`form-action 'self' ${idp.base}`);

      const back = await client.get(await throughProvider(client, microsoftId, 'tenant-a', 'pairwise-tariq'));
      expect(back.status).toBe(303);
      expect(back.location).toBe('/account');
      expect(visibleText((await client.get('/account')).text)).toContain(teacher.email);
      expect(await identities(teacher.id)).toEqual([{ provider: 'microsoft', subject: `${TENANT_A}:oid-tariq` }]);
      const audit = await ctx().db.selectFrom('audit_events').select('action').where('actor_id', '=', teacher.id).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['single_sign_on_bound', 'sign_in']));
    });

    it('once bound, a changed email at Microsoft still signs the same person in, and the new email does not let anyone else in', async () => {
      const person = await makePerson(ctx().db, { organisationId, email: 'rosa.lane@oakfield.sch.uk' });
      const other = await makePerson(ctx().db, { organisationId, email: 'rosa.lane-new@oakfield.sch.uk' });
      idp.addAccount('tenant-a', { sub: 'pairwise-rosa', claims: { tid: TENANT_A, oid: 'oid-rosa', email: person.email, xms_edov: true } });
      const first = ctx().client({ address: '10.9.2.1' });
      expect((await first.get(await throughProvider(first, microsoftId, 'tenant-a', 'pairwise-rosa'))).status).toBe(303);

      // Her email changes at Microsoft to one that belongs to someone else on Waymark.
      idp.addAccount('tenant-a', { sub: 'pairwise-rosa', claims: { tid: TENANT_A, oid: 'oid-rosa', email: other.email, xms_edov: true } });
      const again = ctx().client({ address: '10.9.2.2' });
      expect((await again.get(await throughProvider(again, microsoftId, 'tenant-a', 'pairwise-rosa'))).status).toBe(303);
      expect(visibleText((await again.get('/account')).text)).toContain(person.email);
      expect(await identities(other.id)).toEqual([]);
    });

    it('a Google Workspace account in the organisation’s domain signs in, bound to its sub', async () => {
      const person = await makePerson(ctx().db, { organisationId, email: 'gwen.price@oakfield.sch.uk' });
      idp.addAccount('google', { sub: '1049', claims: { hd: 'oakfield.sch.uk', email: person.email, email_verified: true } });
      const client = ctx().client({ address: '10.9.3.1' });
      const start = await client.post(`/sign-in/sso/${googleId}`, {});
      expect(new URL(present(start.location, 'provider')).searchParams.get('hd')).toBe('oakfield.sch.uk');
      const back = await client.get(await throughProvider(client, googleId, 'google', '1049'));
      expect(back.status).toBe(303);
      expect(await identities(person.id)).toEqual([{ provider: 'google', subject: '1049' }]);
    });

    async function expectRefused(page: { status: number; text: string }, words: RegExp) {
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain('You have not been signed in');
      expect(visibleText(page.text)).toMatch(words);
    }

    it('a Google account outside the organisation’s domains is refused and nothing is bound', async () => {
      const person = await makePerson(ctx().db, { organisationId, email: 'owen.hall@oakfield.sch.uk' });
      idp.addAccount('google', { sub: '2050', claims: { hd: 'elsewhere.org.uk', email: person.email, email_verified: true } });
      const client = ctx().client({ address: '10.9.4.1' });
      await expectRefused(
        await client.get(await throughProvider(client, googleId, 'google', '2050')),
        /not one of your organisation’s Google Workspace accounts/,
      );
      idp.addAccount('google', { sub: '2051', claims: { email: person.email, email_verified: true } });
      await expectRefused(
        await client.get(await throughProvider(client, googleId, 'google', '2051')),
        /not one of your organisation’s Google Workspace accounts/,
      );
      expect(await identities(person.id)).toEqual([]);
    });

    it('an account whose email is not on Waymark, or not verified, is refused', async () => {
      idp.addAccount('tenant-a', {
        sub: 'pairwise-stranger',
        claims: { tid: TENANT_A, oid: 'oid-stranger', email: 'stranger@oakfield.sch.uk', xms_edov: true },
      });
      const client = ctx().client({ address: '10.9.5.1' });
      await expectRefused(await client.get(await throughProvider(client, microsoftId, 'tenant-a', 'pairwise-stranger')), /no Waymark account for you/);
      const person = await makePerson(ctx().db, { organisationId, email: 'una.verified@oakfield.sch.uk' });
      idp.addAccount('tenant-a', { sub: 'pairwise-una', claims: { tid: TENANT_A, oid: 'oid-una', email: person.email } });
      await expectRefused(await client.get(await throughProvider(client, microsoftId, 'tenant-a', 'pairwise-una')), /did not confirm your email address/);
      expect(await identities(person.id)).toEqual([]);
    });

    it('someone in another organisation with the same email domain is not let in', async () => {
      const elsewhere = (await makeOrganisation(ctx().db)).id;
      const person = await makePerson(ctx().db, { organisationId: elsewhere, email: 'vic.other@oakfield.sch.uk' });
      idp.addAccount('tenant-a', { sub: 'pairwise-vic', claims: { tid: TENANT_A, oid: 'oid-vic', email: person.email, xms_edov: true } });
      const client = ctx().client({ address: '10.9.6.1' });
      await expectRefused(await client.get(await throughProvider(client, microsoftId, 'tenant-a', 'pairwise-vic')), /no Waymark account for you/);
      expect(await identities(person.id)).toEqual([]);
    });

    it('a callback used a second time (a replayed state) is refused', async () => {
      const client = ctx().client({ address: '10.9.7.1' });
      const callback = await throughProvider(client, microsoftId, 'tenant-a', 'pairwise-tariq');
      expect((await client.get(callback)).status).toBe(303);
      await expectRefused(await client.get(callback), /already been used/);
    });

    it('a callback opened in a browser that did not start the sign-in is refused', async () => {
      const callback = await throughProvider(ctx().client({ address: '10.9.8.1' }), microsoftId, 'tenant-a', 'pairwise-tariq');
      const other = ctx().client({ address: '10.9.8.2' });
      await expectRefused(await other.get(callback), /started in another browser/);
      expect((await other.get('/account')).status).toBe(303);
    });

    it('an ID token carrying another nonce is refused', async () => {
      const client = ctx().client({ address: '10.9.9.1' });
      const callback = await throughProvider(client, microsoftId, 'tenant-a', 'pairwise-tariq', (url) =>
        url.searchParams.set('nonce', 'a-nonce-from-another-sign-in'),
      );
      await expectRefused(await client.get(callback), /does not belong to this sign-in/);
    });

    it('an expired ID token is refused', async () => {
      idp.setIdTokenLifetime(60);
      const client = ctx().client({ address: '10.9.10.1' });
      const callback = await throughProvider(client, microsoftId, 'tenant-a', 'pairwise-tariq');
      ctx().clock.advance(3 * MINUTE);
      await expectRefused(await client.get(callback), /has expired/);
    });

    it('a sign-in finished after ten minutes is refused', async () => {
      const client = ctx().client({ address: '10.9.11.1' });
      const callback = await throughProvider(client, microsoftId, 'tenant-a', 'pairwise-tariq');
      ctx().clock.advance(11 * MINUTE);
      await expectRefused(await client.get(callback), /took too long/);
    });

    it('a provider whose discovery document names another issuer is refused, with nothing bound', async () => {
      // The tenant id Waymark is given is served by a provider that says it is tenant-a: a wrong issuer.
      const elsewhere = (await makeOrganisation(ctx().db)).id;
      const otherAdmin = await makePerson(ctx().db, { organisationId: elsewhere, roles: [{ role: 'org_admin' }] });
      const adminClient = ctx().client({ address: '10.9.12.1' });
      await signIn(adminClient, otherAdmin.email);
      await adminClient.post('/organisation/single-sign-on/microsoft', { tenantIds: TENANT_IMPOSTOR, clientId: idp.clientId, clientSecret: idp.clientSecret });
      const connection = await ctx().db.selectFrom('sso_connections').select('id').where('organisation_id', '=', elsewhere).executeTakeFirstOrThrow();
      // Waymark looks the tenant up at <authority>/<tenant>/v2.0: nothing answers there as that issuer.
      const start = await ctx().client({ address: '10.9.12.2' }).post(`/sign-in/sso/${connection.id}`, {});
      expect(start.status).toBe(400);
      expect(visibleText(start.text)).toContain('You have not been signed in');
    });

    it('a multi-tenant app lets in the allowed tenants, checks each token’s issuer against its tenant, and refuses another tenant', async () => {
      const trust = (await makeOrganisation(ctx().db)).id;
      const trustAdmin = await makePerson(ctx().db, { organisationId: trust, roles: [{ role: 'org_admin' }] });
      const inA = await makePerson(ctx().db, { organisationId: trust, email: 'amy.a@trust-a.org.uk' });
      const inB = await makePerson(ctx().db, { organisationId: trust, email: 'ben.b@trust-b.org.uk' });
      idp.addAccount('tenant-a', { sub: 'pairwise-amy', claims: { tid: TENANT_A, oid: 'oid-amy', email: inA.email, xms_edov: true } });
      idp.addAccount('tenant-b', { sub: 'pairwise-ben', claims: { tid: TENANT_B, oid: 'oid-ben', email: inB.email, xms_edov: true } });
      const adminClient = ctx().client({ address: '10.9.13.1' });
      await signIn(adminClient, trustAdmin.email);
      // Only tenant A is allowed at first.
      await adminClient.post('/organisation/single-sign-on/microsoft', {
        tenantIds: `${TENANT_A}, ${TENANT_A.toUpperCase()}`,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      });
      const connection = await ctx()
        .db.selectFrom('sso_connections')
        .select(['id', 'tenant_ids'])
        .where('organisation_id', '=', trust)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(connection.tenant_ids)).toEqual([TENANT_A]);
      await adminClient.post('/organisation/single-sign-on/microsoft', {
        tenantIds: `${TENANT_A}\n${'33333333-cccc-4ccc-8ccc-333333333333'}`,
        clientId: idp.clientId,
        clientSecret: '',
      });

      const amy = ctx().client({ address: '10.9.13.2' });
      expect((await amy.get(await throughProvider(amy, connection.id, 'tenant-a', 'pairwise-amy'))).status).toBe(303);
      expect(await identities(inA.id)).toEqual([{ provider: 'microsoft', subject: `${TENANT_A}:oid-amy` }]);

      const ben = ctx().client({ address: '10.9.13.3' });
      await expectRefused(await ben.get(await throughProvider(ben, connection.id, 'tenant-b', 'pairwise-ben')), /Microsoft organisation that cannot sign in/);
      expect(await identities(inB.id)).toEqual([]);

      // A token whose tid names an allowed tenant but was issued by another tenant: the issuer check refuses it.
      idp.addAccount('tenant-b', { sub: 'pairwise-impostor', claims: { tid: TENANT_A, oid: 'oid-amy', email: inA.email, xms_edov: true } });
      const impostor = ctx().client({ address: '10.9.13.4' });
      await expectRefused(
        await impostor.get(await throughProvider(impostor, connection.id, 'tenant-b', 'pairwise-impostor')),
        /did not come from your organisation’s account provider/,
      );
    });

    it('an organisation admin turns passwords off, keeping one break-glass admin who can still use theirs', async () => {
      const adminClient = ctx().client({ address: '10.9.14.1' });
      await signIn(adminClient, admin.email);
      const missing = await adminClient.post('/organisation/single-sign-on/passwords', { passwords: 'off', breakGlassPersonId: '' });
      expect(missing.status).toBe(400);
      expect(visibleText(missing.text)).toContain('Select the administrator who may still use a password');
      expect((await adminClient.post('/organisation/single-sign-on/passwords', { passwords: 'off', breakGlassPersonId: admin.id })).status).toBe(303);

      const refused = await ctx().client({ address: '10.9.14.2' }).post('/sign-in', { email: teacher.email, password: TEST_PASSWORD });
      expect(refused.status).toBe(403);
      expect(visibleText(refused.text)).toContain('Your organisation has turned off passwords');
      expect(visibleText(refused.text)).toContain('Sign in with Microsoft');
      // A wrong password still says only that the details are wrong.
      const wrong = await ctx().client({ address: '10.9.14.3' }).post('/sign-in', { email: teacher.email, password: 'not it' });
      expect(visibleText(wrong.text)).toContain('The email address or password is not correct');
      // No sign-in link is sent: the email says how to sign in instead.
      ctx().mailer.sent.length = 0;
      await ctx().client({ address: '10.9.14.4' }).post('/sign-in/link', { email: teacher.email });
      await ctx().deliverMail();
      const email = ctx().mailer.sent.find((m) => m.to === teacher.email);
      expect(email?.subject).toBe('How to sign in to Waymark');
      expect(email?.text).not.toMatch(/sign-in\/link\//);

      await signIn(ctx().client({ address: '10.9.14.5' }), admin.email);
      const teacherBySso = ctx().client({ address: '10.9.14.6' });
      expect((await teacherBySso.get(await throughProvider(teacherBySso, microsoftId, 'tenant-a', 'pairwise-tariq'))).status).toBe(303);

      expect((await adminClient.post('/organisation/single-sign-on/passwords', { passwords: 'on' })).status).toBe(303);
      await signIn(ctx().client({ address: '10.9.14.7' }), teacher.email);
    });

    it('turning passwords off ends the sessions signed in with a password or a link, but not single sign-on’s or the break-glass admin’s', async () => {
      const byPassword = await makePerson(ctx().db, { organisationId, email: 'paula.word@oakfield.sch.uk' });
      const bySso = await makePerson(ctx().db, { organisationId, email: 'simon.sso@oakfield.sch.uk' });
      idp.addAccount('tenant-a', { sub: 'pairwise-simon', claims: { tid: TENANT_A, oid: 'oid-simon', email: bySso.email, xms_edov: true } });
      const paula = ctx().client({ address: '10.9.18.1' });
      await signIn(paula, byPassword.email);
      const simon = ctx().client({ address: '10.9.18.2' });
      expect((await simon.get(await throughProvider(simon, microsoftId, 'tenant-a', 'pairwise-simon'))).status).toBe(303);
      const breakGlass = ctx().client({ address: '10.9.18.3' });
      await signIn(breakGlass, admin.email);
      // A second admin, signed in with a password, turns passwords off naming the first as break glass: they are signed out too.
      const other = await makePerson(ctx().db, { organisationId, email: 'otto.admin@oakfield.sch.uk', roles: [{ role: 'org_admin' }] });
      const otto = ctx().client({ address: '10.9.18.4' });
      await signIn(otto, other.email);
      expect((await otto.post('/organisation/single-sign-on/passwords', { passwords: 'off', breakGlassPersonId: admin.id })).status).toBe(303);

      expect((await paula.get('/account')).location).toMatch(/^\/sign-in/);
      expect((await otto.get('/organisation/single-sign-on')).location).toMatch(/^\/sign-in/);
      expect((await simon.get('/account')).status).toBe(200);
      expect((await breakGlass.get('/account')).status).toBe(200);
      const entry = await ctx()
        .db.selectFrom('audit_events')
        .select('detail')
        .where('action', '=', 'password_sign_in_turned_off')
        .where('actor_id', '=', other.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(entry.detail).sessionsEnded).toBeGreaterThanOrEqual(2);
      expect((await breakGlass.post('/organisation/single-sign-on/passwords', { passwords: 'on' })).status).toBe(303);
    });

    it('a person sees the accounts they sign in with and can unlink one; an organisation admin can unlink someone’s, and both are in the audit log', async () => {
      const person = await makePerson(ctx().db, { organisationId, email: 'lara.link@oakfield.sch.uk' });
      idp.addAccount('tenant-a', { sub: 'pairwise-lara', claims: { tid: TENANT_A, oid: 'oid-lara', email: person.email, xms_edov: true } });
      idp.addAccount('google', { sub: '4070', claims: { hd: 'oakfield.sch.uk', email: person.email, email_verified: true } });
      const lara = ctx().client({ address: '10.9.19.1' });
      expect((await lara.get(await throughProvider(lara, microsoftId, 'tenant-a', 'pairwise-lara'))).status).toBe(303);
      expect((await lara.get(await throughProvider(lara, googleId, 'google', '4070'))).status).toBe(303);

      // Her staff record leads to the page, which lists both.
      const record = visibleText((await lara.get(`/staff/${person.id}`)).text);
      expect(record).toContain('Linked accounts: Microsoft and Google');
      const page = await lara.get('/account/linked-accounts');
      expect(page.status).toBe(200);
      expect(visibleText(page.text)).toContain('Your linked accounts');
      expect(visibleText(page.text)).toContain(person.email);
      const ids = await ctx().db.selectFrom('sso_identities').select(['id', 'provider']).where('person_id', '=', person.id).execute();
      const microsoft = present(
        ids.find((i) => i.provider === 'microsoft'),
        'her Microsoft binding',
      );
      const google = present(
        ids.find((i) => i.provider === 'google'),
        'her Google binding',
      );

      // Someone else can't unlink it, through their own page or the admin's.
      const stranger = ctx().client({ address: '10.9.19.2' });
      await signIn(stranger, teacher.email);
      expect((await stranger.post(`/account/linked-accounts/${microsoft.id}/unlink`, {})).status).toBe(404);
      expect((await stranger.post(`/organisation/single-sign-on/people/${person.id}/accounts/${microsoft.id}/unlink`, {})).status).toBe(403);

      const unlinked = await lara.post(`/account/linked-accounts/${microsoft.id}/unlink`, {});
      expect(unlinked.location).toBe('/account/linked-accounts?unlinked=microsoft');
      expect(visibleText((await lara.get(present(unlinked.location, 'the page'))).text)).toContain('Your Microsoft account has been unlinked');
      expect(await identities(person.id)).toEqual([{ provider: 'google', subject: '4070' }]);

      const adminClient = ctx().client({ address: '10.9.19.3' });
      await signIn(adminClient, admin.email);
      const theirs = await adminClient.get(`/organisation/single-sign-on/people/${person.id}`);
      expect(visibleText(theirs.text)).toContain(`${person.givenName} ${person.familyName}’s linked accounts`);
      const byAdmin = await adminClient.post(`/organisation/single-sign-on/people/${person.id}/accounts/${google.id}/unlink`, {});
      expect(byAdmin.status).toBe(303);
      expect(visibleText((await adminClient.get(present(byAdmin.location, 'the page'))).text)).toContain(
        `${person.givenName} ${person.familyName} has no linked accounts`,
      );
      expect(await identities(person.id)).toEqual([]);

      // The audit log viewer, filtered by the person affected, shows both.
      const log = visibleText(
        (await adminClient.get(`/data-protection/audit-log?person=${encodeURIComponent(person.email)}&action=single_sign_on_unbound`)).text,
      );
      expect(log.split('Entries When Action')[1]?.match(/Single sign on unbound/g)?.length).toBe(2);

      // Her next sign-in with Microsoft links her account again by email.
      expect((await lara.get(await throughProvider(lara, microsoftId, 'tenant-a', 'pairwise-lara'))).status).toBe(303);
      expect(await identities(person.id)).toEqual([{ provider: 'microsoft', subject: `${TENANT_A}:oid-lara` }]);
    });

    it('starting sign-ins over and over from one address is slowed, then refused for a while', async () => {
      const client = ctx().client({ address: '10.9.20.1' });
      let refused: { status: number; text: string; headers: Headers } | undefined;
      for (let tries = 0; tries < 120 && !refused; tries++) {
        const page = await client.post('/sign-in/sso/0190aaaa-0000-7000-8000-000000000000', {});
        if (page.status === 429) refused = page;
        else expect(page.status).toBe(404);
      }
      const page = present(refused, 'a refusal');
      expect(page.headers.get('retry-after')).toBeTruthy();
      expect(visibleText(page.text)).toMatch(/Too many sign-ins have been started from your network\. Wait \d+ seconds and try again\./);
      expect((await ctx().client({ address: '10.9.20.2' }).post(`/sign-in/sso/${microsoftId}`, {})).status).toBe(303);
    });

    it('a person’s bindings are in their personal data export and go when they are erased', async () => {
      const person = await makePerson(ctx().db, { organisationId, email: 'erin.ward@oakfield.sch.uk' });
      idp.addAccount('google', { sub: '3060', claims: { hd: 'oakfield.sch.uk', email: person.email, email_verified: true } });
      const client = ctx().client({ address: '10.9.16.1' });
      expect((await client.get(await throughProvider(client, googleId, 'google', '3060'))).status).toBe(303);
      const hook = singleSignOnModule.personalData;
      const subject = { id: person.id, organisationId, givenName: 'Erin', familyName: 'Ward', email: person.email, strings: [person.email] };
      expect((await hook.export(ctx().db, subject)).data).toMatchObject({
        'accounts bound': [{ provider: 'google', subject: '3060', email_at_binding: person.email }],
      });
      const now = ctx().clock.now().toISOString();
      await hook.erase(ctx().db, subject, { formerPersonId: '', credentials: 'keep', now, clock: ctx().clock, config: ctx().config });
      expect(await identities(person.id)).toEqual([]);
    });

    it('a flood of answers that do not work from one address is slowed, then refused for a while', async () => {
      const client = ctx().client({ address: '10.9.17.1' });
      let refused: { status: number; text: string; headers: Headers } | undefined;
      for (let tries = 0; tries < 40 && !refused; tries++) {
        const page = await client.get(`/sign-in/sso/callback?code=x&state=guess-${tries}`);
        if (page.status === 429) refused = page;
        else expect(page.status).toBe(400);
      }
      const page = present(refused, 'a refusal');
      expect(page.headers.get('retry-after')).toBeTruthy();
      expect(visibleText(page.text)).toMatch(/Too many sign-ins that did not work have come from your network\. Wait \d+ seconds and try again\./);
      // Another address is not held up.
      expect((await ctx().client({ address: '10.9.17.2' }).get('/sign-in/sso/callback?state=x')).status).toBe(400);
    });

    it('the settings page shows what is set up, never the secret, and says what is wrong with a form', async () => {
      const client = ctx().client({ address: '10.9.15.1' });
      await signIn(client, admin.email);
      const page = await client.get('/organisation/single-sign-on');
      expect(page.status).toBe(200);
      const text = visibleText(page.text);
      expect(text).toContain('http://localhost/sign-in/sso/callback');
      expect(text).toContain(`http://localhost/sign-in?organisation=${organisationId}`);
      expect(page.text).toContain(TENANT_A);
      expect(page.text).not.toContain(idp.clientSecret);
      const bad = await client.post('/organisation/single-sign-on/google', { domains: 'not a domain', clientId: '', clientSecret: '' });
      expect(bad.status).toBe(400);
      expect(visibleText(bad.text)).toContain('Each domain must look like school.org.uk');
      expect(visibleText(bad.text)).toContain('Enter the client ID');
    });
  },
  env,
);

describe('single sign-on settings', () => {
  it('production refuses a provider address over plain http (only tests and development talk to a local provider)', () => {
    const production = {
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail.example.org:25',
      BASE_URL: 'https://waymark.example.org',
      SIGNING_KEYS_SECRET: 'an-example-secret-of-at-least-32-characters',
    };
    expect(loadConfig(production).SSO_MICROSOFT_AUTHORITY).toBe('https://login.microsoftonline.com');
    expect(() => loadConfig({ ...production, SSO_MICROSOFT_AUTHORITY: 'http://127.0.0.1:4000' })).toThrow(/SSO_MICROSOFT_AUTHORITY must start with https/);
    expect(() => loadConfig({ ...production, SSO_GOOGLE_ISSUER: 'http://127.0.0.1:4000/google' })).toThrow(/SSO_GOOGLE_ISSUER must start with https/);
  });
});
