import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import type { Journey } from './support/journey';
import { auditSummary } from './support/journey';
import { heading, signInWithPassword } from './support/pages';

/** Chooses the first academic year offered, shows the report, and checks the address and every download link keep the choice. */
async function filterByYear(j: Journey, button: string) {
  const year = j.page.getByLabel('Academic year the cohort started');
  const value = await year.locator('option').nth(1).getAttribute('value');
  expect(value).toMatch(/^\d{4}$/);
  await year.selectOption(value as string);
  await j.navigate(() => j.page.getByRole('button', { name: button }).click());
  expect(new URL(j.page.url()).searchParams.get('year')).toBe(value);
  return value as string;
}

/** Fetches the page's first CSV download (with the journey's cookies) and checks it is a CSV file to save. */
async function downloadFirstCsv(j: Journey) {
  const href = await j.page.locator('a[download][href$=".csv"], a[download][href*=".csv?"]').first().getAttribute('href');
  expect(href).toBeTruthy();
  const response = await j.context.request.get(new URL(href as string, j.page.url()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8')).toMatch(/\r\n$/);
  return href as string;
}

describeInBrowser('reports, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  for (const { path, title, javaScript } of [
    { path: '/reports', title: 'Reports', javaScript: false },
    { path: '/reports/attendance', title: 'Attendance', javaScript: true },
    { path: '/reports/mentoring', title: 'Mentoring and projects', javaScript: true },
    { path: '/reports/feedback', title: '360 feedback by cohort', javaScript: true },
  ]) {
    it(`an organisation admin opens ${path}, filters it by year and downloads a table (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const j = await h.journey({ javaScript, name: `${path} ${javaScript ? 'with' : 'without'} JavaScript` });
      await signInWithPassword(j, h.orgAdminEmail, DEMO_PASSWORD);
      await j.goto(path);
      expect(await heading(j.page)).toBe(title);
      if (path === '/reports') {
        expect(await j.page.getByRole('heading', { name: 'Moving on to the next stage' }).count()).toBe(1);
        expect(
          (await j.page.getByRole('img', { name: /moved on from each stage to the next/ }).count()) +
            (await j.page.getByText('Nobody has completed a stage').count()),
        ).toBeGreaterThan(0);
      }
      const year = await filterByYear(j, path === '/reports' ? 'Show the reports' : 'Show the report');
      expect(new URL(j.page.url()).pathname).toBe(path);
      const href = await downloadFirstCsv(j);
      expect(href).toContain(`year=${year}`);
      j.finish();
    });
  }
});
