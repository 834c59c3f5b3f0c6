import type { Browser, BrowserContext, Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { formatViolations, runAxe } from './axe';
import { part } from '../../support/present';

/** Every page audited in this test file, for the summary line printed at the end. */
export const auditLog: { journey: string; url: string; title: string; violations: number; ms: number }[] = [];

/** One line for the end of a file's run: how many pages axe checked, how long it took, how many failed. */
export function auditSummary(): string {
  const seconds = auditLog.reduce((ms, a) => ms + a.ms, 0) / 1000;
  return `axe: ${auditLog.length} pages audited in ${seconds.toFixed(1)} s, ${auditLog.filter((a) => a.violations > 0).length} with violations`;
}

/**
 * One person's visit: a browser context with its own cookies, whose every page is checked by
 * axe. Navigate only through `goto` and `navigate`, which audit the page that loads; `finish`
 * fails the test if any page loaded without an audit, a page had a script error or a
 * Content-Security-Policy violation, or the server answered 5xx.
 */
export class Journey {
  private loadedUrls: string[] = [];
  private auditedLoads = new Set<number>();
  private problems: string[] = [];
  private auditor: Page | undefined;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly options: { browser: Browser; javaScript: boolean; name: string },
  ) {
    page.on('load', () => this.loadedUrls.push(page.url()));
    page.on('pageerror', (error) => this.problems.push(`Script error on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
        this.problems.push(`Content-Security-Policy violation on ${page.url()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.status() >= 500)
        this.problems.push(`The server answered ${response.status()} for ${response.request().method()} ${response.url()}`);
    });
  }

  static async open(context: BrowserContext, options: { browser: Browser; javaScript: boolean; name?: string }): Promise<Journey> {
    // Long enough for a busy two-core machine; a page that never arrives still fails the test.
    context.setDefaultTimeout(45_000);
    const page = await context.newPage();
    const journey = new Journey(context, page, { ...options, name: options.name ?? (options.javaScript ? 'with JavaScript' : 'without JavaScript') });
    onTestFinished(() => journey.close());
    return journey;
  }

  get javaScript(): boolean {
    return this.options.javaScript;
  }

  /** Opens a path (or full URL) and audits the page it lands on. */
  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await this.audit();
  }

  /** Does something that loads a new page (a click, a form submit), waits for it, and audits it. */
  async navigate(action: () => Promise<unknown>): Promise<void> {
    const loaded = this.page.waitForEvent('load');
    // If the action fails, its error is the one to report, not the wait's.
    loaded.catch(() => undefined);
    await action();
    await loaded;
    await this.audit();
  }

  /** Runs axe on the current page and throws a readable report if any rule is broken. */
  async audit(): Promise<void> {
    await this.page.waitForLoadState('load');
    const loadIndex = this.loadedUrls.length;
    const url = this.page.url();
    const title = await this.page.title();
    const started = Date.now();
    const violations = this.options.javaScript ? await runAxe(this.page) : await this.auditWithoutJavaScript(url);
    this.auditedLoads.add(loadIndex);
    auditLog.push({ journey: this.options.name, url: new URL(url).pathname, title, violations: violations.length, ms: Date.now() - started });
    if (violations.length > 0) throw new Error(formatViolations(violations, `“${title}” (${url}) ${this.options.name}`));
  }

  /**
   * axe needs JavaScript, which this page has turned off, so the page's DOM (scripts removed,
   * so it renders as it does without JavaScript) is audited in a second page at the same URL,
   * with the same stylesheet from the server.
   */
  private async auditWithoutJavaScript(url: string) {
    const html = (await this.page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    if (!this.auditor) {
      const context = await this.options.browser.newContext({ javaScriptEnabled: true, viewport: this.page.viewportSize() ?? undefined });
      this.auditor = await context.newPage();
    }
    const target = part(url, '#', 0);
    await this.auditor.route(
      (u) => u.href === target,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      { times: 1 },
    );
    await this.auditor.goto(target);
    return runAxe(this.auditor);
  }

  /** Fails if a page went unaudited or anything went wrong along the way. Call it last in each test. */
  finish(): void {
    const unaudited = this.loadedUrls.map((url, i) => ({ url, n: i + 1 })).filter(({ n }) => !this.auditedLoads.has(n));
    for (const { url } of unaudited)
      this.problems.push(`A page loaded without an accessibility audit: ${url} (navigate with journey.goto or journey.navigate)`);
    if (this.problems.length > 0) throw new Error(`${this.options.name}:\n  ${this.problems.join('\n  ')}`);
  }

  /** Closes the browser contexts; runs when the test finishes, whether it passed or not. */
  async close(): Promise<void> {
    await this.auditor?.context().close();
    await this.context.close();
  }
}
