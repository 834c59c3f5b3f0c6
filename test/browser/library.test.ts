import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { auditSummary } from './support/journey';
import { expectFieldError, heading, pathOf, signInWithPassword } from './support/pages';

describeInBrowser('the shared library, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  // Marcus Bell, the demo trust's director of education (a programme lead), and Nadia Okafor,
  // programme lead of Fenland Schools Partnership, another organisation on the installation.
  const marcus = 'marcus.bell@riverside-trust.example.org';
  const nadia = 'nadia.okafor@fenland-partnership.example.org';

  it('without JavaScript: Marcus shares the associate staff framework, and Nadia previews it and copies it into her organisation', async () => {
    const m = await h.journey({ javaScript: false, name: 'Marcus shares a framework' });
    await signInWithPassword(m, marcus, DEMO_PASSWORD);
    await m.goto('/library');
    await m.navigate(() => m.page.getByRole('link', { name: 'Share a framework or programme design' }).click());
    expect(await heading(m.page)).toBe('Share with other organisations');
    // Nothing filled in: the error summary.
    await m.navigate(() => m.page.getByRole('button', { name: 'Share' }).click());
    await expectFieldError(m, 'name', 'Enter a name');
    await m.page.getByLabel('What to share').selectOption({ label: 'Framework: Associate staff leadership framework, version 1' });
    await m.page.getByLabel('Name', { exact: true }).fill('Support staff leadership framework');
    await m.page.getByLabel('Description').fill('What our school business managers and office leads grow towards.');
    await m.page.getByLabel('CC BY-SA 4.0').check();
    await m.navigate(() => m.page.getByRole('button', { name: 'Share' }).click());
    expect(await m.page.locator('.govuk-notification-banner').textContent()).toContain('Shared with every organisation');
    const itemPath = pathOf(m.page).replace(/\?.*$/, '');
    m.finish();

    const n = await h.journey({ javaScript: false, name: 'Nadia copies it' });
    await signInWithPassword(n, nadia, DEMO_PASSWORD);
    await n.goto('/library');
    const list = (await n.page.locator('main').textContent()) ?? '';
    expect(list).toContain('Shared by Riverside Learning Trust');
    await n.navigate(() => n.page.getByRole('link', { name: 'Support staff leadership framework' }).click());
    expect(pathOf(n.page)).toBe(itemPath);
    expect(await n.page.locator('main').textContent()).toContain('CC BY-SA 4.0');
    await n.page.getByLabel('Title in your organisation').fill('Associate staff leadership framework');
    // Fenland already has the built-in framework of that name.
    await n.navigate(() => n.page.getByRole('button', { name: 'Copy into your organisation' }).click());
    await expectFieldError(n, 'title', 'Your organisation already has a framework called Associate staff leadership framework. Give the copy another title');
    await n.page.getByLabel('Title in your organisation').fill('Riverside support staff framework');
    await n.navigate(() => n.page.getByRole('button', { name: 'Copy into your organisation' }).click());
    expect(pathOf(n.page)).toMatch(/^\/frameworks\//);
    expect(await heading(n.page)).toBe('Riverside support staff framework');
    expect(await n.page.locator('main').textContent()).toContain(
      'Copied from Riverside Learning Trust’s Support staff leadership framework (version 1), CC BY-SA 4.0',
    );
    n.finish();
  });

  it('with JavaScript: Marcus sees how often the trust’s framework was copied, and by whom', async () => {
    const m = await h.journey({ javaScript: true, name: 'Marcus looks at the library' });
    await signInWithPassword(m, marcus, DEMO_PASSWORD);
    await m.goto('/library');
    await m.navigate(() => m.page.getByRole('link', { name: 'Middle Leadership framework', exact: true }).click());
    const text = (await m.page.locator('main').textContent()) ?? '';
    expect(text).toContain('Who copied it');
    expect(text).toContain('Fenland Schools Partnership');
    m.finish();
  });
});
