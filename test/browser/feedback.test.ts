import { afterAll, beforeAll, expect, it } from 'vitest';
import { londonDate, addDays } from '../../src/platform/dates';
import { auditSummary, type Journey } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, linkIn, startHarness, type Harness } from './support/harness';
import { heading, pathOf, signInWithPassword } from './support/pages';
import { item, part } from '../support/present';

describeInBrowser('a 360 feedback round, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  // Maria Silva, a teaching assistant on Towards Middle Leadership (Cohort 7), line managed by Niamh Byrne, the SENCo.
  const participantEmail = 'm.silva@riverside-academy.example.org';
  const lineManagerEmail = 'n.byrne@riverside-academy.example.org';
  const peers = [
    { name: 'Chloe Evans', email: 'c.evans@riverside-academy.example.org' },
    { name: 'Abdul Rahman', email: 'a.rahman@riverside-academy.example.org' },
    { name: 'Donna Kelly', email: 'donna.kelly@example.org' },
  ];

  /** Ticks the same point of the scale for every skill on a feedback form. */
  async function rateEverySkill(j: Journey, value: string): Promise<void> {
    const radios = j.page.locator(`input[type="radio"][value="${value}"]`);
    const n = await radios.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await radios.nth(i).check();
  }

  /** A respondent opens the link from their email, with or without JavaScript, and submits. */
  async function answerFromEmail(to: string, value: string, javaScript: boolean, named: boolean): Promise<void> {
    const email = await h.latestEmailTo(to);
    expect(email.subject).toContain('Maria Silva would like your feedback');
    const j = await h.journey({ javaScript, name: `${to} answers` });
    await j.page.setViewportSize({ width: 360, height: 740 });
    await j.goto(linkIn(email, h.baseUrl).replace(h.baseUrl, ''));
    expect(await heading(j.page)).toBe('Feedback for Maria Silva');
    expect(await j.page.locator('main').textContent()).toContain(named ? 'your answers are named' : 'Your answers are anonymous');
    await rateEverySkill(j, value);
    await j.page.getByLabel('What does Maria do well?').fill('Maria keeps the team calm and organised when plans change.');
    await j.page.getByLabel('What could they develop?').fill('Share her ideas in department meetings more often.');
    await j.navigate(() => j.page.getByRole('button', { name: 'Submit feedback' }).click());
    expect(await heading(j.page)).toBe('Thank you: your feedback has been sent');
    // The link has been used: it opens nothing more.
    await j.goto(linkIn(email, h.baseUrl).replace(h.baseUrl, ''));
    expect(await heading(j.page)).toBe('Thank you: your feedback has been sent');
    j.finish();
  }

  it('Maria opens a round, her line manager, three peers and two students answer, and she reads the report and downloads the PDF', async () => {
    const j = await h.journey({ name: 'Maria runs her 360 feedback' });
    const { page } = j;
    await signInWithPassword(j, participantEmail, DEMO_PASSWORD);
    await j.navigate(() => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: '360 feedback' }).click());
    expect(await heading(page)).toBe('360 feedback');
    await j.navigate(() => page.getByRole('button', { name: 'Start a feedback round' }).click());
    await page.getByLabel('Towards Middle Leadership, Cohort 7').check();
    await j.navigate(() => page.getByRole('button', { name: 'Continue' }).click());
    expect(await heading(page)).toBe('Start a feedback round');
    expect(await page.locator('input[name="skills"]:checked').count()).toBeGreaterThan(0);
    // A closing date in the past is refused, with the error shown on the form.
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2020');
    await j.navigate(() => page.getByRole('button', { name: 'Start the round' }).click());
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Closing date must be in the future');
    const closes = addDays(londonDate(new Date()), 14).split('-');
    await page.getByLabel('Day').fill(String(Number(closes[2])));
    await page.getByLabel('Month').fill(String(Number(closes[1])));
    await page.getByLabel('Year').fill(item(closes, 0));
    await j.navigate(() => page.getByRole('button', { name: 'Start the round' }).click());
    expect(await heading(page)).toBe('Your feedback round');
    const roundPath = part(pathOf(page), '?', 0);

    // Her own rating, on the same scale.
    await j.navigate(() => page.getByRole('link', { name: /Rate yourself/ }).click());
    await rateEverySkill(j, '3');
    await j.navigate(() => page.getByRole('button', { name: 'Save your ratings' }).click());
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Your own ratings are saved');

    // Her line manager from her staff record (offered ticked), and three peers: two colleagues on
    // Waymark, sent at once, and an outside address that waits for her line manager's approval.
    await j.navigate(() => page.getByRole('button', { name: 'Ask your line manager' }).click());
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Invitation sent');
    // (She answers now: her next email from Waymark asks her to approve the outside address.)
    await answerFromEmail(lineManagerEmail, '4', true, true);
    for (const peer of peers) {
      await page.getByLabel('Peer', { exact: true }).last().check();
      await page.getByLabel('Their name').fill(peer.name);
      await page.getByLabel('Their email address').fill(peer.email);
      await j.navigate(() => page.getByRole('button', { name: 'Send the invitation' }).click());
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        peer.email.endsWith('riverside-academy.example.org') ? 'Invitation sent' : 'awaits approval',
      );
    }
    const manager = await h.journey({ name: 'Niamh approves an outside address' });
    await signInWithPassword(manager, lineManagerEmail, DEMO_PASSWORD);
    await manager.goto('/feedback/approvals');
    await manager.navigate(() => manager.page.getByRole('button', { name: `Approve ${item(peers, 2).name}` }).click());
    manager.finish();

    await answerFromEmail(item(peers, 0).email, '5', true, false);
    await answerFromEmail(item(peers, 1).email, '4', false, false);
    await answerFromEmail(item(peers, 2).email, '4', true, false);

    // Students answer through the class link, each on their own device.
    await j.navigate(() => page.getByRole('button', { name: 'Open a class link' }).click());
    expect(await page.locator('svg[aria-label="QR code for the class link"]').count()).toBe(1);
    const classUrl = ((await page.locator('main').textContent()) ?? '').match(/\/feedback\/class\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(classUrl).toBeTruthy();
    for (const [i, javaScript] of [true, false].entries()) {
      const student = await h.journey({ javaScript, name: `student ${i + 1}` });
      await student.page.setViewportSize({ width: 360, height: 740 });
      await student.goto(classUrl as string);
      // Pupils know their teacher by title and surname.
      expect(await heading(student.page)).toBe('Feedback for Ms Silva');
      // Pupils answer questions worded for them, on a scale of Never to Always.
      await rateEverySkill(student, i === 0 ? '5' : '4');
      await student.navigate(() => student.page.getByRole('button', { name: 'Send my answers' }).click());
      expect(await heading(student.page)).toBe('Thank you: your answers have been sent');
      student.finish();
    }

    // Counts per group, never who.
    await j.goto(roundPath);
    const answers = page.getByRole('table', { name: 'Answers by group' });
    expect(await answers.getByRole('row', { name: /Peers/ }).textContent()).toMatch(/Peers\s*3\s*3/);
    // Closing early asks first, and says what it means.
    await j.navigate(() => page.getByRole('link', { name: 'Close the round now' }).click());
    expect(await heading(page)).toBe('Close your feedback round now?');
    await j.navigate(() => page.getByRole('button', { name: 'Close the round now' }).click());
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('your report is ready');

    await j.navigate(() => page.getByRole('link', { name: 'Read your report' }).click());
    expect(await heading(page)).toBe('360 feedback report: Maria Silva');
    expect(await page.locator('main').textContent()).toContain('Maria keeps the team calm and organised when plans change.');
    const pdfHref = await page.getByRole('button', { name: 'Download the report (PDF)' }).getAttribute('href');
    const pdf = await j.context.request.get(pdfHref as string);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    j.finish();
  });
});
