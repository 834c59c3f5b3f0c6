import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Journey } from './journey';
import { londonWallClock } from '../../../src/platform/dates';

/** The page's <h1>, whitespace collapsed. */
export async function heading(page: Page): Promise<string> {
  return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The path and query of the current page. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/** Fills the sign-in form and sends it. */
export async function submitSignIn(journey: Journey, email: string, password: string): Promise<void> {
  const { page } = journey;
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await journey.navigate(() => page.getByRole('button', { name: 'Sign in' }).click());
}

/** Signs in from the sign-in page with a password and checks the home page greets them. */
export async function signInWithPassword(journey: Journey, email: string, password: string): Promise<void> {
  await journey.goto('/sign-in');
  await submitSignIn(journey, email, password);
  expect(pathOf(journey.page)).toBe('/');
  expect(await heading(journey.page)).toMatch(/^Hello, /);
}

/** Signs out with the button in the service navigation. */
export async function signOut(journey: Journey): Promise<void> {
  await journey.navigate(() => journey.page.getByRole('button', { name: 'Sign out' }).click());
  expect(pathOf(journey.page)).toBe('/sign-in?signed-out=1');
  expect(await journey.page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
}

/**
 * Checks the GOV.UK error pattern: "Error:" in the title, an error summary listing `message`
 * that links to the field, and the same message beside the field. With JavaScript, the summary
 * takes focus when the page loads and its link moves focus to the field.
 */
export async function expectFieldError(journey: Journey, fieldId: string, message: string): Promise<void> {
  const { page } = journey;
  expect(await page.title()).toMatch(/^Error: /);
  const summary = page.locator('.govuk-error-summary');
  expect(await summary.isVisible()).toBe(true);
  expect(await summary.getByRole('alert').count()).toBe(1);
  expect(await summary.getByRole('heading').textContent()).toContain('There is a problem');
  const link = summary.getByRole('link', { name: message });
  expect(await link.getAttribute('href')).toBe(`#${fieldId}`);
  expect(await page.locator(`#${fieldId}-error`).textContent()).toContain(message);
  expect(await page.locator(`#${fieldId}`).getAttribute('aria-describedby')).toContain(`${fieldId}-error`);
  if (journey.javaScript) {
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary') ?? false), { timeout: 5_000 }).toBe(true);
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 5_000 }).toBe(fieldId);
  }
}

/** The value beside `label` in a GOV.UK summary list on the page (the label matched exactly). */
export async function summaryValue(page: Page, label: string): Promise<string> {
  const key = page.locator('dt.govuk-summary-list__key').getByText(label, { exact: true });
  const row = page.locator('.govuk-summary-list__row', { has: key }).first();
  return ((await row.locator('dd.govuk-summary-list__value').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Today's UK wall-clock times for a session running now: from five minutes ago to ninety minutes
 * on, kept within today (a session is one day's), so a test run just after midnight starts it at
 * 00:00 and one just before ends it at 23:59, never at the time it starts.
 */
export function sessionRunningNow(now = new Date()): { date: string; start: string; end: string } {
  const today = londonWallClock(now);
  const from = londonWallClock(new Date(now.getTime() - 5 * 60_000));
  const to = londonWallClock(new Date(now.getTime() + 90 * 60_000));
  return { date: today.date, start: from.date === today.date ? from.time : '00:00', end: to.date === today.date ? to.time : '23:59' };
}
