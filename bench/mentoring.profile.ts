// Where "People I support"'s time goes, in-process (no HTTP): the statements one request runs (the
// query census) and the mean time of the whole request through app.request().
//
//   node bin/run-ts.js bench/mentoring.profile.ts                      # SQLite
//   DATABASE_URL=postgres://… node bin/run-ts.js bench/mentoring.profile.ts
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/run-ts.js bench/mentoring.profile.ts   # and a CPU profile
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/platform/log';
import { memoryMailer } from '../src/platform/mail/mailer';
import { BENCH_ADMIN, createBenchDatabase, generate } from './generate';
import { seedMentoring } from './mentoring-seed';
import { queryCensus } from './profile';
import { BENCH_SIGNING_KEYS_SECRET } from './secrets';

const database = await createBenchDatabase(process.env.DATABASE_URL);
try {
  const summary = await generate(database.db, database.engine, { schools: 2, staff: 80 });
  await seedMentoring(database.db, summary.organisationId);
  const entries = await queryCensus(
    database.db,
    database.engine,
    BENCH_ADMIN,
    [
      { name: 'People I support', path: '/mentoring', signedIn: true },
      { name: 'trivial route', path: '/health', signedIn: false },
    ],
    { iterations: Number(process.env.PROFILE_ITERATIONS ?? 500) },
  );
  const [entry, trivial] = entries;
  if (!entry || !trivial) throw new Error('no census entry');
  console.log(`People I support (${database.engine}): HTTP ${entry.status}, ${entry.queries.length} statements, ${entry.writes} writes`);
  for (const q of entry.queries) console.log(`  ${String(q.meanMs ?? '-').padStart(6)} ms  ${q.rows} rows  ${q.sql}`);
  console.log(
    `database share ${entry.dbMsPerRequest} ms; whole request in-process ${entry.inProcessMsPerRequest} ms; trivial route ${trivial.inProcessMsPerRequest} ms (${((trivial.inProcessMsPerRequest / entry.inProcessMsPerRequest) * 100).toFixed(1)}%)`,
  );

  // CPU time per request (user + system, this process only), the page and the trivial route in
  // alternating rounds: steadier than wall-clock time on a machine other work is loading.
  const origin = 'https://127.0.0.1';
  const config = loadConfig({
    NODE_ENV: 'production',
    BASE_URL: origin,
    LOG_LEVEL: 'silent',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    WORKER: 'off',
    SIGNING_KEYS_SECRET: BENCH_SIGNING_KEYS_SECRET,
  });
  const app = createApp({ db: database.db, config, mailer: memoryMailer(), logger: silentLogger });
  const signIn = await app.request(`${origin}/sign-in`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }).toString(),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .find((c) => c.startsWith('waymark_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed with ${signIn.status}`);
  const cpuPerRequest = async (path: string, headers: Record<string, string>, n: number) => {
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) await (await app.request(`${origin}${path}`, { headers })).text();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / n;
  };
  // PROFILE_PAGE_ONLY=1: only the page's rounds, for a CPU profile of the page alone.
  const pageOnly = process.env.PROFILE_PAGE_ONLY === '1';
  const page: number[] = [];
  const health: number[] = [];
  const signedIn: number[] = [];
  const list: number[] = [];
  for (let round = 0; round < 7; round++) {
    page.push(await cpuPerRequest('/mentoring', { cookie }, 200));
    if (pageOnly) continue;
    health.push(await cpuPerRequest('/health', {}, 1000));
    signedIn.push(await cpuPerRequest('/health', { cookie }, 500));
    list.push(await cpuPerRequest('/my-programme', { cookie }, 200));
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  console.log(
    `CPU per request (median of 7 rounds): People I support ${median(page).toFixed(3)} ms, trivial route ${median(health).toFixed(3)} ms (${((median(health) / median(page)) * 100).toFixed(1)}%); signed in ${median(signedIn).toFixed(3)} ms; My programme ${median(list).toFixed(3)} ms`,
  );
} finally {
  await database.destroy();
}
