import { afterAll, beforeAll, expect, it } from 'vitest';
import { readZip } from '../../src/features/subject-rights/zip';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { auditSummary } from './support/journey';
import { heading, signInWithPassword } from './support/pages';

describeInBrowser('subject access and erasure, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  it('an organisation admin requests an export for Liam, downloads it, then erases him after the confirm step', async () => {
    const liam = await h.db
      .selectFrom('people')
      .select(['id', 'email'])
      .where('given_name', '=', 'Liam')
      .where('family_name', '=', "O'Connor")
      .executeTakeFirstOrThrow();
    const j = await h.journey({ name: 'An admin answers a subject access request and an erasure' });
    const { page } = j;
    await signInWithPassword(j, h.orgAdminEmail, DEMO_PASSWORD);
    await j.navigate(() => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Subject access' }).click());
    expect(await heading(page)).toBe('Subject access and erasure');
    // The demo's export about Aisha is ready, and its erasure names no one.
    expect(await page.locator('main').textContent()).toContain('Aisha Begum');

    await page.getByLabel('Email address of the person').fill('nobody@example.org');
    await j.navigate(() => page.getByRole('button', { name: 'Find' }).click());
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Nobody in your organisation has that email address');
    await page.getByLabel('Email address of the person').fill(liam.email);
    await j.navigate(() => page.getByRole('button', { name: 'Find' }).click());
    expect(await heading(page)).toBe("Liam O'Connor");

    await j.navigate(() => page.getByRole('button', { name: 'Request an export' }).click());
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Export requested');
    // The worker makes it (here: the outbox drained once).
    await h.latestEmailTo(h.orgAdminEmail).catch(() => undefined);
    await j.goto(`/subject-rights/people/${liam.id}`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download/ }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const zip = readZip(readFileSync(file));
    expect(zip.get('summary.html')?.toString('utf8')).toContain('Personal data held about Liam O&#39;Connor');

    await j.navigate(() => page.getByRole('link', { name: "Erase Liam O'Connor" }).click());
    expect(await heading(page)).toBe("Erase Liam O'Connor");
    await j.navigate(() => page.getByRole('button', { name: "Erase Liam O'Connor" }).click());
    const problems = (await page.locator('.govuk-error-summary').textContent()) ?? '';
    expect(problems).toContain('Choose whether their certificates stay verifiable or are revoked');
    await page.getByLabel('Revoke them').check();
    await page.getByLabel(/I understand that Liam O'Connor will be erased/).check();
    await j.navigate(() => page.getByRole('button', { name: "Erase Liam O'Connor" }).click());
    // The worker carries the erasure out; until it has, the page says it has started.
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Erasure started. The person can no longer sign in.');
    expect(await page.locator('main').textContent()).not.toContain('Liam');
    await h.runWorker();
    await j.navigate(() => page.reload());
    expect(await page.locator('main').textContent()).toContain('Finished');
    await j.navigate(() => page.getByRole('link', { name: 'See what the erasure did' }).click());
    expect(await page.locator('main').textContent()).not.toContain('Liam');
    expect(await h.db.selectFrom('people').select('id').where('id', '=', liam.id).executeTakeFirst()).toBeUndefined();
  });
});
