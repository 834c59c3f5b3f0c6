// Certificates benchmark: issuing a certificate with its signed Open Badges 3.0 credential (what the
// worker does on `enrolment.completed`: the award's records, a status list entry, the
// `eddsa-rdfc-2022` signature, the row and its audit entry), and rendering its PDF with the
// credential embedded. Each must take under 100 ms (the median; the 95th percentile is reported too).
//
//   node bin/run-ts.js bench/certificates.bench.ts                                                  # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/certificates.bench.ts   # throwaway PostgreSQL database
//   BENCH_CERTIFICATES=100 node bin/run-ts.js bench/certificates.bench.ts
//
// Prints a table and writes bench/results/certificates-<engine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config';
import { verificationUrl } from '../src/features/certificates/certificates.credential';
import { renderCertificatePdf } from '../src/features/certificates/certificates.pdf';
import { issueCertificate } from '../src/features/certificates/certificates.service';
import type { EnrolmentCompleted } from '../src/features/enrolments';
import { FixedClock } from '../src/platform/db/clock';
import type { Db } from '../src/platform/db/database';
import { newId } from '../src/platform/db/ids';
import { makePerson, makeWorld } from '../test/support/factories';
import { makeCohort, makeFramework, makeProgramme } from '../test/support/programme-world';
import { createBenchDatabase } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const COUNT = Number(process.env.BENCH_CERTIFICATES ?? 60);
const WARMUP = 5;
const LIMIT_MS = 100;

async function completedEnrolments(db: Db, count: number) {
  const world = await makeWorld(db);
  const framework = await makeFramework(db, world.organisation.id, { skills: ['LP1', 'LP2', 'LP3', 'CU1', 'CU2', 'PD1'] });
  const programme = await makeProgramme(db, {
    organisationId: world.organisation.id,
    title: 'Towards Middle Leadership',
    requirements: [{ kind: 'sign_off' }],
  });
  for (const skillId of framework.skillIds) await db.insertInto('programme_focus_skills').values({ programme_id: programme.id, skill_id: skillId }).execute();
  const cohort = await makeCohort(db, {
    organisationId: world.organisation.id,
    programmeId: programme.id,
    name: 'Cohort 1',
    leadIds: [world.programmeLead.id],
  });
  const at = '2026-07-17T15:00:00.000Z';
  const list: EnrolmentCompleted[] = [];
  for (let i = 0; i < count; i++) {
    const person = await makePerson(db, { organisationId: world.organisation.id, givenName: `Graduate${i}`, familyName: 'Ødegård' });
    const id = newId();
    await db
      .insertInto('enrolments')
      .values({
        id,
        organisation_id: world.organisation.id,
        application_id: null,
        cohort_id: cohort.id,
        programme_id: programme.id,
        person_id: person.id,
        status: 'completed',
        return_cohort_id: null,
        status_reason: null,
        completed_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    list.push({ enrolmentId: id, organisationId: world.organisation.id, personId: person.id, programmeId: programme.id, cohortId: cohort.id, completedAt: at });
  }
  return list;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? Number.NaN };
}

const database = await createBenchDatabase(process.env.DATABASE_URL);
try {
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: 'https://waymark.example.org', LOG_LEVEL: 'silent' });
  const clock = new FixedClock(new Date('2026-07-18T09:00:00.000Z'));
  const enrolments = await completedEnrolments(database.db, COUNT + WARMUP);
  const issue: number[] = [];
  const pdf: number[] = [];
  for (const [i, enrolment] of enrolments.entries()) {
    const started = performance.now();
    const id = await issueCertificate(database.db, clock, config, enrolment);
    const issued = performance.now() - started;
    const certificate = await database.db
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', id ?? '')
      .executeTakeFirstOrThrow();
    const drawing = performance.now();
    await renderCertificatePdf(certificate, verificationUrl(config.BASE_URL, certificate.code), { credential: certificate.credential ?? undefined });
    const drawn = performance.now() - drawing;
    if (i >= WARMUP) {
      issue.push(issued);
      pdf.push(drawn);
    }
  }
  const results = {
    engine: database.engine,
    certificates: COUNT,
    issueSignedCredentialMs: stats(issue),
    /** All of them, one after another: the worker's time to issue a cohort of this size. */
    issueAllMs: Math.round(issue.reduce((a, b) => a + b, 0)),
    pdfWithCredentialMs: stats(pdf),
    limitMs: LIMIT_MS,
  };
  const pass = results.issueSignedCredentialMs.median < LIMIT_MS && results.pdfWithCredentialMs.median < LIMIT_MS;
  console.table({
    'issue + sign credential': results.issueSignedCredentialMs,
    'PDF with credential': results.pdfWithCredentialMs,
  });
  console.log(`${pass ? 'PASS' : 'FAIL'}: each under ${LIMIT_MS} ms (median) on ${database.engine}, ${COUNT} certificates after ${WARMUP} to warm up`);
  console.log(`Issuing all ${COUNT}, one after another: ${results.issueAllMs} ms`);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `certificates-${database.engine}.json`), `${JSON.stringify({ ...results, pass }, null, 2)}\n`);
  if (!pass) process.exitCode = 1;
} finally {
  await database.destroy();
}
