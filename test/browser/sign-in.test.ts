import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSummary } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, linkIn, startHarness, type Harness } from './support/harness';
import { expectFieldError, heading, pathOf, signInWithPassword, signOut, submitSignIn } from './support/pages';
import { item } from '../support/present';

describeInBrowser('signing in, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  for (const javaScript of [true, false]) {
    it(`a person signs in with their email and password after a wrong password, then signs out (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const j = await h.journey({ javaScript });
      const email = h.orgAdminEmail;

      await j.goto('/');
      expect(pathOf(j.page)).toBe('/sign-in');
      expect(await heading(j.page)).toBe('Sign in to Waymark');

      await submitSignIn(j, email, 'not the password');
      expect(pathOf(j.page)).toBe('/sign-in');
      await expectFieldError(j, 'email', 'The email address or password is not correct. Check them and try again.');
      expect(await j.page.getByLabel('Email address').inputValue()).toBe(email);
      expect(await j.page.getByLabel('Password', { exact: true }).inputValue()).toBe('');

      await submitSignIn(j, email, DEMO_PASSWORD);
      expect(pathOf(j.page)).toBe('/');
      expect(await heading(j.page)).toBe('Hello, Helen');

      await signOut(j);
      await j.goto('/staff');
      expect(pathOf(j.page)).toBe('/sign-in?next=%2Fstaff');
      j.finish();
    });
  }

  it('a sign-in link from an email signs the person in once, and is refused the second time', async () => {
    const j = await h.journey();
    const { page } = j;
    const email = item(h.signIns, 2).email;

    await j.goto('/sign-in');
    await j.navigate(() => page.getByRole('link', { name: 'Email me a sign-in link' }).click());
    expect(pathOf(page)).toBe('/sign-in/link');
    await page.getByLabel('Email address').fill(email);
    await j.navigate(() => page.getByRole('button', { name: 'Send sign-in link' }).click());
    expect(await heading(page)).toBe('Check your email');

    const message = await h.latestEmailTo(email);
    expect(message.subject).toBe('Your Waymark sign-in link');
    const link = linkIn(message, h.baseUrl);

    await j.goto(link);
    expect(await heading(page)).toBe('Sign in as Tom');
    await j.navigate(() => page.getByRole('button', { name: 'Sign in' }).click());
    expect(pathOf(page)).toBe('/');
    expect(await heading(page)).toBe('Hello, Tom');

    await signOut(j);
    await j.goto(link);
    expect(await heading(page)).toBe('This link cannot be used');
    expect(await page.getByText('This link has already been used').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    await j.navigate(() => page.getByRole('link', { name: 'Get a new sign-in link' }).click());
    expect(pathOf(page)).toBe('/sign-in/link');
    j.finish();
  });

  it('a person resets a forgotten password from the emailed link, and the old password stops working', async () => {
    const j = await h.journey();
    const { page } = j;
    const email = item(h.signIns, 3).email;
    const newPassword = 'lantern orchard copper seventeen';

    await j.goto('/sign-in');
    await j.navigate(() => page.getByRole('link', { name: 'I have forgotten my password' }).click());
    expect(await heading(page)).toBe('Reset your password');
    await page.getByLabel('Email address').fill(email);
    await j.navigate(() => page.getByRole('button', { name: 'Send reset link' }).click());
    expect(await heading(page)).toBe('Check your email');

    const message = await h.latestEmailTo(email);
    expect(message.subject).toBe('Reset your Waymark password');
    await j.goto(linkIn(message, h.baseUrl));
    expect(await heading(page)).toBe('Choose a new password');

    await page.getByLabel('New password', { exact: true }).fill('too short');
    await page.getByLabel('Confirm new password').fill('too short');
    await j.navigate(() => page.getByRole('button', { name: 'Save password and sign in' }).click());
    await expectFieldError(j, 'password', 'Password must be 12 characters or more');

    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await j.navigate(() => page.getByRole('button', { name: 'Save password and sign in' }).click());
    expect(pathOf(page)).toBe('/');
    expect(await heading(page)).toBe('Hello, Grace');

    await signOut(j);
    await submitSignIn(j, email, DEMO_PASSWORD);
    await expectFieldError(j, 'email', 'The email address or password is not correct. Check them and try again.');
    await submitSignIn(j, email, newPassword);
    expect(await heading(page)).toBe('Hello, Grace');
    j.finish();
  });

  it('the accessibility statement and privacy notice pass axe when signed in', async () => {
    const j = await h.journey();
    await signInWithPassword(j, item(h.signIns, 1).email, DEMO_PASSWORD);
    await j.navigate(() => j.page.getByRole('link', { name: 'Accessibility statement' }).click());
    await j.navigate(() => j.page.getByRole('link', { name: 'Privacy notice' }).click());
    await j.navigate(() => j.page.getByRole('link', { name: 'Your account' }).click());
    expect(await heading(j.page)).toBe('Your account');
    j.finish();
  });
});
