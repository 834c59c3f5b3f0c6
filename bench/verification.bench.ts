// Certificates over HTTP, with the server in its own process (bench/page-bench.ts):
//  1. Confirming completion for a cohort of 100: the programme lead's POST of everyone who has met
//     every requirement to /cohorts/:cohortId/completion, then a worker (in this process, as a
//     separate worker would be) issuing and signing all 100 certificates and credentials and telling
//     each graduate. Must take under 5 s from the POST to the last certificate signed.
//  2. The public verification page (GET /certificates/:code, no sign-in) for one of those
//     certificates, against the trivial route (/health) on the same server, one after the other with
//     the same settings. The page must serve at least 10% of the trivial route's requests per second.
//     A code that matches is not counted by the rate limit on unknown codes, so every answer must be
//     a 200 (any other status fails the run).
//
//   node bin/run-ts.js bench/verification.bench.ts                                                  # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/verification.bench.ts   # throwaway PostgreSQL database
//   BENCH_DURATION=10 BENCH_CONNECTIONS=10 node bin/run-ts.js bench/verification.bench.ts
//
// Prints the figures (with the load average and the server's CPU time per request) and writes
// bench/results/verification-<engine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { measureTargets, serverCpuMs, signInAsBenchAdmin, runPageBench } from './page-bench';
import { BENCH_SIGNING_KEYS_SECRET } from './secrets';

const here = dirname(fileURLToPath(import.meta.url));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const COHORT = 100;
const CONFIRM_LIMIT_MS = 5_000;
const FLOOR = 0.1;

const loadAverage = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** A cohort of COHORT people led by the benchmark's admin, each signed off (the programme's one requirement). */
async function seedCohort(db: Db, organisationId: string): Promise<string> {
  const lead = await db.selectFrom('people').select('id').where('email_normalised', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('id', '!=', lead.id)
    .orderBy('id')
    .limit(COHORT)
    .execute();
  if (people.length !== COHORT) throw new Error(`only ${people.length} people for the cohort`);
  const programme = await makeProgramme(db, { organisationId, title: 'Towards Middle Leadership', requirements: [{ kind: 'sign_off' }] });
  const cohort = await makeCohort(db, { organisationId, programmeId: programme.id, name: 'Cohort 7', capacity: COHORT, leadIds: [lead.id] });
  const at = new Date().toISOString();
  for (const person of people) {
    const enrolmentId = newId();
    await db
      .insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: organisationId,
        application_id: null,
        cohort_id: cohort.id,
        programme_id: programme.id,
        person_id: person.id,
        status: 'active',
        return_cohort_id: null,
        status_reason: null,
        completed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db.insertInto('enrolment_signoffs').values({ enrolment_id: enrolmentId, signed_off_by: lead.id, note: 'Well done', created_at: at }).execute();
  }
  return cohort.id;
}

await runPageBench('verification', 180 + 2 * (warmup + duration + 15), async (database, start) => {
  const summary = await generate(database.db, database.engine, { schools: 2, staff: 160 });
  const cohortId = await seedCohort(database.db, summary.organisationId);
  const server = await start();
  const origin = server.origin;
  const cookie = await signInAsBenchAdmin(origin);
  const formOrigin = origin.replace(/^http:/, 'https:');

  // ----- 1. Confirming completion for the cohort -----
  const page = await fetch(`${origin}/cohorts/${cohortId}/completion`, { headers: { cookie }, redirect: 'manual' });
  const form = await page.text();
  // "Everyone who has met every requirement is selected": post every checkbox the page offers.
  const chosen = [...form.matchAll(/name="enrolmentIds"[^>]*value="([^"]+)"/g)].map((m) => m[1] ?? '');
  if (page.status !== 200 || chosen.length !== COHORT)
    throw new Error(`the completion page answered ${page.status} with ${chosen.length} ready, not ${COHORT}`);
  const worker = {
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
  };
  const confirmLoad = loadAverage();
  const cpuBeforeConfirm = await serverCpuMs(server);
  const started = performance.now();
  const body = new URLSearchParams();
  for (const id of chosen) body.append('enrolmentIds', id);
  const posted = await fetch(`${origin}/cohorts/${cohortId}/completion`, {
    method: 'POST',
    headers: { cookie, origin: formOrigin, 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  const postMs = performance.now() - started;
  if (posted.status !== 303) throw new Error(`confirming completion answered ${posted.status}`);
  const serverConfirmCpuMs = (await serverCpuMs(server)) - cpuBeforeConfirm;
  const workerCpuBefore = process.cpuUsage();
  const workerStarted = performance.now();
  const handled = await drainOutbox(worker);
  const workerMs = performance.now() - workerStarted;
  const workerCpu = process.cpuUsage(workerCpuBefore);
  const confirmMs = performance.now() - started;
  const signed = await database.db
    .selectFrom('certificates')
    .select(['code', 'credential'])
    .where('enrolment_id', 'in', chosen)
    .where('credential', 'is not', null)
    .execute();
  if (signed.length !== COHORT) throw new Error(`${signed.length} signed certificates after the worker ran, not ${COHORT}`);
  const confirm = {
    postMs: Math.round(postMs),
    workerMs: Math.round(workerMs),
    outboxMessagesHandled: handled,
    totalMs: Math.round(confirmMs),
    serverCpuMs: Math.round(serverConfirmCpuMs),
    workerCpuMs: Math.round((workerCpu.user + workerCpu.system) / 1000),
    loadAverage: confirmLoad,
  };
  console.log(`\nConfirming completion for ${COHORT} (${database.engine}): load average ${confirmLoad.join(', ')}`);
  console.table({ confirm });
  console.log(
    `Confirming completion for ${COHORT}, signed: ${confirm.totalMs} ms (limit ${CONFIRM_LIMIT_MS} ms): ${confirm.totalMs < CONFIRM_LIMIT_MS ? 'ok' : 'TOO SLOW'}`,
  );

  // ----- 2. The public verification page -----
  const code = signed[0]?.code ?? '';
  const check = await fetch(`${origin}/certificates/${code}`, { redirect: 'manual' });
  const checkBody = await check.text();
  if (check.status !== 200 || !checkBody.includes('Towards Middle Leadership')) throw new Error(`the verification page answered ${check.status}`);
  const targets: { name: string; path: string }[] = [
    { name: 'Verification page', path: `/certificates/${code}` },
    { name: 'trivial route', path: '/health' },
  ];
  const results = await measureTargets(server, targets, { warmup, duration, connections });
  const [verification, trivial] = results;
  const ratio = (verification?.requestsPerSecond ?? 0) / Math.max(1, trivial?.requestsPerSecond ?? 1);
  console.log(`\nVerification page (${database.engine}; ${connections} connections, ${duration} s each; page ${Buffer.byteLength(checkBody)} bytes)`);
  console.table(results);
  console.log(
    `Verification page at ${(ratio * 100).toFixed(1)}% of the trivial route's requests per second (floor ${FLOOR * 100}%): ${ratio >= FLOOR ? 'ok' : 'TOO SLOW'}`,
  );
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(
    join(here, 'results', `verification-${database.engine}.json`),
    `${JSON.stringify({ engine: database.engine, cohort: COHORT, confirm, connections, durationSeconds: duration, pageBytes: Buffer.byteLength(checkBody), results, ratio: Math.round(ratio * 1000) / 1000 }, null, 2)}\n`,
  );
  if (ratio < FLOOR || confirm.totalMs >= CONFIRM_LIMIT_MS || results.some((r) => r.non2xx > 0)) process.exitCode = 1;
});
