// Where "People I support"'s time goes, in-process (no HTTP): the statements one request runs (the
// query census) and the mean time of the whole request through app.request().
//
//   node bin/run-ts.js bench/mentoring.profile.ts                      # SQLite
//   DATABASE_URL=postgres://… node bin/run-ts.js bench/mentoring.profile.ts
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/run-ts.js bench/mentoring.profile.ts   # and a CPU profile
import { BENCH_ADMIN, createBenchDatabase, generate } from './generate';
import { seedMentoring } from './mentoring-seed';
import { type CpuRoute, cpuRounds, queryCensus } from './profile';

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

  // PROFILE_PAGE_ONLY=1: only the page's rounds, for a CPU profile of the page alone.
  const routes: CpuRoute[] = [
    { name: 'page', path: '/mentoring', signedIn: true, requests: 200 },
    ...(process.env.PROFILE_PAGE_ONLY === '1'
      ? []
      : [
          { name: 'trivial', path: '/health', signedIn: false, requests: 1000 },
          { name: 'signed in', path: '/health', signedIn: true, requests: 500 },
          { name: 'list', path: '/my-programme', signedIn: true, requests: 200 },
        ]),
  ];
  const cpu = await cpuRounds(database.db, BENCH_ADMIN, routes);
  const ms = (name: string) => cpu.get(name) ?? 0;
  console.log(
    `CPU per request (median of 7 rounds): People I support ${ms('page').toFixed(3)} ms, trivial route ${ms('trivial').toFixed(3)} ms (${((ms('trivial') / ms('page')) * 100).toFixed(1)}%); signed in ${ms('signed in').toFixed(3)} ms; My programme ${ms('list').toFixed(3)} ms`,
  );
} finally {
  await database.destroy();
}
