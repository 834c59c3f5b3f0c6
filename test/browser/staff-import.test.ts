import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSummary } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { expectFieldError, heading, pathOf, signInWithPassword, summaryValue } from './support/pages';

/** A small export in Arbor's shape: two new people, one change to someone already there, one bad row. */
const ARBOR_CSV = [
  '"Legal Forename","Legal Surname","Work Email","Job Title","Staff Type","Staff ID","Line Manager Email"',
  '"Nadia","Hassan","n.hassan@riverside-academy.example.org","Teacher of Art","Teaching","ARB9001","t.walsh@riverside-academy.example.org"',
  '"Owen","Pryce","o.pryce@riverside-academy.example.org","Cover Supervisor","Support","ARB9002","n.byrne@riverside-academy.example.org"',
  '"Sanjay","Patel","s.patel@riverside-academy.example.org","Head of Mathematics and Computing","Teaching","",""',
  '"Ruth","Nobody","","Librarian","Support","ARB9004",""',
].join('\r\n');

describeInBrowser('importing staff from a CSV file, in a browser', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness();
    dir = await mkdtemp(join(tmpdir(), 'waymark-import-'));
  });
  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    console.log(auditSummary());
  });

  it('an organisation admin uploads an Arbor export, checks the preview and applies it', async () => {
    const file = join(dir, 'arbor-staff.csv');
    await writeFile(file, ARBOR_CSV);
    const j = await h.journey();
    const { page } = j;
    await signInWithPassword(j, h.orgAdminEmail, DEMO_PASSWORD);

    await j.navigate(() => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Import staff' }).click());
    expect(pathOf(page)).toBe('/import');
    expect(await heading(page)).toBe('Import staff from a CSV file');

    // Sending the form without a file is an error on the file field.
    await j.navigate(() => page.getByRole('button', { name: 'Upload and preview' }).click());
    await expectFieldError(j, 'file', 'Select a CSV file');

    await page.getByLabel('Staff list (CSV file)').setInputFiles(file);
    await page.getByLabel('School for rows that do not name one').selectOption({ label: 'Riverside Academy' });
    await j.navigate(() => page.getByRole('button', { name: 'Upload and preview' }).click());
    expect(pathOf(page)).toMatch(/^\/import\/[^/]+$/);
    expect(await heading(page)).toBe('Check the import before you confirm it');

    expect(await summaryValue(page, 'To add')).toBe('2 people');
    expect(await summaryValue(page, 'To update')).toBe('1 person');
    expect(await summaryValue(page, 'Not imported')).toBe('1 row');
    const toAdd = page.getByRole('table', { name: 'People to add' });
    expect(await toAdd.getByRole('cell', { name: 'Nadia Hassan' }).count()).toBe(1);
    expect(await toAdd.getByRole('cell', { name: 'Owen Pryce' }).count()).toBe(1);
    expect(
      await page
        .getByRole('table', { name: /People to update/ })
        .getByText('Head of Mathematics and Computing')
        .count(),
    ).toBe(1);

    await j.navigate(() => page.getByRole('button', { name: /^Import: add 2 people and update 1$/ }).click());
    expect(await page.title()).toMatch(/^Import complete/);
    expect(await page.locator('.govuk-panel').textContent()).toContain('2 people added and 1 person updated');

    // The new people are in the directory, at the school chosen for rows that name none.
    await j.navigate(() => page.getByRole('link', { name: 'Go to the staff directory' }).click());
    const search = page.getByRole('search', { name: 'Find staff' });
    await search.getByLabel('Search').fill('Hassan');
    await j.navigate(() => search.getByRole('button', { name: 'Apply filters' }).click());
    await j.navigate(() => page.getByRole('link', { name: 'Hassan, Nadia' }).click());
    expect(await heading(page)).toBe('Nadia Hassan');
    expect(await summaryValue(page, 'School')).toBe('Riverside Academy');
    expect(await summaryValue(page, 'Line manager')).toBe('Tom Walsh');

    // The upload page lists the import as done.
    await j.navigate(() => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Import staff' }).click());
    const recent = page.getByRole('table', { name: 'Recent imports' });
    expect(await recent.getByRole('link', { name: 'arbor-staff.csv' }).count()).toBe(1);
    expect(await recent.getByText('Imported', { exact: true }).count()).toBe(1);
    await j.navigate(() => recent.getByRole('link', { name: 'arbor-staff.csv' }).click());
    expect(await heading(page)).toBe('Import of arbor-staff.csv');
    j.finish();
  });

  it('a file far over the size limit gets the upload page with a 413 and a message, not a broken connection', async () => {
    // 30 MB sent at 8 MB a second, as over a school's connection: the upload takes seconds, so the
    // server must answer from Content-Length and still let the browser finish sending.
    const file = join(dir, 'huge.csv');
    await writeFile(file, Buffer.alloc(30 * 1024 * 1024, 0x41));
    const j = await h.journey({ javaScript: false });
    const { page } = j;
    await signInWithPassword(j, h.orgAdminEmail, DEMO_PASSWORD);
    await j.goto('/import');
    const devTools = await page.context().newCDPSession(page);
    await devTools.send('Network.enable');
    await devTools.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 8 * 1024 * 1024 });
    await page.getByLabel('Staff list (CSV file)').setInputFiles(file);
    const response = page.waitForResponse((r) => r.url().endsWith('/import') && r.request().method() === 'POST');
    await j.navigate(() => page.getByRole('button', { name: 'Upload and preview' }).click());
    expect((await response).status()).toBe(413);
    await expectFieldError(j, 'file', 'The selected file must be smaller than 10 MB');
    j.finish();
  });
});
