import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSummary } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { expectFieldError, heading, pathOf, signInWithPassword, summaryValue } from './support/pages';

describeInBrowser('the staff directory, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  /** The text of each cell in the results table's column `n` (1-based). */
  const column = (h: { page: import('playwright-core').Page }, n: number) => h.page.locator(`table.govuk-table tbody tr td:nth-child(${n})`).allTextContents();

  // Each run edits a different person, so the two runs can share the file's database.
  const runs = [
    { javaScript: true, search: 'Walsh', row: 'Walsh, Tom', name: 'Tom Walsh', newGivenName: 'Thomas' },
    { javaScript: false, search: 'Clarke', row: 'Clarke, Emily', name: 'Emily Clarke', newGivenName: 'Emilia' },
  ];

  for (const run of runs) {
    it(`an organisation admin searches, filters and pages through staff, then corrects someone's record (${run.javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const j = await h.journey({ javaScript: run.javaScript });
      const { page } = j;
      await signInWithPassword(j, h.orgAdminEmail, DEMO_PASSWORD);

      const menu = page.getByRole('navigation', { name: 'Menu' });
      await j.navigate(() => menu.getByRole('link', { name: 'Staff', exact: true }).click());
      expect(pathOf(page)).toBe('/staff');
      expect(await heading(page)).toBe('Staff');
      const status = page.getByRole('status');
      const everyone = (await status.textContent()) ?? '';
      const total = Number(everyone.match(/of (\d+) people/)?.[1]);
      expect(everyone).toMatch(/^Showing 1 to 25 of \d+ people$/);
      expect(total).toBeGreaterThan(25);

      // Page through the whole list with "Next".
      const pagination = page.getByRole('navigation', { name: 'Pagination' });
      const pages = Math.ceil(total / 25);
      for (let n = 2; n <= pages; n++) {
        await j.navigate(() => pagination.getByRole('link', { name: /Next/ }).click());
        expect(new URL(page.url()).searchParams.get('after')).toBeTruthy();
        expect(await status.textContent()).toBe(`Showing ${(n - 1) * 25 + 1} to ${Math.min(total, n * 25)} of ${total} people`);
      }
      expect(await pagination.getByRole('link', { name: /Next/ }).count()).toBe(0);
      // And back with "Previous" to the first page.
      for (let n = pages - 1; n >= 1; n--) {
        await j.navigate(() => pagination.getByRole('link', { name: /Previous/ }).click());
        expect(await status.textContent()).toBe(`Showing ${(n - 1) * 25 + 1} to ${n * 25} of ${total} people`);
      }
      expect(await pagination.getByRole('link', { name: /Previous/ }).count()).toBe(0);

      // Search by name.
      const search = page.getByRole('search', { name: 'Find staff' });
      await search.getByLabel('Search').fill(run.search);
      await j.navigate(() => search.getByRole('button', { name: 'Apply filters' }).click());
      expect(await heading(page)).toBe('Staff');
      expect(await page.title()).toContain(`Staff matching “${run.search}”`);
      expect(await status.textContent()).toBe('Showing 1 to 1 of 1 person');
      expect(await page.getByRole('link', { name: run.row }).count()).toBe(1);

      // Filter by school (search cleared): every row is at that school.
      await search.getByLabel('Search').fill('');
      await search.getByLabel('School').selectOption({ label: 'Oakfield Primary School' });
      await j.navigate(() => search.getByRole('button', { name: 'Apply filters' }).click());
      const schools = await column(j, 3);
      expect(schools.length).toBeGreaterThan(5);
      expect(new Set(schools.map((s) => s.trim()))).toEqual(new Set(['Oakfield Primary School']));
      expect(await search.getByLabel('School').inputValue()).not.toBe('');

      // Back to everyone, find the person, open their record.
      await j.navigate(() => search.getByRole('link', { name: 'Clear filters' }).click());
      await search.getByLabel('Search').fill(run.search);
      await j.navigate(() => search.getByRole('button', { name: 'Apply filters' }).click());
      await j.navigate(() => page.getByRole('link', { name: run.row }).click());
      expect(await heading(page)).toBe(run.name);

      // Change their details: one mistake, then success.
      await j.navigate(() => page.getByRole('button', { name: 'Change details' }).click());
      expect(await heading(page)).toBe(`Change ${run.name}’s details`);
      await page.getByLabel('First name').fill('');
      await j.navigate(() => page.getByRole('button', { name: 'Save changes' }).click());
      await expectFieldError(j, 'givenName', 'Enter a first name');

      await page.getByLabel('First name').fill(run.newGivenName);
      await page.getByLabel('Job title (optional)').fill('Head of Department');
      await j.navigate(() => page.getByRole('button', { name: 'Save changes' }).click());
      const newName = `${run.newGivenName} ${run.name.split(' ')[1]}`;
      expect(await heading(page)).toBe(newName);
      expect(await page.getByText('Changes saved').count()).toBeGreaterThan(0);
      expect(await summaryValue(page, 'Job title')).toBe('Head of Department');

      // The directory shows the new name.
      await j.navigate(() => menu.getByRole('link', { name: 'Staff', exact: true }).click());
      await search.getByLabel('Search').fill(run.newGivenName);
      await j.navigate(() => search.getByRole('button', { name: 'Apply filters' }).click());
      expect(await page.getByRole('link', { name: `${run.name.split(' ')[1]}, ${run.newGivenName}` }).count()).toBe(1);
      j.finish();
    });
  }
});
