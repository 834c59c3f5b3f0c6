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
import type { Db } from '../src/platform/db/database';
import { newId } from '../src/platform/db/ids';
import { makeCohort, makeProgramme } from '../test/support/programme-world';
import { BENCH_ADMIN, createBenchDatabase, generate } from './generate';
import { type BenchServer, measureTargets, type PageTarget, signInAsBenchAdmin, startBenchServer } from './page-bench';

const here = dirname(fileURLToPath(import.meta.url));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const MENTEES = 12;
const MEETINGS = 3;
const ACTIONS = 2;
const FLOOR = 0.1;

/**
 * The organisation admin the benchmark signs in as mentors MENTEES people, each enrolled on one
 * programme (confirmed meetings, sign-off and the lead's sign-off as requirements), with MEETINGS
 * meetings (the last two weeks ago, the next one ahead) and ACTIONS open actions each.
 */
async function seedMentoring(db: Db, organisationId: string): Promise<void> {
  const mentor = await db.selectFrom('people').select('id').where('email_normalised', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow();
  const mentees = await db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('id', '!=', mentor.id)
    .orderBy('id')
    .limit(MENTEES)
    .execute();
  if (mentees.length !== MENTEES) throw new Error(`only ${mentees.length} people to mentor`);
  const programme = await makeProgramme(db, {
    organisationId,
    title: 'Towards Middle Leadership',
    requirements: [{ kind: 'mentoring_meetings', settings: { meetings: 6 } }, { kind: 'mentoring_signoff' }, { kind: 'sign_off' }],
  });
  const cohort = await makeCohort(db, { organisationId, programmeId: programme.id, name: 'Cohort 7', startsOn: '2026-09-07', endsOn: '2027-07-16' });
  const at = new Date().toISOString();
  const day = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
  await db
    .insertInto('mentoring_profiles')
    .values({ person_id: mentor.id, organisation_id: organisationId, places: MENTEES, strengths: '[]', updated_at: at })
    .execute();
  for (const mentee of mentees) {
    const enrolmentId = newId();
    await db
      .insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: organisationId,
        application_id: null,
        cohort_id: cohort.id,
        programme_id: programme.id,
        person_id: mentee.id,
        status: 'active',
        return_cohort_id: null,
        status_reason: null,
        completed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const pairingId = newId();
    await db
      .insertInto('mentoring_pairings')
      .values({
        id: pairingId,
        organisation_id: organisationId,
        kind: 'mentor',
        mentor_id: mentor.id,
        mentee_id: mentee.id,
        enrolment_id: enrolmentId,
        status: 'active',
        assigned_by: mentor.id,
        started_at: at,
        ended_at: null,
        ended_by: null,
        end_reason: null,
        replaced_by_id: null,
        signed_off_at: null,
        signed_off_comment: null,
      })
      .execute();
    for (let m = 0; m < MEETINGS; m++) {
      const meetingId = newId();
      await db
        .insertInto('mentoring_meetings')
        .values({
          id: meetingId,
          pairing_id: pairingId,
          held_on: day(-14 * (MEETINGS - m)),
          duration_minutes: 45,
          focus_skills: '[]',
          shared_notes: 'What we talked about, and what to try before next time. '.repeat(3),
          next_meeting_on: day(14 - 14 * (MEETINGS - m - 1)),
          status: m < MEETINGS - 1 ? 'confirmed' : 'recorded',
          added_by: mentor.id,
          added_at: at,
          confirmed_by: m < MEETINGS - 1 ? mentee.id : null,
          confirmed_at: m < MEETINGS - 1 ? at : null,
        })
        .execute();
      if (m === MEETINGS - 1)
        await db
          .insertInto('mentoring_actions')
          .values(
            Array.from({ length: ACTIONS }, (_, i) => ({
              id: newId(),
              pairing_id: pairingId,
              meeting_id: meetingId,
              description: `Action ${i + 1}: something to try before the next meeting`,
              owner_id: mentee.id,
              due_on: day(i === 0 ? -2 : 10),
              done_at: null,
              created_at: at,
            })),
          )
          .execute();
    }
  }
}

const database = await createBenchDatabase(process.env.DATABASE_URL);
const watchdog = setTimeout(
  () => {
    console.error('mentoring benchmark took too long: stopping');
    process.exit(3);
  },
  (120 + 3 * (warmup + duration + 15)) * 1000,
);
let server: BenchServer | undefined;
try {
  const summary = await generate(database.db, database.engine, { schools: 2, staff: 80 });
  await seedMentoring(database.db, summary.organisationId);
  server = await startBenchServer(database.url);
  const origin = server.origin;
  const cookie = await signInAsBenchAdmin(origin);
  const page = await fetch(`${origin}/mentoring`, { headers: { cookie }, redirect: 'manual' });
  const body = await page.text();
  const rows = (body.match(/href="\/mentoring\/pairings\//g) ?? []).length;
  const requirementsShown = (body.match(/0 of 3 requirements met/g) ?? []).length;
  if (page.status !== 200 || rows !== MENTEES || requirementsShown !== MENTEES)
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
    join(here, 'results', `mentoring-${database.engine}.json`),
    `${JSON.stringify({ engine: database.engine, connections, durationSeconds: duration, mentees: MENTEES, meetingsPerMentee: MEETINGS, actionsPerMentee: ACTIONS, pageBytes: Buffer.byteLength(body), results, ratio: Math.round(ratio * 1000) / 1000 }, null, 2)}\n`,
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
