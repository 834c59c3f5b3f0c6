import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSummary } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { heading, signInWithPassword } from './support/pages';

describeInBrowser('certificates’ digital credentials, in a browser', () => {
  let h: Harness;
  let code: string;
  beforeAll(async () => {
    h = await startHarness();
    code = (await h.db.selectFrom('certificates').select('code').where('cohort_name', '=', 'Cohort 6').orderBy('recipient_name').executeTakeFirstOrThrow())
      .code;
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  for (const javaScript of [true, false]) {
    it(`someone given a credential file checks it from the verification page: the genuine one passes, an edited one does not (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const credential = await (await fetch(`${h.baseUrl}/certificates/${code}/credential.json`)).text();
      const j = await h.journey({ javaScript, name: `credential check ${javaScript ? 'with' : 'without'} JavaScript` });
      const { page } = j;
      await j.goto(`/certificates/${code}`);
      expect(await heading(page)).toBe('This is a genuine certificate');
      expect(await page.getByRole('link', { name: 'Download the digital credential (Open Badges 3.0, JSON)' }).count()).toBe(1);
      await j.navigate(() => page.getByRole('link', { name: 'check it here' }).click());
      expect(await heading(page)).toBe('Check a digital credential');

      await j.navigate(() => page.getByRole('button', { name: 'Check the credential' }).click());
      expect(await page.locator('.govuk-error-summary').getByText('Paste the credential, or choose its file').count()).toBe(1);

      await page.getByLabel('Paste the credential').fill(credential);
      await j.navigate(() => page.getByRole('button', { name: 'Check the credential' }).click());
      expect(await heading(page)).toBe('This credential is genuine');

      await j.goto('/certificates/check');
      await page.getByLabel('Paste the credential').fill(credential.replace('Towards Middle Leadership', 'Towards Headship'));
      await j.navigate(() => page.getByRole('button', { name: 'Check the credential' }).click());
      expect(await heading(page)).toBe('This credential is not genuine');
    });
  }

  it('an organisation admin replaces the certificate signing key', async () => {
    const j = await h.journey({ name: 'signing key' });
    const { page } = j;
    await signInWithPassword(j, h.orgAdminEmail, DEMO_PASSWORD);
    await j.goto('/certificates');
    await j.navigate(() => page.getByRole('link', { name: 'Your organisation’s certificate signing key' }).click());
    expect(await heading(page)).toBe('Certificate signing key');
    await j.navigate(() => page.getByRole('button', { name: 'Replace the signing key' }).click());
    expect(await page.getByText('The signing key was replaced').count()).toBe(1);
    expect(await page.getByText('Still listed, so what it signed still checks').count()).toBe(1);
  });
});
