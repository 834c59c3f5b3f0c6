import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSummary } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, linkIn, startHarness, type Harness } from './support/harness';
import { layoutProblems } from './support/layout';
import { heading, signInWithPassword } from './support/pages';

describeInBrowser('a portfolio entry verified from an emailed link, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  const outsider = 'gwen.hughes@riverside-primary.example.org';

  it('Hannah adds an entry (errors first), asks someone outside Waymark, who verifies it without an account or JavaScript at a phone’s width', async () => {
    const hannah = await h.db
      .selectFrom('people')
      .select('email')
      .where('given_name', '=', 'Hannah')
      .where('family_name', '=', 'Jones')
      .executeTakeFirstOrThrow();
    const j = await h.journey({ name: 'Hannah keeps her portfolio' });
    const { page } = j;
    await signInWithPassword(j, hannah.email, DEMO_PASSWORD);
    await j.navigate(() => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Portfolio' }).click());
    expect(await heading(page)).toBe('Your portfolio');
    expect(await page.locator('main').textContent()).toContain('Verified');
    await j.navigate(() => page.getByRole('button', { name: 'Add an entry' }).click());
    expect(await heading(page)).toBe('Add an entry');

    // Nothing filled in, and a file of a type nobody can open: the errors, and nothing stored.
    await page
      .locator('input[name="file"]')
      .setInputFiles({ name: 'notes.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ not a document') });
    await j.navigate(() => page.getByRole('button', { name: 'Add entry' }).click());
    const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
    expect(summary).toContain('Enter what changed in your practice, and for whom');
    expect(summary).toContain('The selected file must be a PDF');

    await page
      .getByLabel('What changed in your practice, and for whom?')
      .fill('Year 6 teachers at Riverside Primary now use reasoning prompts in every maths lesson; their pupils explain their methods more fully.');
    await page.getByLabel('Training delivered to others').check();
    await page.getByLabel('Title').fill('Twilight training for Riverside Primary');
    await page.getByRole('group', { name: 'When it started' }).getByLabel('Day').fill('3');
    await page.getByRole('group', { name: 'When it started' }).getByLabel('Month').fill('11');
    await page.getByRole('group', { name: 'When it started' }).getByLabel('Year').fill('2026');
    await page.getByLabel('Hours (optional)').fill('1.5');
    await page
      .locator('input[name="file"]')
      .setInputFiles({ name: 'register.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nsign-in sheet\n') });
    await j.navigate(() => page.getByRole('button', { name: 'Add entry' }).click());
    expect(await heading(page)).toBe('Twilight training for Riverside Primary');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main.indexOf('What changed in practice, and for whom')).toBeLessThan(main.indexOf('Details'));
    expect(main).toContain('register.pdf');

    await j.navigate(() => page.getByRole('button', { name: 'Ask someone to verify it' }).click());
    await page.getByLabel('Someone outside Waymark').check();
    await page.getByLabel('Their name').fill('Gwen Hughes');
    await page.getByLabel('Their email address').fill(outsider);
    await j.navigate(() => page.getByRole('button', { name: 'Send request' }).click());
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Request sent');
    expect(await page.locator('main').textContent()).toContain('Waiting for verification');

    // Gwen has no account: the link opens this one entry, without JavaScript, on a phone.
    const email = await h.latestEmailTo(outsider);
    const link = linkIn(email, h.baseUrl).replace(h.baseUrl, '');
    const gwen = await h.journey({ javaScript: false, name: 'Gwen verifies from the link' });
    await gwen.page.setViewportSize({ width: 375, height: 740 });
    await gwen.goto(link);
    expect(await heading(gwen.page)).toBe('Twilight training for Riverside Primary');
    expect(await layoutProblems(gwen.page)).toEqual([]);
    await gwen.page.getByLabel('Your role').fill('Maths lead, Riverside Primary');
    await gwen.navigate(() => gwen.page.getByRole('button', { name: 'Confirm the entry' }).click());
    expect(await gwen.page.locator('.govuk-error-summary').textContent()).toContain('Enter a short statement of what you can confirm');
    await gwen.page.getByLabel('Your statement').fill('Hannah led a twilight session for our Year 6 team in November.');
    await gwen.navigate(() => gwen.page.getByRole('button', { name: 'Confirm the entry' }).click());
    expect(await heading(gwen.page)).toBe('Thank you: your answer is sent');
    await gwen.goto(link);
    expect(await heading(gwen.page)).toBe('This request has been answered');
    // The link opens nothing else.
    await gwen.goto('/portfolio');
    expect(new URL(gwen.page.url()).pathname).toBe('/sign-in');
    gwen.finish();

    await j.goto(new URL(page.url()).pathname);
    const verified = (await page.locator('main').textContent()) ?? '';
    expect(verified).toContain('Verified by Gwen Hughes, Maths lead, Riverside Primary');
    expect(verified).toContain('Hannah led a twilight session');
    j.finish();
  });
});
