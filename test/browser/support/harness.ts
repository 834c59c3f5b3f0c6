import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';
import { createApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import type { Database, Db } from '../../../src/platform/db/database';
import { features } from '../../../src/features';
import { DEMO_PASSWORD, seedDemo } from '../../../src/platform/demo';
import type { DemoSignIn } from '../../../src/platform/module';
import { systemClock } from '../../../src/platform/db/clock';
import { connectDatabase } from '../../../src/platform/db/connect';
import { migrateToLatest } from '../../../src/platform/db/migrate';
import { drainOutbox } from '../../../src/platform/jobs/outbox';
import { createLogger } from '../../../src/platform/log';
import { fileMailer, type StoredEmail } from '../../../src/platform/mail/mailer';
import { Journey } from './journey';
import { item } from '../../support/present';

export { DEMO_PASSWORD };

/** Debian's Chromium; never a browser downloaded by Playwright. CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium phones home at start-up, and on a closed network its own
  // connections are refused in ways that slow or break the run.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const isCi = /^(1|true)$/i.test(process.env.CI ?? '');
const chromiumPresent = existsSync(CHROMIUM_PATH);

/**
 * Whether this run drives a browser: when Chromium is installed or BROWSER_TESTS=1. In CI a
 * missing Chromium is a failure, never a skip, so the suite always runs there.
 */
export const browserTestsEnabled = chromiumPresent || process.env.BROWSER_TESTS === '1' || isCi;

/** `describe` that skips the browser suite locally when Chromium is missing. */
export const describeInBrowser = browserTestsEnabled ? describe : describe.skip;

function assertChromiumAvailable(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const why = isCi ? 'CI=true, so the browser suite must run' : 'BROWSER_TESTS=1 asks for the browser suite';
  throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (${why}). Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
}

export interface Harness {
  /** `http://127.0.0.1:PORT`, the app's BASE_URL. */
  baseUrl: string;
  db: Db;
  browser: Browser;
  /** The demo's sign-ins: organisation admin, school admin, line manager, member of staff. */
  signIns: DemoSignIn[];
  /** An organisation admin of the demo trust. */
  orgAdminEmail: string;
  /** A new browser context (its own cookies) that audits every page it loads. */
  journey(options?: { javaScript?: boolean; name?: string }): Promise<Journey>;
  /** Runs the outbox, then returns the newest email sent to `to`. */
  latestEmailTo(to: string): Promise<StoredEmail>;
  /** Runs the outbox once through, as the worker process would (emails, erasure jobs). */
  runWorker(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the real app on a random port against a fresh, migrated, demo-seeded SQLite file,
 * with mail written to files, and launches Chromium. `env` adds settings once the app's address
 * is known.
 */
export async function startHarness(options: { env?: (baseUrl: string) => Promise<Record<string, string>> } = {}): Promise<Harness> {
  assertChromiumAvailable();
  const dir = await mkdtemp(join(tmpdir(), 'waymark-browser-'));
  const db: Db = connectDatabase<Database>(join(dir, 'waymark.sqlite'));
  await migrateToLatest(db, features.migrations);
  const signIns = await seedDemo(db, systemClock, features.demoSteps);
  const mailer = fileMailer(join(dir, 'mail'));
  const logger = createLogger(process.env.LOG_LEVEL || 'error');

  // The app needs its BASE_URL (origin check, links in emails) before it exists, and the port is
  // only known once listening, so the server delegates to an app built right after.
  let app: ReturnType<typeof createApp> | undefined;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: (request, env) => (app ? app.fetch(request, env) : new Response('starting', { status: 503 })), port: 0, hostname: '127.0.0.1' },
      () => resolve(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: baseUrl,
    DATABASE_URL: join(dir, 'waymark.sqlite'),
    DATA_DIR: dir,
    LOG_LEVEL: 'error',
    WORKER: 'off',
    // Settings a test needs once the address is known (a local OpenID provider that sends people back here).
    ...(options.env ? await options.env(baseUrl) : {}),
  });
  app = createApp({ db, config, mailer, logger });

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
  const orgAdminEmail = item(signIns, 0).email;
  const runWorker = async () => {
    await drainOutbox({ db, clock: systemClock, handlers: features.outboxHandlers({ db, clock: systemClock, mailer, config, logger }), logger });
  };

  return {
    baseUrl,
    db,
    browser,
    signIns,
    orgAdminEmail,
    async journey(options = {}) {
      const javaScript = options.javaScript ?? true;
      const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: javaScript, viewport: { width: 1280, height: 900 } });
      return Journey.open(context, { browser, javaScript, name: options.name });
    },
    async latestEmailTo(to) {
      await runWorker();
      const email = (await mailer.list()).find((e) => e.to.toLowerCase() === to.toLowerCase());
      if (!email) throw new Error(`No email was sent to ${to}`);
      return email;
    },
    runWorker,
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The first link in an email that points at this app. */
export function linkIn(email: StoredEmail, baseUrl: string): string {
  const match = email.text.match(new RegExp(`${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/\\S+`));
  if (!match) throw new Error(`No link to ${baseUrl} in the email "${email.subject}":\n${email.text}`);
  return match[0];
}
