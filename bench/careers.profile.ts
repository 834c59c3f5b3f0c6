// Where the matched-vacancies page's time goes, in-process (no HTTP): the statements one request
// runs and the mean time of the whole request through app.request().
//
//   node bin/run-ts.js bench/careers.profile.ts                      # SQLite
//   DATABASE_URL=postgres://… node bin/run-ts.js bench/careers.profile.ts
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/run-ts.js bench/careers.profile.ts   # and a CPU profile
import { seedCareers } from './careers-seed';
import { BENCH_ADMIN, createBenchDatabase, generate } from './generate';
import { queryCensus } from './profile';

const database = await createBenchDatabase(process.env.DATABASE_URL);
try {
  const summary = await generate(database.db, database.engine, { schools: 2, staff: 80 });
  await seedCareers(database.db, summary.organisationId);
  const entries = await queryCensus(
    database.db,
    database.engine,
    BENCH_ADMIN,
    [
      { name: 'matched vacancies', path: '/careers/vacancies', signedIn: true },
      { name: 'trivial route', path: '/health', signedIn: false },
    ],
    { iterations: Number(process.env.PROFILE_ITERATIONS ?? 500) },
  );
  const [entry, trivial] = entries;
  if (!entry || !trivial) throw new Error('no census entry');
  console.log(`matched vacancies (${database.engine}): HTTP ${entry.status}, ${entry.queries.length} statements, ${entry.writes} writes`);
  for (const q of entry.queries) console.log(`  ${String(q.meanMs ?? '-').padStart(6)} ms  ${q.rows} rows  ${q.sql}`);
  console.log(
    `database share ${entry.dbMsPerRequest} ms; whole request in-process ${entry.inProcessMsPerRequest} ms; trivial route ${trivial.inProcessMsPerRequest} ms (${((trivial.inProcessMsPerRequest / entry.inProcessMsPerRequest) * 100).toFixed(1)}%)`,
  );
} finally {
  await database.destroy();
}
