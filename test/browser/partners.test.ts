import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeInBrowser, linkIn, startHarness, type Harness } from './support/harness';
import { auditSummary, type Journey } from './support/journey';
import { heading, pathOf, sessionRunningNow, signInWithPassword } from './support/pages';
import { part } from '../support/present';

// Issue 17's journeys: a teacher at a school on no organisation on Waymark applies to the Pennine
// Leadership Hub's Leadership Pathways (open to staff of any school; the cohort asks for the
// headteacher's support and not a line manager's), their headteacher supports by email link without
// an account, the programme lead accepts, and the participant attends a session. Then a public
// taster, signed out.

const LEAD = 'joy.ogunleye@pennine-hub.example.org';
const PROGRAMME = 'Leadership Pathways';
const COHORT = 'Pennine Cohort 1';

describeInBrowser('an outside teacher applies to a provider’s open programme, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  /** Opens the app link in the newest email to `to`, checking its subject. */
  async function followEmail(j: Journey, to: string, subject: string | RegExp): Promise<void> {
    const email = await h.latestEmailTo(to);
    expect(email.subject).toMatch(subject);
    await j.goto(linkIn(email, h.baseUrl).replace(h.baseUrl, ''));
  }

  const runs = [
    { javaScript: true, given: 'Priya', family: 'Shah', head: 'gareth.pugh@moorside-primary.example.org', attends: 'checks in with the code' },
    { javaScript: false, given: 'Owen', family: 'Hale', head: 'g.pugh@moorside-primary.example.org', attends: 'is marked present by the lead' },
  ];

  for (const run of runs) {
    it(`${run.given} signs up by work email, chooses their school, applies; their headteacher supports by email link; the lead accepts; ${run.given} ${run.attends} (${run.javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const name = `${run.given} ${run.family}`;
      const work = `${run.given}.${run.family}@moorside-primary.example.org`.toLowerCase();
      const js = run.javaScript;

      // Signed out, the teacher finds the open programme and gives their work email.
      const t = await h.journey({ javaScript: js, name: `${run.given} applies from their school` });
      const { page } = t;
      await t.goto('/open-programmes');
      expect(await heading(page)).toBe('Programmes open to staff of any school');
      await t.navigate(() => page.getByRole('link', { name: `Apply for ${PROGRAMME}, ${COHORT}` }).click());
      expect(await heading(page)).toBe('Apply from your school');
      await page.getByLabel('Your work email address').fill(work);
      await t.navigate(() => page.getByRole('button', { name: 'Send me a link' }).click());
      expect(await heading(page)).toBe('Check your email');

      // The link confirms the address; they say who they are and choose their school from the list.
      await followEmail(t, work, `Confirm your email to apply for ${PROGRAMME}`);
      expect(await heading(page)).toBe('About you and your school');
      await page.getByRole('textbox', { name: 'First name' }).fill(run.given);
      await page.getByRole('textbox', { name: 'Last name' }).fill(run.family);
      await page.getByRole('textbox', { name: 'Job title' }).fill('Head of Year 5');
      await page.getByRole('radio', { name: 'Teaching staff' }).check();
      await page.getByRole('radio', { name: 'Middle leader' }).check();
      const started = page.getByRole('group', { name: 'When did you start teaching or working in schools?' });
      await started.getByLabel('Day').fill('1');
      await started.getByLabel('Month').fill('9');
      await started.getByLabel('Year').fill('2015');
      await page.getByRole('textbox', { name: 'Your school' }).fill('moorside');
      await page.getByRole('textbox', { name: 'Headteacher’s name' }).fill('Gareth Pugh');
      await page.getByRole('textbox', { name: 'Headteacher’s email address' }).fill(run.head);
      await t.navigate(() => page.getByRole('button', { name: 'Search for the school' }).click());
      // The form comes back as typed, with the schools found.
      expect(await page.getByRole('textbox', { name: 'First name' }).inputValue()).toBe(run.given);
      await page.getByRole('radio', { name: 'Moorside Community Primary School' }).check();
      await t.navigate(() => page.getByRole('button', { name: 'Continue to your application' }).click());
      expect(await heading(page)).toBe(`Sign in as ${run.given}`);
      await t.navigate(() => page.getByRole('button', { name: 'Sign in' }).click());
      expect(pathOf(page)).toBe('/');

      // They apply through the usual application journey.
      await t.navigate(() => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Programmes', exact: true }).click());
      await t.navigate(() => page.getByRole('link', { name: PROGRAMME, exact: true }).first().click());
      expect(await heading(page)).toBe(PROGRAMME);
      await t.navigate(() =>
        page
          .getByRole('button', { name: /^Start your application/ })
          .first()
          .click(),
      );
      expect(await heading(page)).toBe('Your application');
      const applicationPath = pathOf(page);

      await t.navigate(() => page.getByRole('link', { name: 'Your current role and experience' }).click());
      await page.getByLabel('Your current role').fill('Head of Year 5 and maths lead');
      await page.getByLabel('Your leadership experience so far').fill('I lead the Year 5 team and our maths across Key Stage 2.');
      await t.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());
      await t.goto(applicationPath);
      await t.navigate(() => page.getByRole('link', { name: 'Why you want to take part' }).click());
      await page.getByLabel('Why do you want to take part?').fill('I want to lead change across the whole school, not only my year group.');
      await t.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());
      await t.goto(applicationPath);
      await t.navigate(() => page.getByRole('link', { name: 'Eligibility declarations' }).click());
      const statements = page.getByRole('group', { name: 'Confirm each statement' }).getByRole('checkbox');
      for (let i = 0; i < (await statements.count()); i++) await statements.nth(i).check();
      await t.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());
      await t.goto(applicationPath);
      await t.navigate(() => page.getByRole('link', { name: 'Your in-school coach' }).click());
      await page.getByRole('radio', { name: 'No, they are not on Waymark' }).check();
      await page.getByRole('textbox', { name: 'Their full name' }).fill('Sam Ellis');
      await page.getByRole('textbox', { name: 'Their email address' }).fill('s.ellis@moorside-primary.example.org');
      await t.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());
      await t.goto(applicationPath);
      await t.navigate(() => page.getByRole('link', { name: 'Your whole-school project idea' }).click());
      await page.getByLabel('What whole-school change would you lead?').fill('Reasoning in every maths lesson from Reception to Year 6.');
      await t.navigate(() => page.getByRole('button', { name: 'Save and continue' }).click());
      // Their headteacher is filled in from joining, with the school's address from the list.
      await t.goto(applicationPath);
      await t.navigate(() => page.getByRole('link', { name: 'Your headteacher' }).click());
      expect(await page.getByRole('textbox', { name: 'Their work email address' }).inputValue()).toBe(run.head);
      expect(await page.locator('main').textContent()).toContain('Moorside Community Primary School (URN 108012)');

      await t.goto(`${applicationPath}/check`);
      expect(await heading(page)).toBe('Check your answers before submitting your application');
      await t.navigate(() => page.getByRole('button', { name: 'Submit application' }).click());
      expect(await page.locator('.govuk-panel__title').textContent()).toContain('Application submitted');

      // The headteacher opens the emailed link, with no account, and supports it.
      const head = await h.journey({ javaScript: js, name: `${run.given}’s headteacher supports by email link` });
      await followEmail(head, run.head, `${name} has asked for your support: ${PROGRAMME}`);
      expect(await heading(head.page)).toBe(`Does your school support ${name}’s application to ${PROGRAMME}?`);
      expect(await head.page.locator('main').textContent()).toContain('Moorside Community Primary School (URN 108012)');
      expect(await head.page.getByRole('textbox', { name: 'Your full name' }).inputValue()).toBe('Gareth Pugh');
      await head.page.getByRole('textbox', { name: 'Your role at the school' }).fill('Headteacher');
      await head.page.getByRole('radio', { name: 'Yes, the school supports this' }).check();
      await head.page.getByLabel('Your statement of support, or why you do not support it').fill(`${run.given} leads well and is ready for this.`);
      await head.navigate(() => head.page.getByRole('button', { name: 'Send your answer' }).click());
      expect(await heading(head.page)).toBe('Thank you: your answer is sent');
      head.finish();

      // The programme lead sees the application with the school and the head's answer, and accepts.
      const lead = await h.journey({ javaScript: js, name: `the lead accepts ${run.given}` });
      await signInWithPassword(lead, LEAD, DEMO_PASSWORD);
      await lead.goto('/programmes');
      await lead.navigate(() => lead.page.getByRole('link', { name: PROGRAMME, exact: true }).first().click());
      await lead.navigate(() => lead.page.getByRole('link', { name: COHORT, exact: true }).click());
      const cohortPath = pathOf(lead.page);
      await lead.navigate(() => lead.page.getByRole('button', { name: 'Review applications' }).click());
      expect(await lead.page.locator('main').textContent()).toContain('Moorside Community Primary School');
      await lead.navigate(() => lead.page.getByRole('link', { name: new RegExp(`^${name}`) }).click());
      expect(pathOf(lead.page)).toBe(applicationPath);
      expect(await lead.page.locator('main').textContent()).toContain('by email link');
      await lead.page.getByRole('radio', { name: 'Accept' }).check();
      await lead.page.getByLabel('Reason').fill('A clear application with the school’s support.');
      await lead.navigate(() => lead.page.getByRole('button', { name: 'Save decision' }).click());
      expect(await lead.page.locator('.govuk-tag').allTextContents()).toContain('Accepted');
      expect((await h.latestEmailTo(work)).text).toContain('A clear application with the school’s support.');

      // The lead adds a session running now.
      const running = sessionRunningNow();
      const title = `Pathways day: leading change (${run.given})`;
      await lead.goto(`${part(cohortPath, '?', 0)}/sessions/new`);
      await lead.page.getByLabel('Title', { exact: true }).fill(title);
      await lead.page.getByLabel('Day').fill(String(Number(part(running.date, '-', 2, 'day'))));
      await lead.page.getByLabel('Month').fill(String(Number(part(running.date, '-', 1, 'month'))));
      await lead.page.getByLabel('Year').fill(part(running.date, '-', 0, 'year'));
      await lead.page.getByLabel('Start time').fill(running.start);
      await lead.page.getByLabel('End time').fill(running.end);
      await lead.page.getByRole('radio', { name: 'In person' }).check();
      await lead.page.getByLabel('Venue (if in person)').fill('Pennine Leadership Hub, Room 2');
      await lead.navigate(() => lead.page.getByRole('button', { name: 'Create session' }).click());
      expect(await heading(lead.page)).toContain(title);
      const sessionPath = part(pathOf(lead.page), '?', 0);

      // The participant sees the session among theirs.
      await t.goto('/sessions');
      await t.navigate(() => page.getByRole('link', { name: title }).first().click());
      expect(await heading(page)).toContain(title);

      if (run.javaScript) {
        // The lead puts the check-in code up (ignoring the page's own refresh, as in the sessions journey) and the participant types it in.
        await lead.page.route('**/check-in-code*', async (route) => {
          const response = await route.fetch();
          const { refresh: _ignored, ...headers } = response.headers();
          await route.fulfill({ response, headers });
        });
        await lead.goto(sessionPath);
        await lead.navigate(() => lead.page.getByRole('button', { name: 'Show the check-in code' }).click());
        const code = ((await lead.page.locator('#check-in-code').textContent()) ?? '').replace(/\D/g, '');
        expect(code).toMatch(/^\d{6}$/);
        await t.navigate(() => page.getByRole('link', { name: 'Check in' }).click());
        await page.getByLabel('Code on the facilitator’s screen').fill(code);
        await t.navigate(() => page.getByRole('button', { name: 'Check in' }).click());
        expect(await page.locator('.govuk-panel__title').textContent()).toContain('You’re checked in');
        await lead.goto(`${sessionPath}/register`);
        expect(await lead.page.getByRole('group', { name }).textContent()).toContain('Checked in at');
      } else {
        // The lead takes the register and marks them present.
        await lead.goto(sessionPath);
        await lead.navigate(() => lead.page.getByRole('button', { name: 'Take the register' }).click());
        expect(await heading(lead.page)).toBe('Register');
        await lead.page.getByRole('group', { name }).getByRole('radio', { name: 'Present', exact: true }).check();
        await lead.navigate(() => lead.page.getByRole('button', { name: 'Save the register' }).click());
        expect(await lead.page.locator('.govuk-notification-banner').textContent()).toContain('The register is saved');
        expect(await lead.page.getByRole('group', { name }).getByRole('radio', { name: 'Present', exact: true }).isChecked()).toBe(true);
      }
      lead.finish();
      t.finish();
    });
  }

  it('signed out, someone opens the taster sessions, signs up by email, confirms their place by the emailed link and cancels it with the private link', async () => {
    const email = 'kemi.adebayo@example.net';
    const j = await h.journey({ name: 'a visitor signs up for a taster' });
    const { page } = j;
    await j.goto('/sign-in');
    await j.navigate(() => page.getByRole('link', { name: 'Taster sessions' }).first().click());
    expect(pathOf(page)).toBe('/tasters');
    expect(await heading(page)).toBe('Taster sessions');
    const signUp = page.getByRole('link', { name: /^Sign up for / }).first();
    const title = ((await signUp.textContent()) ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^Sign up for /, '');
    await j.navigate(() => signUp.click());
    expect(await heading(page)).toBe(title);

    // Nothing missing is accepted; then the page says to check the email, whoever it is.
    await j.navigate(() => page.getByRole('button', { name: 'Send me a link' }).click());
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Kemi Adebayo');
    await page.getByRole('textbox', { name: 'Your email address' }).fill(email);
    await j.navigate(() => page.getByRole('button', { name: 'Send me a link' }).click());
    expect(await heading(page)).toBe('Check your email');

    await followEmail(j, email, `Confirm your place: ${title}`);
    expect(await heading(page)).toBe('Confirm your place');
    await j.navigate(() => page.getByRole('button', { name: 'Confirm my place' }).click());
    expect(await page.locator('.govuk-panel__title').textContent()).toContain('Your place is confirmed');
    expect((await h.latestEmailTo(email)).subject).toBe(`Your place is confirmed: ${title}`);

    // The private link to cancel: opening it changes nothing, the button frees the place, and the link is then spent.
    await j.navigate(() => page.getByRole('link', { name: 'cancel your place' }).click());
    expect(await heading(page)).toBe('Cancel your place');
    const cancelPath = pathOf(page);
    await j.navigate(() => page.getByRole('button', { name: 'Cancel my place' }).click());
    expect(await page.locator('.govuk-panel__title').textContent()).toContain('Your place is cancelled');
    expect((await h.latestEmailTo(email)).subject).toBe(`Your place is cancelled: ${title}`);
    await j.goto(cancelPath);
    expect(await heading(page)).toBe('This link is no longer valid');
    j.finish();
  });
});
