import { afterAll, beforeAll, expect, it } from 'vitest';
import { londonWallClock } from '../../src/platform/dates';
import { part } from '../support/present';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { auditSummary, type Journey } from './support/journey';
import { expectFieldError, heading, pathOf, signInWithPassword } from './support/pages';

describeInBrowser('careers, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  // Grace Adeyemi (an early career teacher of English) and her line manager Tom Walsh (Head of
  // English), from the demo. Every page they load is checked by axe.
  const grace = 'g.adeyemi@riverside-academy.example.org';
  const tom = 't.walsh@riverside-academy.example.org';
  const today = () => londonWallClock(new Date()).date;
  async function fillDate(j: Journey, prefix: string, date: string) {
    await j.page.locator(`#${prefix}-day`).fill(String(Number(part(date, '-', 2, 'day'))));
    await j.page.locator(`#${prefix}-month`).fill(String(Number(part(date, '-', 1, 'month'))));
    await j.page.locator(`#${prefix}-year`).fill(part(date, '-', 0, 'year'));
  }

  it('without JavaScript: Grace records an aspiration and shares it, Tom records a career conversation, and Grace confirms it', async () => {
    const person = await h.db.selectFrom('people').select('id').where('email_normalised', '=', grace).executeTakeFirstOrThrow();
    const g = await h.journey({ javaScript: false, name: 'Grace records her aspiration' });
    await signInWithPassword(g, grace, DEMO_PASSWORD);
    await g.goto('/careers');
    await g.navigate(() => g.page.getByRole('link', { name: 'Change your aspiration' }).click());
    expect(await heading(g.page)).toBe('Your aspiration');
    await g.page.getByLabel('Subject or phase leader').check();
    await g.page.getByLabel('Workload').check();
    await g.page.getByLabel('Me and my line manager').check();
    await g.page.getByLabel('What support would you like?').fill('Leading a unit of the Year 8 curriculum.');
    await g.navigate(() => g.page.getByRole('button', { name: 'Save your aspiration' }).click());
    expect(pathOf(g.page)).toBe('/careers?done=aspiration');
    expect(await g.page.locator('.govuk-notification-banner').textContent()).toContain('Your aspiration is saved');
    expect(await g.page.locator('.govuk-summary-list').textContent()).toContain('Subject or phase leader');
    g.finish();

    const t = await h.journey({ javaScript: false, name: 'Tom records a career conversation' });
    await signInWithPassword(t, tom, DEMO_PASSWORD);
    await t.goto('/careers');
    await t.navigate(() => t.page.getByRole('link', { name: 'Grace Adeyemi' }).click());
    expect(pathOf(t.page)).toBe(`/people/${person.id}/careers`);
    const shared = (await t.page.locator('main').textContent()) ?? '';
    expect(shared).toContain('Leading a unit of the Year 8 curriculum.');
    expect(shared).not.toContain('Workload');
    // Nothing entered: the error summary, and nothing stored.
    await t.navigate(() => t.page.getByRole('button', { name: 'Record the conversation' }).click());
    await expectFieldError(t, 'discussed', 'Enter what you discussed');
    await fillDate(t, 'held', today());
    await t.page.getByLabel('What you discussed').fill('Leading curriculum in English, and the NPQ in Leading Teaching.');
    await t.page.locator('#action1-description').fill('Look at the NPQ in Leading Teaching');
    await t.page.locator('#action1-owner').check();
    await fillDate(t, 'action1-due', today());
    await t.navigate(() => t.page.getByRole('button', { name: 'Record the conversation' }).click());
    expect(await t.page.locator('.govuk-notification-banner').textContent()).toContain('Conversation recorded');
    const conversationPath = pathOf(t.page);
    t.finish();

    const g2 = await h.journey({ javaScript: false, name: 'Grace confirms the record' });
    await signInWithPassword(g2, grace, DEMO_PASSWORD);
    await g2.goto(conversationPath);
    expect(await g2.page.locator('main').textContent()).toContain('Look at the NPQ in Leading Teaching');
    await g2.navigate(() => g2.page.getByRole('button', { name: 'Confirm this is a fair record' }).click());
    expect(await g2.page.locator('.govuk-notification-banner').textContent()).toContain('You confirmed the record');
    g2.finish();
  });

  it('with JavaScript: Tom posts an opportunity, Grace expresses interest, Tom chooses her and verifies it, and it is on her record', async () => {
    const title = 'Lead the Year 8 poetry INSET';
    const t = await h.journey({ javaScript: true, name: 'Tom posts an opportunity' });
    await signInWithPassword(t, tom, DEMO_PASSWORD);
    await t.goto('/careers/opportunities');
    await t.navigate(() => t.page.getByRole('link', { name: 'Post an opportunity' }).click());
    await t.navigate(() => t.page.getByRole('button', { name: 'Post the opportunity' }).click());
    await expectFieldError(t, 'title', 'Enter a title');
    await t.page.getByLabel('Title').fill(title);
    await t.page.getByLabel('Leading a piece of INSET').check();
    await t.page.getByLabel('What the person will do').fill('Plan and lead a 30-minute session on teaching unseen poetry.');
    await t.page.getByLabel('CA1 Planning a coherent curriculum').check();
    await t.page.getByLabel('Time needed').fill('Two hours to prepare');
    await fillDate(t, 'starts', today());
    await fillDate(t, 'ends', today());
    await fillDate(t, 'closes', today());
    await t.page.getByLabel('Places').fill('1');
    await t.navigate(() => t.page.getByRole('button', { name: 'Post the opportunity' }).click());
    expect(await t.page.locator('.govuk-notification-banner').textContent()).toContain('Opportunity posted');
    t.finish();

    const g = await h.journey({ javaScript: true, name: 'Grace expresses interest' });
    await signInWithPassword(g, grace, DEMO_PASSWORD);
    await g.goto('/careers/opportunities');
    await g.navigate(() => g.page.getByRole('link', { name: title }).click());
    await g.page.getByLabel('Why would you like to have a go?').fill('I taught poetry at university and would love to share it.');
    await g.navigate(() => g.page.getByRole('button', { name: 'Express interest' }).click());
    expect(await g.page.locator('.govuk-notification-banner').textContent()).toContain('Your interest has been sent');
    const opportunityPath = pathOf(g.page);
    g.finish();

    const t2 = await h.journey({ javaScript: true, name: 'Tom chooses and verifies' });
    await signInWithPassword(t2, tom, DEMO_PASSWORD);
    await t2.goto(opportunityPath);
    await t2.navigate(() => t2.page.getByRole('button', { name: 'Choose Grace Adeyemi' }).click());
    expect(await t2.page.locator('.govuk-notification-banner').textContent()).toContain('Chosen');
    await t2.page.getByLabel('What Grace Adeyemi did well (optional)').fill('Colleagues loved the unseen poetry starters.');
    await t2.navigate(() => t2.page.getByRole('button', { name: 'Verify it was done Grace Adeyemi' }).click());
    expect(await t2.page.locator('.govuk-notification-banner').textContent()).toContain('Verified');
    t2.finish();

    const g2 = await h.journey({ javaScript: true, name: 'Grace sees her experience' });
    await signInWithPassword(g2, grace, DEMO_PASSWORD);
    await g2.goto('/careers');
    expect(await g2.page.locator('main').textContent()).toContain(`${title} (Leading a piece of INSET), verified on`);
    g2.finish();
  });

  it('without JavaScript: Grace marks a directory item done and sees it on her staff record', async () => {
    const g = await h.journey({ javaScript: false, name: 'Grace marks the NPQLBC done' });
    await signInWithPassword(g, grace, DEMO_PASSWORD);
    await g.goto('/careers');
    await g.navigate(() => g.page.getByRole('link', { name: 'NPQ in Leading Behaviour and Culture (NPQLBC)' }).click());
    expect(await heading(g.page)).toBe('NPQ in Leading Behaviour and Culture (NPQLBC)');
    await g.page.getByLabel('Done', { exact: true }).check();
    await g.navigate(() => g.page.getByRole('button', { name: 'Save' }).click());
    expect(await g.page.locator('.govuk-notification-banner').textContent()).toContain('it shows on your Career page');
    const person = await h.db.selectFrom('people').select('id').where('email_normalised', '=', grace).executeTakeFirstOrThrow();
    await g.goto(`/staff/${person.id}`);
    expect(await g.page.locator('main').textContent()).toContain('NPQ in Leading Behaviour and Culture (NPQLBC)');
    g.finish();
  });

  it('without JavaScript: Grace sees leadership vacancies matched to her aspiration, and narrows them to a postcode district', async () => {
    const g = await h.journey({ javaScript: false, name: 'Grace sees matched vacancies' });
    await signInWithPassword(g, grace, DEMO_PASSWORD);
    await g.goto('/careers/vacancies');
    const all = (await g.page.locator('main').textContent()) ?? '';
    expect(all).toContain('Head of Year 9');
    expect(all).toContain('Open Government Licence v3.0');
    await g.page.getByLabel('In the postcode districts below').check();
    await g.page.getByRole('textbox', { name: 'Postcode districts' }).fill('Leeds');
    await g.navigate(() => g.page.getByRole('button', { name: 'Save where to look' }).click());
    await expectFieldError(g, 'districts', 'Enter postcode districts like LS11 or WF2, separated by commas');
    await g.page.getByRole('textbox', { name: 'Postcode districts' }).fill('WF2');
    await g.navigate(() => g.page.getByRole('button', { name: 'Save where to look' }).click());
    const near = (await g.page.locator('main').textContent()) ?? '';
    expect(near).toContain('Head of Year 7 and transition lead');
    expect(near).not.toContain('Head of Year 9');
    g.finish();
  });
});
