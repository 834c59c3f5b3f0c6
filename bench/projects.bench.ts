// Projects benchmark: the project page of a project with 3 impact measures × 10 outcomes each (plus
// criteria, milestones, updates and comments), against the trivial route on the same server, one
// after the other with the same settings. The page must serve at least 10% of the trivial route's
// requests per second.
//
//   node bin/run-ts.js bench/projects.bench.ts                                                  # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/projects.bench.ts   # throwaway PostgreSQL database
//   BENCH_DURATION=6 BENCH_ROUNDS=3 BENCH_CONNECTIONS=10 node bin/run-ts.js bench/projects.bench.ts
//
// Prints a table and writes bench/results/projects-<engine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate';
import { MEASURES, OUTCOMES, seedProject } from './projects-seed';
import { measureTargets, type PageRun, type PageTarget, signInAsBenchAdmin, runPageBench, nothingRendered, resultsFile } from './page-bench';

const here = dirname(fileURLToPath(import.meta.url));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 6);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
// The page and the trivial route alternate, round after round: on a shared machine whose load comes
// and goes, each round's ratio compares runs seconds apart, and the median round is reported.
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const FLOOR = 0.1;

await runPageBench('projects', 120 + rounds * 3 * (warmup + duration + 15), async (database, start) => {
  const summary = await generate(database.db, database.engine, { schools: 2, staff: 80 });
  const projectId = await seedProject(database.db, summary.organisationId);
  const server = await start();
  const origin = server.origin;
  const cookie = await signInAsBenchAdmin(origin);
  const page = await fetch(`${origin}/projects/${projectId}`, { headers: { cookie }, redirect: 'manual' });
  const body = await page.text();
  if (page.status !== 200 || (!nothingRendered && (body.match(/<svg role="img"/g) ?? []).length !== MEASURES))
    throw new Error(`the project page answered ${page.status} without ${MEASURES} charts`);
  const targets: PageTarget[] = [
    { name: 'project page', path: `/projects/${projectId}`, headers: { cookie } },
    { name: 'trivial route', path: '/health', headers: {} },
    { name: 'trivial route, signed in', path: '/health', headers: { cookie } },
  ];
  const results: (PageRun & { round: number })[] = [];
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const runs = await measureTargets(server, targets, { warmup, duration, connections });
    const [project, trivial] = runs;
    ratios.push((project?.requestsPerSecond ?? 0) / Math.max(1, trivial?.requestsPerSecond ?? 1));
    results.push(...runs.map((run) => ({ round, ...run })));
  }
  const ratio = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0;
  console.log(
    `\nProjects benchmark (${database.engine}; ${connections} connections, ${duration} s each, ${rounds} rounds; ${MEASURES} measures × ${OUTCOMES} outcomes; page ${Buffer.byteLength(body)} bytes)`,
  );
  console.table(results.map(({ path: _path, ...r }) => r));
  console.log(`Each round's project page as a share of its trivial route: ${ratios.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')}`);
  console.log(
    `Project page at ${(ratio * 100).toFixed(1)}% of the trivial route's requests per second, median round (floor ${FLOOR * 100}%): ${ratio >= FLOOR ? 'ok' : 'TOO SLOW'}`,
  );
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', resultsFile('projects', database.engine)),
    `${JSON.stringify({ engine: database.engine, connections, durationSeconds: duration, rounds, roundRatios: ratios.map((r) => Math.round(r * 1000) / 1000), measures: MEASURES, outcomesPerMeasure: OUTCOMES, pageBytes: Buffer.byteLength(body), results, ratio: Math.round(ratio * 1000) / 1000 }, null, 2)}\n`,
  );
  if (ratio < FLOOR || results.some((r) => r.non2xx > 0)) process.exitCode = 1;
});
