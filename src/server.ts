import { serve } from '@hono/node-server';
import { createApp } from './app';
import { loadConfig, type Config } from './config';
import type { Database, Db } from './platform/db/database';
import { connectDatabase } from './platform/db/connect';
import { migrateToLatest } from './platform/db/migrate';
import { assertSchemaCurrent } from './platform/db/schema-check';
import { systemClock } from './platform/db/clock';
import { startWorker } from './platform/jobs/outbox';
import { features } from './features';
import { createLogger, type Logger } from './platform/log';
import { fileMailDir, fileMailer, smtpMailer, type Mailer, type StoredEmail } from './platform/mail/mailer';

export interface Runtime {
  config: Config;
  db: Db;
  logger: Logger;
  mailer: Mailer & { list?: () => Promise<StoredEmail[]> };
}

/** Reads config, opens the database and the mailer: everything a command needs. */
export function openRuntime(config: Config = loadConfig()): Runtime {
  const logger = createLogger(config.LOG_LEVEL);
  const databaseUrl = config.DATABASE_URL;
  const db: Db = connectDatabase<Database>(databaseUrl, { poolSize: config.DATABASE_POOL_SIZE });
  const mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : fileMailer(fileMailDir(config.DATA_DIR));
  return { config, db, logger, mailer };
}

/** Starts the web server (and the outbox worker unless WORKER=off). Resolves once listening. */
export async function startServer(runtime: Runtime, options: { onListening?: (url: string) => void } = {}) {
  const { config, db, logger, mailer } = runtime;
  if (config.MIGRATE_ON_START) {
    const applied = await migrateToLatest(db, features.migrations);
    if (applied.length) logger.info({ applied }, 'database migrated');
  }
  await assertSchemaCurrent(db, features.migrations);
  const app = createApp({ db, config, mailer, logger });
  const worker =
    config.WORKER === 'inline'
      ? startWorker({
          db,
          clock: systemClock,
          handlers: features.outboxHandlers({ db, clock: systemClock, mailer, config, logger }),
          logger,
          sweeps: features.sweeps(config),
        })
      : undefined;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      const url = `http://${info.address === '::1' || info.address === '127.0.0.1' ? 'localhost' : info.address}:${info.port}`;
      // In production people reach it at BASE_URL (through the proxy), not at the local address.
      logger.info(
        { url, baseUrl: config.BASE_URL },
        config.NODE_ENV === 'production' ? `Waymark is listening; people use ${config.BASE_URL}` : 'Waymark is listening',
      );
      options.onListening?.(url);
      resolve(s);
    });
  });
  // Graceful: no new connections, requests in progress finish (for up to 10 seconds), the worker
  // finishes the email in hand, then the database closes.
  const stop = async () => {
    const closed = new Promise((resolve) => server.close(resolve));
    const patience = setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), 10_000);
    await Promise.all([closed, worker?.stop()]);
    clearTimeout(patience);
    await db.destroy();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      void stop().then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'stopping failed');
          process.exit(1);
        },
      );
    });
  }
  return { app, server, stop };
}
