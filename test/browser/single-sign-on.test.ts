import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEVELOPMENT_SIGNING_KEYS_SECRET } from '../../src/config';
import { encryptSecret } from '../../src/platform/credentials/keys';
import { newId } from '../../src/platform/db/ids';
import { item } from '../support/present';
import { startTestIdentityProviders, TENANT_A, type TestIdentityProviders } from '../support/identity-provider';
import { auditSummary } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { expectFieldError, heading, pathOf, signInWithPassword } from './support/pages';

// Single sign-on in Chromium against a real OpenID provider (oidc-provider on a local port, set up
// like Microsoft Entra ID): the organisation admin sets Microsoft sign-in up, then a member of
// staff signs in with the button, with and without JavaScript; an account Waymark doesn't know is
// refused with a clear page.

describeInBrowser('single sign-on, in a browser', () => {
  let h: Harness;
  let idp: TestIdentityProviders;

  beforeAll(async () => {
    h = await startHarness({
      env: async (baseUrl) => {
        idp = await startTestIdentityProviders({ redirectUris: [`${baseUrl}/sign-in/sso/callback`] });
        return { SSO_MICROSOFT_AUTHORITY: idp.base, SSO_GOOGLE_ISSUER: idp.googleIssuer };
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await idp?.close();
    console.log(auditSummary());
  });

  it('an organisation admin sets up Microsoft sign-in, after a form error, and a member of staff signs in with it (with and without JavaScript)', async () => {
    const admin = await h.journey({ name: 'admin' });
    await signInWithPassword(admin, h.orgAdminEmail, DEMO_PASSWORD);
    await admin.navigate(() => admin.page.getByRole('link', { name: 'Single sign-on' }).first().click());
    expect(pathOf(admin.page)).toBe('/organisation/single-sign-on');
    expect(await heading(admin.page)).toBe('Single sign-on');
    await admin.page.getByLabel('Directory (tenant) ID').fill('not-a-tenant');
    await admin.page.getByLabel('Application (client) ID').fill(idp.clientId);
    await admin.page.getByLabel('Client secret value').fill(idp.clientSecret);
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Set up Microsoft sign-in' }).click());
    await expectFieldError(admin, 'microsoft-tenantIds', 'Each tenant ID must look like 72f988bf-86f1-41af-91ab-2d7cd011db47');
    await admin.page.getByLabel('Directory (tenant) ID').fill(TENANT_A);
    await admin.page.getByLabel('Client secret value').fill(idp.clientSecret);
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Set up Microsoft sign-in' }).click());
    expect(await admin.page.locator('.govuk-notification-banner').textContent()).toContain('Microsoft sign-in has been saved.');
    admin.finish();

    const staff = item(h.signIns, 3);
    idp.addAccount('tenant-a', { sub: 'pairwise-staff', claims: { tid: TENANT_A, oid: 'oid-staff', email: staff.email, xms_edov: true } });
    for (const javaScript of [true, false]) {
      const j = await h.journey({ javaScript, name: `staff ${javaScript ? 'with' : 'without'} JavaScript` });
      await j.goto('/staff');
      expect(pathOf(j.page)).toBe('/sign-in?next=%2Fstaff');
      idp.signInNextAs('tenant-a', 'pairwise-staff');
      await j.navigate(() => j.page.getByRole('button', { name: 'Sign in with Microsoft' }).click());
      expect(pathOf(j.page)).toBe('/staff');
      await j.goto('/account');
      expect(await j.page.getByText(staff.email).count()).toBeGreaterThan(0);
      j.finish();
    }
  });

  it('an account Waymark does not know is refused with a page saying so, and a second use of the same answer is refused too', async () => {
    // Microsoft sign-in set up (as the first test does through the settings page), if it isn't yet.
    const organisationId = (await h.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
    const at = new Date().toISOString();
    await h.db
      .insertInto('sso_connections')
      .values({
        id: newId(),
        organisation_id: organisationId,
        provider: 'microsoft',
        tenant_ids: JSON.stringify([TENANT_A]),
        domains: '[]',
        client_id: idp.clientId,
        client_secret_sealed: encryptSecret(idp.clientSecret, DEVELOPMENT_SIGNING_KEYS_SECRET),
        updated_by: null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'provider']).doNothing())
      .execute();
    idp.addAccount('tenant-a', { sub: 'pairwise-stranger', claims: { tid: TENANT_A, oid: 'oid-stranger', email: 'stranger@example.org', xms_edov: true } });
    const j = await h.journey({ name: 'stranger' });
    await j.goto('/sign-in');
    idp.signInNextAs('tenant-a', 'pairwise-stranger');
    await j.navigate(() => j.page.getByRole('button', { name: 'Sign in with Microsoft' }).click());
    expect(await heading(j.page)).toBe('You have not been signed in');
    expect(await j.page.locator('main').textContent()).toContain('There is no Waymark account for you in this organisation');
    const callback = j.page.url();
    await j.goto(callback);
    expect(await heading(j.page)).toBe('You have not been signed in');
    expect(await j.page.locator('main').textContent()).toContain('already been used');
    await j.navigate(() => j.page.getByRole('link', { name: 'Go back to sign in' }).click());
    expect(await heading(j.page)).toBe('Sign in to Waymark');
    j.finish();
  });
});
