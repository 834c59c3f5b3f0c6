// Mentoring benchmark: "People I support" (GET /mentoring) for a mentor with 12 mentees, each
// enrolled on a programme with three requirements, with three meetings and two actions, against the
// trivial route on the same server, one after the other with the same settings. The page must serve
// at least 10% of the trivial route's requests per second.
//
//   node bin/run-ts.js bench/mentoring.bench.ts                                                  # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/mentoring.bench.ts   # throwaway PostgreSQL database
//   BENCH_DURATION=10 BENCH_CONNECTIONS=10 node bin/run-ts.js bench/mentoring.bench.ts
//
// Prints a table and writes bench/results/mentoring-<engine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate';
import { ACTIONS, MEETINGS, MENTEES, seedMentoring } from './mentoring-seed';
import { measureTargets, type PageTarget, signInAsBenchAdmin, runPageBench, nothingRendered, resultsFile } from './page-bench';

const here = dirname(fileURLToPath(import.meta.url));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const FLOOR = 0.1;

await runPageBench('mentoring', 120 + 3 * (warmup + duration + 15), async (database, start) => {
  const summary = await generate(database.db, database.engine, { schools: 2, staff: 80 });
  await seedMentoring(database.db, summary.organisationId);
  const server = await start();
  const origin = server.origin;
  const cookie = await signInAsBenchAdmin(origin);
  const page = await fetch(`${origin}/mentoring`, { headers: { cookie }, redirect: 'manual' });
  const body = await page.text();
  const rows = (body.match(/href="\/mentoring\/pairings\//g) ?? []).length;
  const requirementsShown = (body.match(/0 of 3 requirements met/g) ?? []).length;
  if (page.status !== 200 || (!nothingRendered && (rows !== MENTEES || requirementsShown !== MENTEES)))
    throw new Error(`People I support answered ${page.status} with ${rows} mentees (${requirementsShown} with requirements), not ${MENTEES}`);
  const targets: PageTarget[] = [
    { name: 'People I support', path: '/mentoring', headers: { cookie } },
    { name: 'trivial route', path: '/health', headers: {} },
    { name: 'trivial route, signed in', path: '/health', headers: { cookie } },
  ];
  const results = await measureTargets(server, targets, { warmup, duration, connections });
  const [mentoring, trivial, signedIn] = results;
  const ratio = (mentoring?.requestsPerSecond ?? 0) / Math.max(1, trivial?.requestsPerSecond ?? 1);
  const ratioSignedIn = (mentoring?.requestsPerSecond ?? 0) / Math.max(1, signedIn?.requestsPerSecond ?? 1);
  console.log(
    `\nMentoring benchmark (${database.engine}; ${connections} connections, ${duration} s each; ${MENTEES} mentees × ${MEETINGS} meetings, ${ACTIONS} actions; page ${Buffer.byteLength(body)} bytes)`,
  );
  console.table(results);
  console.log(
    `People I support at ${(ratio * 100).toFixed(1)}% of the trivial route's requests per second (${(ratioSignedIn * 100).toFixed(1)}% of the signed-in trivial route; floor ${FLOOR * 100}%): ${ratio >= FLOOR ? 'ok' : 'TOO SLOW'}`,
  );
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', resultsFile('mentoring', database.engine)),
    `${JSON.stringify({ engine: database.engine, connections, durationSeconds: duration, mentees: MENTEES, meetingsPerMentee: MEETINGS, actionsPerMentee: ACTIONS, pageBytes: Buffer.byteLength(body), results, ratio: Math.round(ratio * 1000) / 1000 }, null, 2)}\n`,
  );
  if (ratio < FLOOR || results.some((r) => r.non2xx > 0)) process.exitCode = 1;
});
