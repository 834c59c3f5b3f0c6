import { afterAll, beforeAll, describe } from 'vitest';
import { createApp, type App } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { Db } from '../../src/platform/db/database';
import { FixedClock } from '../../src/platform/db/clock';
import type { Engine } from '../../src/platform/db/connect';
import { drainOutbox } from '../../src/platform/jobs/outbox';
import { features as allFeatures } from '../../src/features';
import type { Features } from '../../src/platform/compose';
import { silentLogger } from '../../src/platform/log';
import { memoryMailer } from '../../src/platform/mail/mailer';
import { createTestDatabase, testEngines, type TestDatabase } from './database';
import { TestClient } from './http';

export const TEST_ORIGIN = 'http://localhost';

export interface TestContext {
  engine: Engine;
  db: Db;
  app: App;
  clock: FixedClock;
  config: Config;
  mailer: ReturnType<typeof memoryMailer>;
  /** A client with its own cookie jar. */
  client(options?: { address?: string; userAgent?: string }): TestClient;
  /** Runs the outbox once, so queued emails land in `mailer.sent`. */
  deliverMail(): Promise<void>;
}

/**
 * Builds the app around a fresh database, a fixed clock and an in-memory mailer; with every feature
 * unless `features` says otherwise (a test adding a module of its own, say).
 */
export async function createTestContext(
  engine: Engine,
  env: Record<string, string> = {},
  features: Features = allFeatures,
): Promise<TestContext & { database: TestDatabase }> {
  const database = await createTestDatabase(engine);
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_ORIGIN, TRUST_PROXY: 'true', LOG_LEVEL: 'silent', ...env });
  const clock = new FixedClock();
  const mailer = memoryMailer();
  const app = createApp({ db: database.db, config, mailer, logger: silentLogger, clock, features });
  return {
    engine,
    db: database.db,
    database,
    app,
    clock,
    config,
    mailer,
    client: (options) => new TestClient(app, options),
    deliverMail: async () => {
      await drainOutbox({
        db: database.db,
        clock,
        handlers: features.outboxHandlers({ db: database.db, clock, mailer, config, logger: silentLogger }),
        logger: silentLogger,
      });
    },
  };
}

/**
 * Runs a describe block once per engine (SQLite, and PostgreSQL when TEST_DATABASE_URL is set),
 * each with its own fresh database. Read the context inside tests or hooks, not at collection.
 */
export function describeEachEngine(name: string, body: (ctx: () => TestContext) => void, env: Record<string, string> = {}, features: Features = allFeatures) {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let context: (TestContext & { database: TestDatabase }) | undefined;
      beforeAll(async () => {
        context = await createTestContext(engine, env, features);
      });
      afterAll(async () => {
        await context?.database.destroy();
      });
      body(() => {
        if (!context) throw new Error('test context used before beforeAll ran');
        return context;
      });
    });
  }
}
