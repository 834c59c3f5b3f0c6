// Projects benchmark: the project page of a project with 3 impact measures × 10 outcomes each (plus
// criteria, milestones, updates and comments), against the trivial route on the same server, one
// after the other with the same settings. The page must serve at least 10% of the trivial route's
// requests per second.
//
//   node bin/run-ts.js bench/projects.bench.ts                                                  # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/projects.bench.ts   # throwaway PostgreSQL database
//   BENCH_DURATION=10 BENCH_CONNECTIONS=10 node bin/run-ts.js bench/projects.bench.ts
//
// Prints a table and writes bench/results/projects-<engine>.json.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Db } from '../src/platform/db/database';
import { newId } from '../src/platform/db/ids';
import { BENCH_ADMIN, createBenchDatabase, generate } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const MEASURES = 3;
const OUTCOMES = 10;
const FLOOR = 0.1;

/** A project with MEASURES × OUTCOMES figures, submitted and assessed once (not yet), for a member of staff. */
async function seedProject(db: Db, organisationId: string): Promise<string> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'line_manager_id'])
    .where('organisation_id', '=', organisationId)
    .where('line_manager_id', 'is not', null)
    .executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const projectId = newId();
  await db
    .insertInto('projects')
    .values({
      id: projectId,
      organisation_id: organisationId,
      person_id: person.id,
      enrolment_id: null,
      title: 'Reducing persistent absence in Year 9',
      rationale: 'Attendance is the first priority of the school development plan. '.repeat(4),
      people_affected: 'Year 9 pupils eligible for pupil premium',
      status: 'in_progress',
      assessor_id: null,
      role_confirmed_by: person.line_manager_id,
      role_confirmed_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('project_criteria')
    .values([1, 2, 3].map((position) => ({ id: newId(), project_id: projectId, position, text: `Success criterion ${position}: a clear, checkable change` })))
    .execute();
  for (let m = 0; m < MEASURES; m++) {
    const measureId = newId();
    await db
      .insertInto('project_measures')
      .values({
        id: measureId,
        project_id: projectId,
        position: m + 1,
        name: `Measure ${m + 1}`,
        unit: '%',
        baseline_value: 40 + m,
        baseline_on: '2025-09-01',
        target_value: 60,
        created_at: at,
      })
      .execute();
    await db
      .insertInto('project_outcomes')
      .values(
        Array.from({ length: OUTCOMES }, (_, i) => ({
          id: newId(),
          measure_id: measureId,
          measured_on: `2025-${String(10 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`,
          value: 40 + m + i * 1.7,
          created_at: at,
        })),
      )
      .execute();
  }
  await db
    .insertInto('project_milestones')
    .values(
      [1, 2, 3, 4].map((i) => ({
        id: newId(),
        project_id: projectId,
        title: `Milestone ${i}`,
        due_on: `2026-0${i}-15`,
        status: 'done' as const,
        updated_at: at,
      })),
    )
    .execute();
  await db
    .insertInto('project_notes')
    .values(
      [1, 2, 3, 4, 5].map((i) => ({
        id: newId(),
        project_id: projectId,
        author_id: person.id,
        kind: 'update' as const,
        author_role: 'participant' as const,
        body: `Update ${i}: what happened this half term. `.repeat(5),
        reflection: 'What I learned. '.repeat(5),
        created_at: new Date(Date.now() - i * 86_400_000).toISOString(),
      })),
    )
    .execute();
  return projectId;
}

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = fork(join(root, 'bin/run-ts.js'), [join(here, 'server.ts')], {
    cwd: root,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolveServer, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited early with code ${code}`)));
    child.on('message', (message: { type?: string; origin?: string }) => {
      if (message?.type !== 'listening' || !message.origin) return;
      clearTimeout(timer);
      if (new URL(message.origin).hostname !== '127.0.0.1') {
        child.kill();
        reject(new Error('refusing to benchmark anything but 127.0.0.1'));
        return;
      }
      resolveServer({ child, origin: message.origin });
    });
  });
}

function load(url: string, headers: Record<string, string>, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolveRun, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 10 }, (error, result) => {
      clearTimeout(guard);
      if (error) reject(error);
      else resolveRun(result);
    });
    const guard = setTimeout(() => instance.stop(), (seconds + 15) * 1000);
  });
}

const database = await createBenchDatabase(process.env.DATABASE_URL);
const watchdog = setTimeout(
  () => {
    console.error('projects benchmark took too long: stopping');
    process.exit(3);
  },
  (120 + 3 * (warmup + duration + 15)) * 1000,
);
let server: { child: ChildProcess; origin: string } | undefined;
try {
  const summary = await generate(database.db, database.engine, { schools: 2, staff: 80 });
  const projectId = await seedProject(database.db, summary.organisationId);
  server = await startServer(database.url);
  const origin = server.origin;
  const signIn = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
    redirect: 'manual',
  });
  const cookie = signIn.headers
    .getSetCookie()
    .find((c) => c.startsWith('waymark_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed: HTTP ${signIn.status}`);
  const page = await fetch(`${origin}/projects/${projectId}`, { headers: { cookie }, redirect: 'manual' });
  const body = await page.text();
  if (page.status !== 200 || (body.match(/<svg role="img"/g) ?? []).length !== MEASURES)
    throw new Error(`the project page answered ${page.status} without ${MEASURES} charts`);
  const targets: { name: string; path: string; headers: Record<string, string> }[] = [
    { name: 'project page', path: `/projects/${projectId}`, headers: { cookie } },
    { name: 'trivial route', path: '/health', headers: {} },
    { name: 'trivial route, signed in', path: '/health', headers: { cookie } },
  ];
  const results: { name: string; path: string; requestsPerSecond: number; latencyP50Ms: number; latencyP99Ms: number; non2xx: number }[] = [];
  for (const t of targets) {
    if (warmup > 0) await load(`${origin}${t.path}`, t.headers, warmup);
    const r = await load(`${origin}${t.path}`, t.headers, duration);
    results.push({
      name: t.name,
      path: t.path,
      requestsPerSecond: Math.round(r.requests.average),
      latencyP50Ms: r.latency.p50,
      latencyP99Ms: r.latency.p99,
      non2xx: r.non2xx,
    });
  }
  const [project, trivial] = results;
  const ratio = (project?.requestsPerSecond ?? 0) / Math.max(1, trivial?.requestsPerSecond ?? 1);
  console.log(
    `\nProjects benchmark (${database.engine}; ${connections} connections, ${duration} s each; ${MEASURES} measures × ${OUTCOMES} outcomes; page ${Buffer.byteLength(body)} bytes)`,
  );
  console.table(results);
  console.log(
    `Project page at ${(ratio * 100).toFixed(1)}% of the trivial route's requests per second (floor ${FLOOR * 100}%): ${ratio >= FLOOR ? 'ok' : 'TOO SLOW'}`,
  );
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', `projects-${database.engine}.json`),
    `${JSON.stringify({ engine: database.engine, connections, durationSeconds: duration, measures: MEASURES, outcomesPerMeasure: OUTCOMES, pageBytes: Buffer.byteLength(body), results, ratio: Math.round(ratio * 1000) / 1000 }, null, 2)}\n`,
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
