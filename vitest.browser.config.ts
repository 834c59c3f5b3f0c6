import { defineConfig } from 'vitest/config';

/**
 * The browser suite: real server, real Chromium (Debian's /usr/bin/chromium), axe on every page.
 * Run with `npx vitest run --config vitest.browser.config.ts`; `npm test` runs it after the
 * unit and HTTP suite. See docs/testing.md.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // Each file starts its own server and Chromium; two at a time suits these 2-core machines.
    maxWorkers: 2,
  },
});
