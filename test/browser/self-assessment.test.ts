import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSummary } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { heading, pathOf, signInWithPassword } from './support/pages';
import { item } from '../support/present';

describeInBrowser('a participant’s self-assessment, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  // Two participants of Towards Middle Leadership, Cohort 7: Oliver has a saved draft of his baseline; Maria has not started.
  // Maria uses her phone.
  const runs = [
    { javaScript: true, email: 'o.nowak@riverside-academy.example.org', name: 'Oliver', draft: true, phone: false },
    { javaScript: false, email: 'm.silva@riverside-academy.example.org', name: 'Maria', draft: false, phone: true },
  ];

  for (const run of runs) {
    it(`${run.name} saves their baseline, comes back, submits it and sees their progress (${run.javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const j = await h.journey({ javaScript: run.javaScript, name: `${run.name}'s self-assessment` });
      const { page } = j;
      if (run.phone) await page.setViewportSize({ width: 360, height: 740 });
      await signInWithPassword(j, run.email, DEMO_PASSWORD);
      await j.goto('/my-programme');
      await j.navigate(() => page.getByRole('link', { name: 'Towards Middle Leadership' }).click());
      await j.navigate(() => page.getByRole('link', { name: 'Your self-assessment' }).click());
      expect(await heading(page)).toBe('Your self-assessment');
      expect(await page.getByText('Midpoint self-assessment').count()).toBe(1);
      const overview = pathOf(page);

      const baseline = async () => {
        await j.navigate(() => page.getByRole('link', { name: 'Baseline self-assessment' }).click());
        expect(await heading(page)).toBe('Baseline self-assessment');
      };
      await baseline();
      // One section per domain of skills (the programme's four focus skills come from four domains).
      const sections = page.locator('.govuk-task-list__link');
      expect(await sections.count()).toBe(4);
      if (run.phone) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      if (run.draft) expect(await page.locator('.govuk-task-list__status').first().textContent()).toContain('Completed');

      /** Opens a section, answers its skill, and saves it. */
      const answer = async (index: number, rating: string, extra?: () => Promise<void>) => {
        await j.navigate(() => sections.nth(index).click());
        expect(await page.getByRole('group', { name: /^Your rating for / }).count()).toBe(1);
        if (run.phone) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await page
          .getByRole('group', { name: /^Your rating for / })
          .getByLabel(rating, { exact: true })
          .check();
        await extra?.();
        await j.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());
        expect(await page.getByText('Your answers are saved: you can come back and finish later').count()).toBe(1);
      };
      await answer(0, '3: Developing');
      // A link that is not a web address is refused, with the error beside the field.
      await j.navigate(() => sections.nth(1).click());
      await page.getByLabel(/^Link to evidence for /).fill('my shared drive');
      await j.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());
      expect(await page.title()).toMatch(/^Error: /);
      expect(await page.locator('.govuk-error-message').textContent()).toContain('Enter the evidence link as a web address');
      await page.getByLabel(/^Link to evidence for /).fill('');
      await j.navigate(() => page.getByRole('link', { name: 'Back to all sections' }).click());
      await answer(1, '2: Beginning');

      // Leave, and come back to the answers.
      await j.goto(overview);
      expect(await page.getByText('In progress').count()).toBe(1);
      await baseline();
      await j.navigate(() => sections.nth(0).click());
      expect(await page.getByLabel('3: Developing', { exact: true }).isChecked()).toBe(true);
      await j.navigate(() => page.getByRole('link', { name: 'Back to all sections' }).click());

      // Submitting needs every skill; the error summary links to the sections still to do.
      await j.navigate(() => page.getByRole('button', { name: 'Submit baseline self-assessment' }).click());
      expect(await page.title()).toMatch(/^Error: /);
      expect(await page.locator('.govuk-error-summary').getByRole('link').count()).toBe(2);

      await answer(2, '4: Secure', async () => {
        await page.getByLabel(/^Link to evidence for /).fill('https://drive.example.org/my-team-meeting-notes');
        // A file too, kept with the answers.
        await page
          .getByLabel(/^Add a file as evidence for /)
          .setInputFiles({ name: 'Team meeting notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nnotes\n%%EOF\n') });
      });
      await j.navigate(() => sections.nth(2).click());
      expect(await page.getByRole('link', { name: /^Team meeting notes\.pdf/ }).count()).toBe(1);
      await j.navigate(() => page.getByRole('link', { name: 'Back to all sections' }).click());
      await answer(3, 'Not sure yet', () => page.getByLabel(/^Note on /).fill('I have not had the chance to try this yet.'));
      await j.navigate(() => page.getByRole('button', { name: 'Submit baseline self-assessment' }).click());
      expect(pathOf(page)).toBe(`${overview}?done=submitted`);
      expect(await page.getByText('Self-assessment submitted').count()).toBe(1);
      const skills = 4;

      // The chart (an image with a name) and its table, one row per skill.
      const chart = page.getByRole('img', { name: 'Your self-assessment ratings by skill' });
      expect(await chart.count()).toBe(1);
      expect(await chart.isVisible()).toBe(true);
      const table = page.getByRole('table', { name: 'Ratings by skill and checkpoint' });
      expect(await table.isVisible()).toBe(true);
      expect(await table.getByRole('row').count()).toBe(skills + 1);
      expect(await table.getByText('Not sure yet').count()).toBe(1);
      expect(await table.getByText('4: Secure').count()).toBe(1);

      // Read-only from now on.
      await baseline();
      expect(await page.getByRole('button', { name: 'Submit baseline self-assessment' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'https://drive.example.org/my-team-meeting-notes' }).count()).toBe(1);
      j.finish();
    });
  }

  it('a participant with checkpoints submitted sees them side by side', async () => {
    const j = await h.journey({ name: 'progress across checkpoints' });
    await signInWithPassword(j, 'k.asante@riverside-academy.example.org', DEMO_PASSWORD);
    const enrolment = await h.db
      .selectFrom('enrolments')
      .innerJoin('people', 'people.id', 'enrolments.person_id')
      .select('enrolments.id')
      .where('people.email_normalised', '=', 'k.asante@riverside-academy.example.org')
      .executeTakeFirstOrThrow();
    await j.goto(`/enrolments/${enrolment.id}/self-assessment`);
    const table = j.page.getByRole('table', { name: 'Ratings by skill and checkpoint' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Skill', 'Baseline', 'Midpoint']);
    // On a phone the chart shrinks to fit and nothing scrolls sideways.
    await j.page.setViewportSize({ width: 360, height: 740 });
    for (const path of [`/enrolments/${enrolment.id}/self-assessment/midpoint`, `/enrolments/${enrolment.id}/self-assessment`]) {
      await j.goto(path);
      expect(await j.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    j.finish();
  });

  it('a programme lead chooses the checkpoints from the programme’s page', async () => {
    const j = await h.journey({ name: 'programme lead plans checkpoints' });
    const { page } = j;
    await signInWithPassword(j, item(h.signIns, 4).email, DEMO_PASSWORD);
    const programme = await h.db.selectFrom('programmes').select('id').where('title', '=', 'Towards Middle Leadership').executeTakeFirstOrThrow();
    await j.goto(`/programmes/${programme.id}`);
    await j.navigate(() => page.getByRole('link', { name: 'Self-assessment checkpoints' }).click());
    expect(await heading(page)).toBe('Self-assessment checkpoints');
    await page.getByRole('group', { name: 'When does the final self-assessment open?' }).getByLabel('From a number of weeks before the cohort ends').check();
    await page.getByLabel('Weeks before the end, for the final self-assessment').fill('');
    await j.navigate(() => page.getByRole('button', { name: 'Save checkpoints' }).click());
    expect(await page.title()).toMatch(/^Error: /);
    await page.getByLabel('Weeks before the end, for the final self-assessment').fill('5');
    await j.navigate(() => page.getByRole('button', { name: 'Save checkpoints' }).click());
    expect(await page.getByText('Checkpoints saved').count()).toBe(1);
    j.finish();
  });
});
