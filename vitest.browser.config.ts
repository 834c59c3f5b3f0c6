import { defineConfig } from 'vitest/config';

/**
 * The browser suite: real server, real Chromium (Debian's /usr/bin/chromium), axe on every page.
 * Run with `npx vitest run --config vitest.browser.config.ts`; `npm test` runs it after the
 * unit and HTTP suite. See docs/testing.md.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: '#jsx' } },
  test: {
    include: ['test/browser/**/*.test.ts'],
    // Journeys open dozens of pages in a real browser, each checked with axe; on a busy two-core
    // machine a page can take seconds. Generous limits, so only a real hang fails a test.
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Each file starts its own server and Chromium; two at a time suits these 2-core machines.
    maxWorkers: 2,
  },
});
