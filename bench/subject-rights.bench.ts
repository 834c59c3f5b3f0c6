// Subject access and erasure benchmark, on the 5,000-staff generated trust with the pages seed (a
// cohort of 100 enrolled participants, the first with a closed 360 round full of answers):
// - a subject access export (every feature's export hook, the summary, the ZIP) for the participant
//   with the fullest record: under 2 s;
// - erasing one person (every feature's erase hook, the outbox, files and audit log, in one
//   transaction): under 1 s, measured on the participant with the 360 round and on roster
//   participants (each with an application and an enrolment).
//
//   node bin/run-ts.js bench/subject-rights.bench.ts                                                  # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/subject-rights.bench.ts   # throwaway PostgreSQL database
//
// Prints the figures and writes bench/results/subject-rights-<engine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config';
import { features } from '../src/features';
import { findPersonSummary } from '../src/features/staff';
import { buildExportZip, dataSubjectOf, runErasureJob, startErasure } from '../src/features/subject-rights/subject-rights.service';
import { systemClock } from '../src/platform/db/clock';
import type { DataSubject } from '../src/platform/module';
import { createBenchDatabase, generate } from './generate';
import { seedPages } from './pages-seed';

const here = dirname(fileURLToPath(import.meta.url));
const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 10);
const ERASURES = Number(process.env.BENCH_ERASURES ?? 10);
const EXPORT_LIMIT_MS = 2000;
const ERASE_LIMIT_MS = 1000;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: Math.round(at(0.5) * 10) / 10, p95: Math.round(at(0.95) * 10) / 10, max: Math.round((sorted.at(-1) ?? Number.NaN) * 10) / 10 };
}

const database = await createBenchDatabase(process.env.DATABASE_URL);
try {
  const summary = await generate(database.db, database.engine);
  const seed = await seedPages(database.db, summary.organisationId);
  const db = database.db;
  const config = loadConfig({});
  const admin = await db.selectFrom('people').select('id').where('email_normalised', '=', summary.admin.email).executeTakeFirstOrThrow();
  const subjectOf = async (id: string) => {
    const person = await findPersonSummary(db, id);
    if (!person) throw new Error(`no person ${id}`);
    return dataSubjectOf(person);
  };

  const participant = await subjectOf(seed.participant.id);
  const exportMs: number[] = [];
  let zipBytes = 0;
  for (let i = 0; i < EXPORTS + 2; i++) {
    const started = performance.now();
    const zip = await buildExportZip(db, features.personalData, participant, 'Bench trust', new Date().toISOString());
    if (i >= 2) exportMs.push(performance.now() - started);
    zipBytes = zip.length;
  }

  const roster = await db
    .selectFrom('enrolments')
    .select('person_id')
    .where('cohort_id', '=', seed.cohortId)
    .where('person_id', '!=', seed.participant.id)
    .orderBy('person_id')
    .limit(ERASURES)
    .execute();
  // What the Erase button starts and the worker finishes, timed together.
  const erase = async (subject: DataSubject, credentials: 'keep' | 'revoke') => {
    const jobId = await startErasure(db, systemClock, subject, { requestedBy: admin.id, credentials });
    await runErasureJob(db, systemClock, { config }, features.personalData, jobId);
  };
  const eraseMs: number[] = [];
  for (const { person_id } of roster) {
    const started = performance.now();
    await erase(await subjectOf(person_id), 'keep');
    eraseMs.push(performance.now() - started);
  }
  const started = performance.now();
  await erase(participant, 'revoke');
  const fullEraseMs = performance.now() - started;

  const result = {
    engine: database.engine,
    people: summary.people,
    export: { ...stats(exportMs), runs: exportMs.length, zipBytes, limitMs: EXPORT_LIMIT_MS },
    erase: { ...stats(eraseMs), runs: eraseMs.length, limitMs: ERASE_LIMIT_MS },
    eraseFullRecordMs: Math.round(fullEraseMs * 10) / 10,
  };
  console.log(`\nSubject access and erasure (${database.engine}; ${summary.people} people)`);
  console.table({ 'export (participant with 360 round)': result.export, 'erase (roster participant)': result.erase });
  console.log(`Erasing the participant with the 360 round: ${result.eraseFullRecordMs} ms`);
  const ok = result.export.median < EXPORT_LIMIT_MS && result.erase.max < ERASE_LIMIT_MS && fullEraseMs < ERASE_LIMIT_MS;
  console.log(ok ? 'ok' : 'TOO SLOW');
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', `subject-rights-${database.engine}.json`), `${JSON.stringify(result, null, 2)}\n`);
  if (!ok) process.exitCode = 1;
} finally {
  await database.destroy();
}
