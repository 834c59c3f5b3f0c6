import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { makeOrganisation, makePerson } from '../support/factories';
import { auditSummary } from './support/journey';
import { layoutProblems } from './support/layout';
import { heading, signInWithPassword } from './support/pages';

describeInBrowser('a leadership record shared with a panel, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  it('Hannah shares her record (errors first), a panel reads it signed out without JavaScript at a phone’s width, and she revokes it', async () => {
    const hannah = await h.db
      .selectFrom('people')
      .select('email')
      .where('given_name', '=', 'Hannah')
      .where('family_name', '=', 'Jones')
      .executeTakeFirstOrThrow();
    const j = await h.journey({ name: 'Hannah shares her leadership record' });
    const { page } = j;
    await signInWithPassword(j, hannah.email, DEMO_PASSWORD);
    await j.navigate(() => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Leadership record' }).click());
    expect(await heading(page)).toBe('Your leadership record');
    const record = (await page.locator('main').textContent()) ?? '';
    expect(record).toContain('Head of mathematics application, Northgate School');
    expect(record).toContain('expired');

    await j.navigate(() => page.getByRole('link', { name: 'Share your record' }).click());
    await j.navigate(() => page.getByRole('button', { name: 'Create the link' }).click());
    const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
    expect(summary).toContain('Enter what the link is for');
    expect(summary).toContain('Enter the last day the link works');

    const next = new Date(Date.now() + 30 * 86_400_000);
    await page.getByLabel('What the link is for').fill('Deputy head application, Westfield');
    await page.getByRole('group', { name: 'The last day the link works' }).getByLabel('Day').fill(String(next.getUTCDate()));
    await page
      .getByRole('group', { name: 'The last day the link works' })
      .getByLabel('Month')
      .fill(String(next.getUTCMonth() + 1));
    await page.getByRole('group', { name: 'The last day the link works' }).getByLabel('Year').fill(String(next.getUTCFullYear()));
    await page.getByLabel('Your personal statement').check();
    await j.navigate(() => page.getByRole('button', { name: 'Create the link' }).click());
    expect(await heading(page)).toBe('Deputy head application, Westfield');
    const link = ((await page.locator('main code').textContent()) ?? '').replace(h.baseUrl, '');
    expect(link).toMatch(/^\/shared\//);

    // The panel has no account and no JavaScript, on a phone.
    const panel = await h.journey({ javaScript: false, name: 'A panel reads the shared record' });
    await panel.page.setViewportSize({ width: 375, height: 740 });
    await panel.goto(link);
    expect(await heading(panel.page)).toBe('Hannah Jones');
    const shown = (await panel.page.locator('main').textContent()) ?? '';
    expect(shown).toContain('Verified by');
    expect(shown).not.toContain('Personal statement');
    expect(await layoutProblems(panel.page)).toEqual([]);

    await j.goto(new URL(page.url()).pathname);
    expect(await page.locator('main').textContent()).toMatch(/at [0-9:]+[ap]m, Chrome on /);
    await j.navigate(() => page.getByRole('button', { name: 'Revoke this link' }).click());
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Link revoked');

    await panel.goto(link);
    expect(await heading(panel.page)).toBe('This link is no longer available');
    expect(await panel.page.locator('main').textContent()).not.toContain('Verified by');
    panel.finish();
    j.finish();
  });

  it('Hannah downloads her record file, and takes it to another organisation, where it is checked and brought in without JavaScript', async () => {
    const hannah = await h.db
      .selectFrom('people')
      .select(['email', 'organisation_id'])
      .where('given_name', '=', 'Hannah')
      .where('family_name', '=', 'Jones')
      .executeTakeFirstOrThrow();
    const j = await h.journey({ name: 'Hannah downloads her record file' });
    await signInWithPassword(j, hannah.email, DEMO_PASSWORD);
    await j.goto('/record');
    const download = await j.page.request.get('/record/export.json');
    expect(download.status()).toBe(200);
    const file = Buffer.from(await download.body());
    expect(JSON.parse(file.toString('utf8')).type).toEqual(['VerifiableCredential', 'ClrCredential']);
    j.finish();

    // The same person at another organisation on this Waymark (as their new school would add them), with the demo password.
    const organisation = await makeOrganisation(h.db, 'Hillside Schools Trust');
    const elsewhere = await makePerson(h.db, {
      organisationId: organisation.id,
      givenName: 'Hannah',
      familyName: 'Jones',
      email: 'hannah.jones@hillside.example.org',
    });
    const hash = await h.db
      .selectFrom('passwords')
      .innerJoin('people', 'people.id', 'passwords.person_id')
      .select('passwords.hash')
      .where('people.email', '=', hannah.email)
      .executeTakeFirstOrThrow();
    await h.db.updateTable('passwords').set({ hash: hash.hash }).where('person_id', '=', elsewhere.id).execute();
    const n = await h.journey({ javaScript: false, name: 'The record file brought in at another organisation' });
    const { page } = n;
    await signInWithPassword(n, elsewhere.email, DEMO_PASSWORD);
    await n.goto('/record');
    await n.navigate(() => page.getByRole('link', { name: 'Bring in a record file from another organisation' }).click());
    expect(await heading(page)).toBe('Bring in a record file');
    await n.navigate(() => page.getByRole('button', { name: 'Check the file' }).click());
    expect((await page.locator('.govuk-error-summary').textContent()) ?? '').toContain('Choose the leadership record file');
    await page.getByLabel('Choose the file').setInputFiles({ name: 'leadership-record.json', mimeType: 'application/json', buffer: file });
    await n.navigate(() => page.getByRole('button', { name: 'Check the file' }).click());
    expect(await heading(page)).toBe('What the file holds');
    const preview = (await page.locator('main').textContent()) ?? '';
    expect(preview).toContain('verified on import');
    expect(preview).toContain('Nothing has been added to your record yet');
    await n.navigate(() => page.getByRole('button', { name: 'Bring these into your record' }).click());
    expect(await heading(page)).toBe('Your leadership record');
    const record = (await page.locator('main').textContent()) ?? '';
    expect(record).toContain('Brought from other organisations');
    expect(record).toMatch(/Brought from .+, verified on import on/);
    n.finish();
  });
});
