import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeInBrowser, linkIn, startHarness, type Harness } from './support/harness';
import { auditSummary, type Journey } from './support/journey';
import { heading, pathOf, signInWithPassword, summaryValue } from './support/pages';
import { item } from '../support/present';

// Issue 15's leaving and joining journeys: a teacher keeps her leadership record after her school
// deactivates her (signing in to a personal account that reaches nothing of the school's), then
// joins another organisation on the same Waymark and links the new account, and the record comes too.

const PERSONAL = 'grace.personal@example.net';
const STATEMENT = 'I have led our Year 9 reading programme for two years and trained three colleagues to run it.';

describeInBrowser('leaving a school and keeping the leadership record, in a browser', () => {
  let h: Harness;
  let grace: { id: string; email: string; given_name: string; family_name: string };
  beforeAll(async () => {
    h = await startHarness();
    const email = item(h.signIns, 3).email;
    grace = await h.db.selectFrom('people').select(['id', 'email', 'given_name', 'family_name']).where('email', '=', email).executeTakeFirstOrThrow();
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

  it('a teacher adds and confirms a personal email, is deactivated, signs in to her own record by emailed link, downloads its PDF, and reaches nothing of the school’s', async () => {
    const j = await h.journey({ name: 'Grace keeps her record' });
    const { page } = j;
    await signInWithPassword(j, grace.email, DEMO_PASSWORD);

    // She writes a personal statement on her record, so there is something to keep.
    await j.navigate(() => page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Leadership record' }).click());
    expect(await heading(page)).toBe('Your leadership record');
    await page.getByLabel('Personal statement (optional)').fill(STATEMENT);
    await j.navigate(() => page.getByRole('button', { name: 'Save your record' }).click());
    expect(await page.locator('main').textContent()).toContain(STATEMENT);

    // She adds a personal email on her account; it is kept once she confirms it from the emailed link.
    await j.goto('/account');
    await j.navigate(() => page.getByRole('link', { name: 'Personal email and Teacher Reference Number' }).click());
    expect(await heading(page)).toBe('Personal email and Teacher Reference Number');
    await page.getByLabel('Personal email address').fill(PERSONAL);
    await j.navigate(() => page.getByRole('button', { name: 'Save', exact: true }).click());
    expect(await page.locator('main').textContent()).toMatch(/waiting|sent/i);
    await followEmail(j, PERSONAL, 'Confirm your personal email address for Waymark');
    expect(await heading(page)).toBe('Confirm your personal email address');
    await j.navigate(() => page.getByRole('button', { name: 'Confirm this address' }).click());
    expect(pathOf(page)).toBe('/account/personal?done=confirmed');
    expect(await summaryValue(page, 'Personal email')).toBe(PERSONAL);

    // She leaves: the organisation admin deactivates her.
    const admin = await h.journey({ name: 'the admin deactivates Grace' });
    await signInWithPassword(admin, h.orgAdminEmail, DEMO_PASSWORD);
    await admin.goto('/staff');
    await admin.page.getByRole('search', { name: 'Find staff' }).getByLabel('Search').fill(grace.email);
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Apply filters' }).click());
    await admin.navigate(() =>
      admin.page
        .getByRole('link', { name: `${grace.family_name}, ${grace.given_name}` })
        .first()
        .click(),
    );
    expect(await admin.page.locator('main').textContent()).not.toContain(PERSONAL);
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Deactivate' }).click());
    expect(await heading(admin.page)).toBe(`Deactivate ${grace.given_name} ${grace.family_name}?`);
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Deactivate' }).click());
    expect(await admin.page.locator('.govuk-notification-banner').textContent()).toContain('Deactivated: they can no longer sign in');
    admin.finish();

    // The school account is closed.
    await j.goto('/record');
    expect(pathOf(page)).toMatch(/^\/sign-in/);

    // The email to her personal address tells her how to keep her record.
    await followEmail(j, PERSONAL, 'Your leadership record is still yours');
    expect(await heading(page)).toBe('Sign in to your own leadership record');
    await page.getByLabel('Personal email address').fill(PERSONAL);
    await j.navigate(() => page.getByRole('button', { name: 'Send sign-in link' }).click());
    expect(await heading(page)).toBe('Check your email');
    await followEmail(j, PERSONAL, 'Your link to your Waymark leadership record');
    expect(await heading(page)).toBe(`Sign in as ${grace.given_name}`);
    await j.navigate(() => page.getByRole('button', { name: 'Sign in' }).click());
    expect(pathOf(page)).toBe('/record');
    expect(await heading(page)).toBe('Your leadership record');
    expect(await page.locator('main').textContent()).toContain(STATEMENT);

    // She downloads her record as a PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /PDF/ }).click()]);
    expect(download.suggestedFilename()).toBe('leadership-record.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Nothing of the school's opens.
    for (const path of ['/staff', `/staff/${grace.id}`, '/programmes']) {
      await j.goto(path);
      expect(await heading(page), path).toMatch(/You do not have permission to see this page|Page not found/);
      expect(await page.locator('main').textContent()).not.toContain(grace.email);
    }
    await j.goto('/');
    expect(pathOf(page)).toBe('/record');
    j.finish();
  });

  it('she joins another organisation on the same Waymark, confirms her work and personal addresses to link the accounts, and her record comes with her (without JavaScript)', async () => {
    const work = `${grace.given_name}.${grace.family_name}@fenland-partnership.example.org`.toLowerCase();

    // Fenland's admin adds her with her new work email, and Waymark invites her.
    const admin = await h.journey({ javaScript: false, name: 'Fenland’s admin adds Grace' });
    await signInWithPassword(admin, 'owen.bright@fenland-partnership.example.org', DEMO_PASSWORD);
    await admin.goto('/staff');
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Add a member of staff' }).click());
    expect(await heading(admin.page)).toBe('Add a member of staff');
    await admin.page.getByRole('textbox', { name: 'First name' }).fill(grace.given_name);
    await admin.page.getByRole('textbox', { name: 'Last name' }).fill(grace.family_name);
    await admin.page.getByRole('textbox', { name: 'Work email address' }).fill(work);
    await admin.page.getByLabel('School').selectOption({ label: 'March Primary School' });
    await admin.page.getByRole('textbox', { name: 'Job title (optional)' }).fill('English lead');
    await admin.page.getByLabel('Teaching staff').check();
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Add member of staff' }).click());
    expect(await admin.page.locator('.govuk-notification-banner').textContent()).toContain('Member of staff added and invitation sent');
    const staffPage = pathOf(admin.page);

    // She sets a password from the invitation (confirming her work address) and is signed in to her new account.
    const j = await h.journey({ javaScript: false, name: 'Grace links her new account' });
    const { page } = j;
    await followEmail(j, work, /has invited you to Waymark/);
    expect(await heading(page)).toBe('Set your password');
    await page.getByLabel('New password', { exact: true }).fill('a long new password for fenland');
    await page.getByLabel('Confirm new password').fill('a long new password for fenland');
    await j.navigate(() => page.getByRole('button', { name: 'Save password and sign in' }).click());
    expect(pathOf(page)).toBe('/');
    await j.goto('/record');
    expect(await page.locator('main').textContent()).not.toContain(STATEMENT);

    // She enters the personal email she already uses; its link links the two accounts.
    await j.goto('/account');
    await j.navigate(() => page.getByRole('link', { name: 'Personal email and Teacher Reference Number' }).click());
    await page.getByLabel('Personal email address').fill(PERSONAL);
    await j.navigate(() => page.getByRole('button', { name: 'Save', exact: true }).click());
    expect(pathOf(page)).toBe('/account/personal?done=link_sent');
    await followEmail(j, PERSONAL, 'Link your Waymark record to your new account');
    expect(await heading(page)).toBe('Link your new account to your record');
    await j.navigate(() => page.getByRole('button', { name: 'Link my accounts' }).click());
    expect(pathOf(page)).toBe('/record?done=linked');
    expect(await heading(page)).toBe('Your leadership record');
    expect(await page.locator('main').textContent()).toContain(STATEMENT);
    await j.goto('/account/personal');
    expect(await summaryValue(page, 'Personal email')).toBe(PERSONAL);
    const holds = await summaryValue(page, 'Your record holds your time at');
    expect(holds).toContain('Riverside Learning Trust (left)');
    expect(holds).toContain('Fenland Schools Partnership');
    j.finish();

    // Her new school sees only what she shares: nothing of her record or her personal email.
    await admin.goto(staffPage);
    const seen = (await admin.page.locator('main').textContent()) ?? '';
    expect(seen).toContain(work);
    expect(seen).not.toContain(PERSONAL);
    expect(seen).not.toContain(STATEMENT);
    admin.finish();
  });
});
