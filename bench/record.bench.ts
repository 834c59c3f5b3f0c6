// The leadership record over HTTP, with the server in its own process (bench/page-bench.ts):
//  1. A shared record page (GET /shared/:token, no sign-in) showing 10 certificates (each with its
//     signed credential) and 33 portfolio entries, against the trivial route (/health) on the same
//     server, one after the other with the same settings. The page must serve at least 10% of the
//     trivial route's requests per second. Each request comes from its own address (X-Forwarded-For,
//     the server trusting one proxy), as many readers would, so the per-address limit on openings
//     doesn't refuse the run; the limit's writes are still made on every request.
//  2. The record file of that record: downloading it (GET /record/export.json: composing and signing
//     it) and bringing it in (POST /record/import: reading and checking every credential and the
//     file's signature; then POST /record/import/:id: checking it all again and writing it in one
//     transaction), once: the same file is refused a second time. Each must take under 1 s.
//
//   node bin/run-ts.js bench/record.bench.ts                                                   # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/record.bench.ts   # throwaway PostgreSQL database
//
// Prints the figures and writes bench/results/record-<engine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config';
import { features } from '../src/features';
import { systemClock } from '../src/platform/db/clock';
import type { Db } from '../src/platform/db/database';
import { newId } from '../src/platform/db/ids';
import { drainOutbox } from '../src/platform/jobs/outbox';
import { silentLogger } from '../src/platform/log';
import { memoryMailer } from '../src/platform/mail/mailer';
import { makeCohort, makeProgramme } from '../test/support/programme-world';
import { BENCH_ADMIN, generate } from './generate';
import { type BenchServer, serverCpuMs, signInAsBenchAdmin, runPageBench, nothingRendered, resultsFile } from './page-bench';
import { BENCH_SIGNING_KEYS_SECRET } from './secrets';

process.env.BENCH_TRUST_PROXY = 'true';
const here = dirname(fileURLToPath(import.meta.url));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const CERTIFICATES = 10;
const ENTRIES = 33;
const FLOOR = 0.1;
const FILE_LIMIT_MS = 1_000;

/** CERTIFICATES programmes, each with a cohort led by the admin in which the admin is enrolled and signed off. */
async function seedCohorts(db: Db, organisationId: string, adminId: string): Promise<{ cohortId: string; enrolmentId: string }[]> {
  const at = new Date().toISOString();
  const made: { cohortId: string; enrolmentId: string }[] = [];
  for (let i = 1; i <= CERTIFICATES; i++) {
    const programme = await makeProgramme(db, { organisationId, title: `Leadership programme ${i}`, requirements: [{ kind: 'sign_off' }] });
    const cohort = await makeCohort(db, { organisationId, programmeId: programme.id, name: `Cohort ${i}`, leadIds: [adminId] });
    const enrolmentId = newId();
    await db
      .insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: organisationId,
        application_id: null,
        cohort_id: cohort.id,
        programme_id: programme.id,
        person_id: adminId,
        status: 'active',
        return_cohort_id: null,
        status_reason: null,
        completed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db.insertInto('enrolment_signoffs').values({ enrolment_id: enrolmentId, signed_off_by: adminId, note: 'Well done', created_at: at }).execute();
    made.push({ cohortId: cohort.id, enrolmentId });
  }
  return made;
}

function readerLoad(url: string, seconds: number): Promise<autocannon.Result> {
  let n = 0;
  return new Promise((resolveRun, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (request) => {
              n++;
              return { ...request, headers: { ...request.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } };
            },
          },
        ],
      },
      (error, result) => {
        clearTimeout(guard);
        if (error) reject(error);
        else resolveRun(result);
      },
    );
    const guard = setTimeout(() => instance.stop(), (seconds + 15) * 1000);
  });
}

async function measure(server: BenchServer, name: string, path: string) {
  const url = `${server.origin}${path}`;
  if (warmup > 0) await readerLoad(url, warmup);
  const before = await serverCpuMs(server);
  const r = await readerLoad(url, duration);
  const cpu = (await serverCpuMs(server)) - before;
  return {
    name,
    requestsPerSecond: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    non2xx: r.non2xx,
    serverCpuMsPerRequest: Math.round((cpu / Math.max(1, r.requests.total)) * 100) / 100,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

await runPageBench('record', 240 + 2 * (warmup + duration + 15), async (database, start) => {
  const summary = await generate(database.db, database.engine, { schools: 1, staff: 40 });
  const admin = await database.db.selectFrom('people').select('id').where('email_normalised', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow();
  const cohorts = await seedCohorts(database.db, summary.organisationId, admin.id);
  const server = await start();
  const origin = server.origin;
  const cookie = await signInAsBenchAdmin(origin);
  const formOrigin = origin.replace(/^http:/, 'https:');
  const post = (path: string, body: URLSearchParams | FormData) =>
    fetch(`${origin}${path}`, { method: 'POST', headers: { cookie, origin: formOrigin }, body, redirect: 'manual' });

  // ----- The record: 10 certificates (signed by a worker, as in production), 33 entries, a link -----
  for (const c of cohorts) {
    const done = await post(`/cohorts/${c.cohortId}/completion`, new URLSearchParams({ enrolmentIds: c.enrolmentId }));
    if (done.status !== 303) throw new Error(`confirming completion answered ${done.status}`);
  }
  await drainOutbox({
    db: database.db,
    clock: systemClock,
    handlers: features.outboxHandlers({
      db: database.db,
      clock: systemClock,
      mailer: memoryMailer(),
      config: loadConfig({ NODE_ENV: 'test', BASE_URL: formOrigin, SIGNING_KEYS_SECRET: BENCH_SIGNING_KEYS_SECRET, LOG_LEVEL: 'silent' }),
      logger: silentLogger,
    }),
    logger: silentLogger,
  });
  for (let i = 1; i <= ENTRIES; i++) {
    const added = await post(
      '/portfolio/new',
      new URLSearchParams({
        kind: 'training_delivered',
        title: `Development activity ${i}`,
        reflection: `What changed after activity ${i}: colleagues across the department plan lessons for the whole range of pupils, and we review it each half term.`,
        'startedOn-day': '2',
        'startedOn-month': '11',
        'startedOn-year': '2026',
        hours: '3',
      }),
    );
    if (added.status !== 303) throw new Error(`adding an entry answered ${added.status}`);
  }
  const certificates = await database.db
    .selectFrom('certificates')
    .select('id')
    .where('person_id', '=', admin.id)
    .where('credential', 'is not', null)
    .execute();
  const entries = await database.db.selectFrom('portfolio_entries').select('id').where('person_id', '=', admin.id).execute();
  if (certificates.length !== CERTIFICATES || entries.length < ENTRIES) throw new Error(`${certificates.length} certificates and ${entries.length} entries`);
  const form = new URLSearchParams({ statement: 'I lead curriculum development across the trust.' });
  for (const c of certificates) form.append('items', `certificate:${c.id}`);
  for (const e of entries) form.append('items', `entry:${e.id}`);
  if ((await post('/record', form)).status !== 303) throw new Error('saving the record failed');
  const shared = await post(
    '/record/shares/new',
    new URLSearchParams({
      label: 'Headship application',
      'expiresOn-day': '1',
      'expiresOn-month': '1',
      'expiresOn-year': String(new Date().getFullYear() + 1),
    }),
  );
  if (shared.status !== 303) throw new Error(`sharing answered ${shared.status}`);
  const share = await database.db.selectFrom('record_shares').select('token').where('person_id', '=', admin.id).executeTakeFirstOrThrow();
  const path = `/shared/${share.token}`;
  const first = await fetch(`${origin}${path}`, { headers: { 'x-forwarded-for': '10.250.0.1' } });
  const pageBody = await first.text();
  if (first.status !== 200 || (!nothingRendered && (!pageBody.includes('Development activity 33') || !pageBody.includes('Leadership programme 10'))))
    throw new Error(`the shared page answered ${first.status}`);

  // ----- 1. The shared page against the trivial route -----
  const results = [await measure(server, 'Shared record page', path), await measure(server, 'trivial route', '/health')];
  const ratio = (results[0]?.requestsPerSecond ?? 0) / Math.max(1, results[1]?.requestsPerSecond ?? 1);
  console.log(`\nShared record page (${database.engine}; ${connections} connections, ${duration} s each; page ${Buffer.byteLength(pageBody)} bytes)`);
  console.table(results);
  console.log(
    `Shared record page at ${(ratio * 100).toFixed(1)}% of the trivial route's requests per second (floor ${FLOOR * 100}%): ${ratio >= FLOOR ? 'ok' : 'TOO SLOW'}`,
  );

  // ----- 2. The record file: download, then bring in -----
  const exportMs: number[] = [];
  const uploadMs: number[] = [];
  const confirmMs: number[] = [];
  let fileBytes = 0;
  // Five downloads first, then the first download brought in once: bringing in adds its items to the
  // record (a later download would hold them twice over), and the same file is refused a second time.
  let recordFile = '';
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const file = await fetch(`${origin}/record/export.json`, { headers: { cookie } });
    const text = await file.text();
    exportMs.push(performance.now() - t);
    if (file.status !== 200) throw new Error(`the download answered ${file.status}`);
    recordFile ||= text;
  }
  fileBytes = Buffer.byteLength(recordFile);
  {
    const body = new FormData();
    body.append('file', new Blob([recordFile], { type: 'application/json' }), 'leadership-record.json');
    let t = performance.now();
    const started = await post('/record/import', body);
    uploadMs.push(performance.now() - t);
    const location = started.headers.get('location') ?? '';
    if (started.status !== 303 || !location) throw new Error(`the upload answered ${started.status}: ${(await started.text()).slice(0, 300)}`);
    t = performance.now();
    const confirmed = await post(location, new URLSearchParams());
    confirmMs.push(performance.now() - t);
    if (confirmed.status !== 303) throw new Error(`bringing it in answered ${confirmed.status}`);
  }
  const file = {
    fileBytes,
    exportMsMedian: Math.round(median(exportMs)),
    exportMsMax: Math.round(Math.max(...exportMs)),
    importCheckMsMedian: Math.round(median(uploadMs)),
    importConfirmMsMedian: Math.round(median(confirmMs)),
    importTotalMsMedian: Math.round(median(uploadMs.map((u, i) => u + (confirmMs[i] ?? 0)))),
  };
  console.log(`\nThe record file (${database.engine}; ${CERTIFICATES} credentials, ${ENTRIES} entries; downloaded 5 times, brought in once)`);
  console.table({ file });
  const fileOk = file.exportMsMedian < FILE_LIMIT_MS && file.importTotalMsMedian < FILE_LIMIT_MS;
  console.log(`Download ${file.exportMsMedian} ms, bring in ${file.importTotalMsMedian} ms (limit ${FILE_LIMIT_MS} ms each): ${fileOk ? 'ok' : 'TOO SLOW'}`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', resultsFile('record', database.engine)),
    `${JSON.stringify({ engine: database.engine, connections, durationSeconds: duration, pageBytes: Buffer.byteLength(pageBody), results, ratio: Math.round(ratio * 1000) / 1000, file }, null, 2)}\n`,
  );
  if (ratio < FLOOR || !fileOk || results.some((r) => r.non2xx > 0)) process.exitCode = 1;
});
