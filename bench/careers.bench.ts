// Careers benchmark: the matched-vacancies page (GET /careers/vacancies) with 5,000 vacancies stored,
// for someone aspiring to headship who looks in two postcode districts, against the trivial route on
// the same server, one after the other with the same settings. The page must serve at least 10% of
// the trivial route's requests per second.
//
//   node bin/run-ts.js bench/careers.bench.ts                                                  # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/careers.bench.ts   # throwaway PostgreSQL database
//
// Prints a table and writes bench/results/careers-<engine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/platform/db/database';
import { newId } from '../src/platform/db/ids';
import { BENCH_ADMIN, createBenchDatabase, generate } from './generate';
import { type BenchServer, measureTargets, type PageTarget, signInAsBenchAdmin, startBenchServer } from './page-bench';

const here = dirname(fileURLToPath(import.meta.url));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const VACANCIES = 5000;
const DISTRICTS = ['LS1', 'LS2', 'LS6', 'LS11', 'WF1', 'WF2', 'BD1', 'HX1', 'HD1', 'YO1'];
const ROLES: [string[], string[]][] = [
  [['headteacher'], ['headteacher']],
  [['deputy_headteacher'], ['deputy_head']],
  [['assistant_headteacher'], ['assistant_head']],
  [['head_of_year_or_phase'], ['head_of_year', 'subject_leader']],
  [['head_of_department_or_curriculum'], ['subject_leader']],
  [['sendco'], ['senco']],
];
const FLOOR = 0.1;

/** VACANCIES vacancies spread over DISTRICTS and ROLES; the bench admin aspires to headship and looks in LS11 and WF2. */
async function seedCareers(db: Db, organisationId: string): Promise<number> {
  const admin = await db.selectFrom('people').select('id').where('email_normalised', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const roleId = newId();
  await db
    .insertInto('careers_roles')
    .values({
      id: roleId,
      organisation_id: organisationId,
      starter_key: 'headteacher',
      title: 'Headteacher',
      track: 'teaching',
      tier: 'headship',
      summary: 'Leads the school.',
      skill_codes: '[]',
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('careers_aspirations')
    .values({
      person_id: admin.id,
      organisation_id: organisationId,
      role_id: roleId,
      timeframe: '1_to_3',
      barriers: '[]',
      support: '',
      sharing: 'only_me',
      updated_at: at,
    })
    .execute();
  await db.insertInto('careers_vacancy_settings').values({ person_id: admin.id, districts: '["LS11","WF2"]', updated_at: at }).execute();
  const rows = Array.from({ length: VACANCIES }, (_, i) => {
    const [jobRoles, roleKeys] = ROLES[i % ROLES.length] as [string[], string[]];
    const district = DISTRICTS[Math.floor(i / ROLES.length) % DISTRICTS.length] as string;
    return {
      url: `https://teaching-vacancies.example/jobs/${i}`,
      title: `${jobRoles[0]} vacancy ${i}`,
      employer: `School ${i}`,
      postcode: `${district} 1AA`,
      district,
      job_roles: JSON.stringify(jobRoles),
      role_keys: JSON.stringify(roleKeys),
      date_posted: new Date(Date.now() - (i % 30) * 86_400_000).toISOString(),
      valid_through: new Date(Date.now() + (10 + (i % 40)) * 86_400_000).toISOString(),
      imported_at: at,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('careers_vacancies')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.filter((r) => r.role_keys.includes('"headteacher"') && (r.district === 'LS11' || r.district === 'WF2')).length;
}

const database = await createBenchDatabase(process.env.DATABASE_URL);
const watchdog = setTimeout(
  () => {
    console.error('careers benchmark took too long: stopping');
    process.exit(3);
  },
  (120 + 3 * (warmup + duration + 15)) * 1000,
);
let server: BenchServer | undefined;
try {
  const summary = await generate(database.db, database.engine, { schools: 2, staff: 80 });
  const expected = Math.min(50, await seedCareers(database.db, summary.organisationId));
  server = await startBenchServer(database.url);
  const origin = server.origin;
  const cookie = await signInAsBenchAdmin(origin);
  const page = await fetch(`${origin}/careers/vacancies`, { headers: { cookie }, redirect: 'manual' });
  const body = await page.text();
  const rows = (body.match(/href="https:\/\/teaching-vacancies\.example\/jobs\//g) ?? []).length;
  if (page.status !== 200 || rows !== expected) throw new Error(`The vacancies page answered ${page.status} with ${rows} vacancies, not ${expected}`);
  const targets: PageTarget[] = [
    { name: 'Matched vacancies', path: '/careers/vacancies', headers: { cookie } },
    { name: 'trivial route', path: '/health', headers: {} },
    { name: 'trivial route, signed in', path: '/health', headers: { cookie } },
  ];
  const results = await measureTargets(server, targets, { warmup, duration, connections });
  const [vacancies, trivial, signedIn] = results;
  const ratio = (vacancies?.requestsPerSecond ?? 0) / Math.max(1, trivial?.requestsPerSecond ?? 1);
  const ratioSignedIn = (vacancies?.requestsPerSecond ?? 0) / Math.max(1, signedIn?.requestsPerSecond ?? 1);
  console.log(
    `\nCareers benchmark (${database.engine}; ${connections} connections, ${duration} s each; ${VACANCIES} vacancies stored; page ${Buffer.byteLength(body)} bytes)`,
  );
  console.table(results);
  console.log(
    `Matched vacancies at ${(ratio * 100).toFixed(1)}% of the trivial route's requests per second (${(ratioSignedIn * 100).toFixed(1)}% of the signed-in trivial route; floor ${FLOOR * 100}%): ${ratio >= FLOOR ? 'ok' : 'TOO SLOW'}`,
  );
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', `careers-${database.engine}.json`),
    `${JSON.stringify({ engine: database.engine, connections, durationSeconds: duration, vacancies: VACANCIES, pageBytes: Buffer.byteLength(body), results, ratio: Math.round(ratio * 1000) / 1000 }, null, 2)}\n`,
  );
  if (ratio < FLOOR || results.some((r) => r.non2xx > 0)) process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  if (server && server.child.exitCode === null) {
    const exited = new Promise((r) => server?.child.once('exit', r));
    server.child.send({ type: 'stop' });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    server.child.kill('SIGKILL');
  }
  await database.destroy();
}
