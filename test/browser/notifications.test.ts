import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSummary } from './support/journey';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { heading, pathOf, signInWithPassword } from './support/pages';
import { item } from '../support/present';

describeInBrowser('notifications, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  // The demo line manager is asked to endorse an application; the early career teacher has been recommended.
  const runs = [
    { javaScript: true, who: () => item(h.signIns, 2).email, opens: /has asked for your support/, lands: /^\/endorsements\// },
    { javaScript: false, who: () => item(h.signIns, 3).email, opens: /has recommended you for Towards Middle Leadership/, lands: /^\/programmes\// },
  ];

  for (const run of runs) {
    it(`a person sees their unread count, opens a notification and chooses their emails (${run.javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const j = await h.journey({ javaScript: run.javaScript, name: `notifications ${run.javaScript ? 'with' : 'without'} JavaScript` });
      const { page } = j;
      await signInWithPassword(j, run.who(), DEMO_PASSWORD);
      const menu = page.getByRole('navigation', { name: 'Menu' });
      await j.navigate(() => menu.getByRole('link', { name: 'Notifications (1 unread)' }).click());
      expect(await heading(page)).toBe('Notifications');
      expect(await page.locator('.govuk-tag', { hasText: 'Unread' }).count()).toBe(1);

      await j.navigate(() => page.getByRole('button', { name: run.opens }).click());
      expect(pathOf(page)).toMatch(run.lands);
      expect(await menu.getByRole('link', { name: 'Notifications', exact: true }).count()).toBe(1);

      await j.goto('/notifications');
      expect(await page.locator('.govuk-tag', { hasText: 'Unread' }).count()).toBe(0);
      await j.navigate(() => page.getByRole('link', { name: 'Choose which emails you get' }).click());
      expect(await heading(page)).toBe('Choose which emails you get');
      const reminders = page.getByRole('checkbox', { name: 'Reminders the day before a session' });
      expect(await reminders.isChecked()).toBe(true);
      await reminders.uncheck();
      await j.navigate(() => page.getByRole('button', { name: 'Save email choices' }).click());
      expect(await page.getByText('Your email choices are saved').count()).toBe(1);
      expect(await page.getByRole('checkbox', { name: 'Reminders the day before a session' }).isChecked()).toBe(false);
      expect(await page.getByRole('checkbox', { name: /Requests to endorse/ }).count()).toBe(0);

      if (run.javaScript) {
        // A tampered form is refused with the error summary (and the page still passes axe).
        await page.getByRole('checkbox', { name: 'A colleague recommending you for a programme' }).evaluate((box) => box.setAttribute('value', 'everything'));
        await j.navigate(() => page.getByRole('button', { name: 'Save email choices' }).click());
        expect(await page.locator('.govuk-error-summary').count()).toBe(1);
      }
    });
  }
});
