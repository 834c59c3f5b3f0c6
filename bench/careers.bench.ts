// Careers benchmark: importing 5,000 vacancies from 50 pages of a local feed (under 10 s of
// processing, the polite waits excluded), then the matched-vacancies page (GET /careers/vacancies)
// with 5,000 vacancies stored, for someone aspiring to headship who looks in two postcode districts,
// against the trivial route on the same server, one after the other with the same settings. The page
// must serve at least 10% of the trivial route's requests per second.
//
//   node bin/run-ts.js bench/careers.bench.ts                                                  # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/careers.bench.ts   # throwaway PostgreSQL database
//
// Prints a table and writes bench/results/careers-<engine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/platform/db/database';
import { systemClock } from '../src/platform/db/clock';
import { importVacancies } from '../src/features/careers/careers.vacancies';
import { DISTRICTS, ROLES, seedCareers, VACANCIES } from './careers-seed';
import { generate } from './generate';
import { measureTargets, type PageTarget, signInAsBenchAdmin, runPageBench, nothingRendered, resultsFile } from './page-bench';

const here = dirname(fileURLToPath(import.meta.url));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const FLOOR = 0.1;
const IMPORT_CEILING_SECONDS = 10;

/** Imports VACANCIES postings from 50 pages served by a local feed, on a copy of the data set; returns seconds of processing. */
async function measureImport(db: Db): Promise<{ imported: number; pages: number; seconds: number }> {
  const posting = (n: number) => ({
    '@context': 'http://schema.org',
    '@type': 'JobPosting',
    title: `Headteacher ${n}`,
    url: `https://teaching-vacancies.example/import/${n}`,
    datePosted: new Date().toISOString(),
    validThrough: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    job_roles: [ROLES[n % ROLES.length]?.[0]?.[0] ?? 'headteacher'],
    hiringOrganization: { '@type': 'Organization', name: `School ${n}` },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', postalCode: `${DISTRICTS[n % DISTRICTS.length]} 1AA` } },
  });
  const pages = 50;
  const perPage = VACANCIES / pages;
  const feed = createServer((request, response) => {
    const n = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
    const data = n <= pages ? Array.from({ length: perPage }, (_, i) => posting((n - 1) * perPage + i)) : [];
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data, links: { next: n < pages ? `?page=${n + 1}` : null } }));
  });
  await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = feed.address() as AddressInfo;
    const started = performance.now();
    const result = await importVacancies(db, systemClock, { baseUrl: `http://127.0.0.1:${port}`, minIntervalMs: 0, sleep: async () => undefined });
    const seconds = (performance.now() - started - result.waitedMs) / 1000;
    await db.deleteFrom('careers_vacancy_roles').where('url', 'like', 'https://teaching-vacancies.example/import/%').execute();
    await db.deleteFrom('careers_vacancies').where('url', 'like', 'https://teaching-vacancies.example/import/%').execute();
    return { imported: result.imported, pages: result.pages, seconds };
  } finally {
    await new Promise((resolve) => feed.close(resolve));
  }
}

await runPageBench('careers', 120 + 3 * (warmup + duration + 15), async (database, start) => {
  const summary = await generate(database.db, database.engine, { schools: 2, staff: 80 });
  const imported = await measureImport(database.db);
  console.log(
    `Imported ${imported.imported} vacancies from ${imported.pages} pages in ${imported.seconds.toFixed(2)} s of processing (ceiling ${IMPORT_CEILING_SECONDS} s): ${imported.seconds < IMPORT_CEILING_SECONDS ? 'ok' : 'TOO SLOW'}`,
  );
  if (imported.imported !== VACANCIES || imported.seconds >= IMPORT_CEILING_SECONDS) process.exitCode = 1;
  const expected = Math.min(50, await seedCareers(database.db, summary.organisationId));
  const server = await start();
  const origin = server.origin;
  const cookie = await signInAsBenchAdmin(origin);
  const page = await fetch(`${origin}/careers/vacancies`, { headers: { cookie }, redirect: 'manual' });
  const body = await page.text();
  const rows = (body.match(/href="https:\/\/teaching-vacancies\.example\/jobs\//g) ?? []).length;
  if (page.status !== 200 || (!nothingRendered && rows !== expected))
    throw new Error(`The vacancies page answered ${page.status} with ${rows} vacancies, not ${expected}`);
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
    join(here, 'results', resultsFile('careers', database.engine)),
    `${JSON.stringify({ engine: database.engine, connections, durationSeconds: duration, vacancies: VACANCIES, importSeconds: Math.round(imported.seconds * 100) / 100, pageBytes: Buffer.byteLength(body), results, ratio: Math.round(ratio * 1000) / 1000 }, null, 2)}\n`,
  );
  if (ratio < FLOOR || results.some((r) => r.non2xx > 0)) process.exitCode = 1;
});
