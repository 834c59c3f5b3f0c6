import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSummary, type Journey } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, linkIn, startHarness, type Harness } from './support/harness';
import { heading, pathOf, signInWithPassword, submitSignIn } from './support/pages';
import { item } from '../support/present';

describeInBrowser('applying for a programme, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  // Two teachers in Riverside Academy's English department, line managed by the head of English.
  const runs = [
    { javaScript: true, applicant: () => item(h.signIns, 3).email, name: 'Grace' },
    { javaScript: false, applicant: () => 'l.oconnor@riverside-academy.example.org', name: 'Liam' },
  ];

  /** Opens a link from an email; the person signs in on the way if they aren't already. */
  async function followEmailLink(j: Journey, to: string, subject: RegExp): Promise<void> {
    const email = await h.latestEmailTo(to);
    expect(email.subject).toMatch(subject);
    await j.goto(linkIn(email, h.baseUrl).replace(h.baseUrl, ''));
    if (pathOf(j.page).startsWith('/sign-in')) await submitSignIn(j, to, DEMO_PASSWORD);
  }

  for (const run of runs) {
    it(`${run.name} applies, their line manager endorses, the headteacher supports, the lead accepts, and ${run.name} sees their task list (${run.javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const applicantEmail = run.applicant();
      const emails = h.signIns.map((s) => s.email);
      const headEmail = item(emails, 1, 'the headteacher’s email');
      const lineManagerEmail = item(emails, 2, 'the line manager’s email');
      const leadEmail = item(emails, 4, 'the programme lead’s email');

      // The applicant finds the programme and starts an application.
      const applicant = await h.journey({ javaScript: run.javaScript, name: `${run.name} applies` });
      const { page } = applicant;
      await signInWithPassword(applicant, applicantEmail, DEMO_PASSWORD);
      await applicant.navigate(() => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Programmes', exact: true }).click());
      expect(await heading(page)).toBe('Programmes');
      await applicant.navigate(() => page.getByRole('link', { name: 'Towards Middle Leadership', exact: true }).first().click());
      expect(await heading(page)).toBe('Towards Middle Leadership');
      await applicant.navigate(() => page.getByRole('button', { name: 'Start your application' }).click());
      expect(await heading(page)).toBe('Your application');
      const applicationPath = pathOf(page);

      await applicant.navigate(() => page.getByRole('link', { name: 'Your current role and experience' }).click());
      expect(await page.getByLabel('Your current role').inputValue()).not.toBe('');
      await page.getByLabel('Your leadership experience so far').fill('I lead our Year 8 reading programme and mentor a trainee teacher.');
      await applicant.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());

      await applicant.goto(applicationPath);
      await applicant.navigate(() => page.getByRole('link', { name: 'Why you want to take part' }).click());
      await page.getByLabel('Why do you want to take part?').fill('I want to lead colleagues well and help more of our pupils read for pleasure.');
      await applicant.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());

      await applicant.goto(applicationPath);
      await applicant.navigate(() => page.getByRole('link', { name: 'Eligibility declarations' }).click());
      const statements = page.getByRole('group', { name: 'Confirm each statement' }).getByRole('checkbox');
      for (let i = 0; i < (await statements.count()); i++) await statements.nth(i).check();
      await applicant.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());

      await applicant.goto(`${applicationPath}/check`);
      expect(await heading(page)).toBe('Check your answers before submitting your application');
      await applicant.navigate(() => page.getByRole('button', { name: 'Submit application' }).click());
      expect(await page.locator('.govuk-panel__title').textContent()).toContain('Application submitted');

      // The line manager is asked by email, and endorses it.
      const lineManager = await h.journey({ javaScript: run.javaScript, name: `${run.name}'s line manager endorses` });
      await followEmailLink(lineManager, lineManagerEmail, /support|endorse/i);
      expect(await heading(lineManager.page)).toContain(run.name);
      await lineManager.page.getByLabel('Yes, I endorse this application').check();
      await lineManager.page.getByLabel('Comment').fill('Ready for this: already leads well in the department.');
      await lineManager.navigate(() => lineManager.page.getByRole('button', { name: 'Send your answer' }).click());

      // Then the headteacher.
      const head = await h.journey({ javaScript: run.javaScript, name: `the headteacher supports ${run.name}` });
      await followEmailLink(head, headEmail, /support|endorse/i);
      await head.page.getByLabel('Yes, the school supports this').check();
      await head.navigate(() => head.page.getByRole('button', { name: 'Send your answer' }).click());

      // The programme lead reviews the round and accepts.
      const lead = await h.journey({ javaScript: run.javaScript, name: `the lead accepts ${run.name}` });
      await signInWithPassword(lead, leadEmail, DEMO_PASSWORD);
      await lead.goto('/programmes');
      await lead.navigate(() => lead.page.getByRole('link', { name: 'Towards Middle Leadership', exact: true }).first().click());
      await lead.navigate(() => lead.page.getByRole('link', { name: 'Cohort 8', exact: true }).click());
      await lead.navigate(() => lead.page.getByRole('button', { name: 'Review applications' }).click());
      await lead.navigate(() => lead.page.getByRole('link', { name: new RegExp(`^${run.name} `) }).click());
      expect(pathOf(lead.page)).toBe(applicationPath);
      await lead.page.getByLabel('Accept').check();
      await lead.page.getByLabel('Reason').fill('A clear, well-supported application.');
      await lead.navigate(() => lead.page.getByRole('button', { name: 'Save decision' }).click());
      expect(await lead.page.locator('.govuk-tag').allTextContents()).toContain('Accepted');

      // The applicant is told, and their programme shows its requirements as a task list.
      expect((await h.latestEmailTo(applicantEmail)).text).toContain('A clear, well-supported application.');
      await applicant.goto('/');
      await applicant.navigate(() => page.getByRole('link', { name: 'My programme' }).first().click());
      if (pathOf(page) === '/my-programme')
        await applicant.navigate(() =>
          page
            .getByRole('link', { name: /Towards Middle Leadership/ })
            .first()
            .click(),
        );
      expect(await heading(page)).toBe('Towards Middle Leadership');
      const tasks = page.locator('.govuk-task-list__item');
      expect(await tasks.count()).toBeGreaterThan(0);
      expect(await tasks.first().textContent()).toContain('Baseline self-assessment');
      expect(await tasks.last().textContent()).toContain('Programme lead sign-off');
    });
  }
});
