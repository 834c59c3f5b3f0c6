// The app under test, in its own process so the load generator (autocannon, in bench/run.ts) doesn't
// share its event loop. Started by run.ts with `fork()`; talks over the IPC channel:
//   -> { type: 'listening', origin }            once serving on 127.0.0.1 (a free port)
//   <- { type: 'usage', gc? } -> { type: 'usage', memory, cpu, heapAfterGc? }   memoryUsage() and cpuUsage() of this
//                                process; with gc (and --expose-gc), also the heap in use after a full collection
//   <- { type: 'stop' }                          closes the server and the database, then exits
// Exits on its own if run.ts goes away (IPC disconnect).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { Database } from '../src/platform/db/database';
import { connectDatabase } from '../src/platform/db/connect';
import { silentLogger } from '../src/platform/log';
import { memoryMailer } from '../src/platform/mail/mailer';
import { BENCH_SIGNING_KEYS_SECRET } from './secrets';

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl || !process.send) {
  console.error('bench/server.ts is started by bench/run.ts (needs BENCH_DATABASE_URL and an IPC channel).');
  process.exit(2);
}
const send = (message: unknown) => process.send?.(message);

const db = connectDatabase<Database>(databaseUrl);
let app: ReturnType<typeof createApp> | undefined;

// Listen first (port 0 picks a free port), then build the app with BASE_URL set to the real origin.
const server = serve(
  { fetch: (request, env) => (app ? app.fetch(request, env) : new Response('starting', { status: 503 })), port: 0, hostname: '127.0.0.1' },
  (info: AddressInfo) => {
    const origin = `http://127.0.0.1:${info.port}`;
    // Production settings (Secure cookies, no development pages). SMTP_URL only satisfies the config
    // check: mail goes to the in-memory mailer and no outbox worker runs.
    const config = loadConfig({
      NODE_ENV: 'production',
      // Production refuses a plain-http BASE_URL; the benchmark sends its cookie by hand, so the
      // Secure flag changes nothing, and the Origin check compares with the request's own origin.
      BASE_URL: origin.replace(/^http:/, 'https:'),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SIGNING_KEYS_SECRET: BENCH_SIGNING_KEYS_SECRET,
      MIGRATE_ON_START: 'false',
      WORKER: 'off',
      // A benchmark that reads public links as many readers sets BENCH_TRUST_PROXY=true and an X-Forwarded-For per request.
      TRUST_PROXY: process.env.BENCH_TRUST_PROXY ?? 'false',
    });
    app = createApp({ db, config, mailer: memoryMailer(), logger: silentLogger });
    send({ type: 'listening', origin });
  },
);

async function stop(code = 0) {
  setTimeout(() => process.exit(code), 3_000).unref();
  await new Promise((resolve) => server.close(resolve));
  await db.destroy().catch(() => undefined);
  process.exit(code);
}

process.on('message', (message: { type?: string; gc?: boolean }) => {
  if (message?.type === 'usage') {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    let heapAfterGc: number | undefined;
    if (message.gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      heapAfterGc = process.memoryUsage().heapUsed;
    }
    send({ type: 'usage', memory, cpu, heapAfterGc });
  }
  if (message?.type === 'stop') void stop();
});
process.on('disconnect', () => void stop(1));
