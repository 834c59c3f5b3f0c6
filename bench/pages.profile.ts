// CPU per request of the load benchmark's pages, in-process (app.request, no HTTP), on the same
// 5,000-staff trust and seed as bench/run.ts: each page and the trivial route in alternating rounds,
// medians printed. Steadier than req/s on a shared machine, and the place to take a CPU profile.
//
//   node bin/run-ts.js bench/pages.profile.ts                        # SQLite, every page
//   PROFILE_ONLY=roster,report-360 node bin/run-ts.js bench/pages.profile.ts
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/pages.profile.ts
//   PROFILE_CENSUS=1 node bin/run-ts.js bench/pages.profile.ts      # also each page's statements, timed alone
//   PROFILE_DUMP=/tmp/pages node bin/run-ts.js bench/pages.profile.ts  # also writes each page's HTML there
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/run-ts.js bench/pages.profile.ts   # and a CPU profile
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/platform/log';
import { memoryMailer } from '../src/platform/mail/mailer';
import { BENCH_ADMIN, createBenchDatabase, generate } from './generate';
import { seedPages } from './pages-seed';
import { queryCensus } from './profile';
import { targetsFor, type Viewer } from './targets';
import { BENCH_SIGNING_KEYS_SECRET } from './secrets';

const database = await createBenchDatabase(process.env.DATABASE_URL);
try {
  const summary = await generate(database.db, database.engine);
  const seed = await seedPages(database.db, summary.organisationId);
  const only = process.env.PROFILE_ONLY?.split(',').filter(Boolean);
  const rounds = Number(process.env.PROFILE_ROUNDS ?? 5);
  const perRound = Number(process.env.PROFILE_REQUESTS ?? 100);
  const targets = targetsFor(seed).filter((t) => !only || only.includes(t.name) || t.name.startsWith('health'));

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
  const signIn = async (who: { email: string; password: string }) => {
    const response = await app.request(`${origin}/sign-in`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: who.email, password: who.password }).toString(),
    });
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith('waymark_session='))
      ?.split(';')[0];
    if (!cookie) throw new Error(`sign-in as ${who.email} failed with ${response.status}`);
    return cookie;
  };
  const cookies: Record<Viewer, string> = {
    admin: await signIn(BENCH_ADMIN),
    lead: await signIn(seed.lead),
    participant: await signIn(seed.participant),
  };

  if (process.env.PROFILE_CENSUS) {
    const viewers = { admin: BENCH_ADMIN, lead: seed.lead, participant: seed.participant };
    for (const target of targets.filter((t) => t.viewer)) {
      const [entry] = await queryCensus(database.db, database.engine, viewers[target.viewer ?? 'admin'], [target], { iterations: 200 });
      if (!entry) continue;
      console.log(
        `${entry.name}: ${entry.queries.length} statements, ≈${entry.dbMsPerRequest} ms in the database, ${entry.inProcessMsPerRequest} ms in-process`,
      );
      for (const q of entry.queries) console.log(`  ${String(q.meanMs ?? 'write').padStart(6)} ms  ${q.rows} rows  ${q.sql.slice(0, 140)}`);
    }
  }

  const cpu: Record<string, number[]> = {};
  for (const target of targets) {
    const response = await app.request(`${origin}${target.path}`, { headers: target.viewer ? { cookie: cookies[target.viewer] } : {} });
    const body = await response.text();
    const wrong = response.status !== 200 ? `answered ${response.status}` : target.expect?.(body);
    if (wrong) throw new Error(`${target.name} ${wrong}`);
    if (process.env.PROFILE_DUMP) writeFileSync(join(process.env.PROFILE_DUMP, `${target.name}.html`), body);
    cpu[target.name] = [];
  }
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      const headers: Record<string, string> = target.viewer ? { cookie: cookies[target.viewer] } : {};
      const n = target.name.startsWith('health') ? perRound * 10 : perRound;
      const before = process.cpuUsage();
      for (let i = 0; i < n; i++) await (await app.request(`${origin}${target.path}`, { headers })).text();
      const used = process.cpuUsage(before);
      cpu[target.name]?.push((used.user + used.system) / 1000 / n);
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  const health = median(cpu.health ?? []);
  console.log(`CPU ms per request, in-process, ${database.engine} (median of ${rounds} rounds):`);
  for (const target of targets) {
    const m = median(cpu[target.name] ?? []);
    console.log(`  ${target.name.padEnd(18)} ${m.toFixed(3)} ms  (${(m / health).toFixed(1)}× /health)`);
  }
} finally {
  await database.destroy();
}
