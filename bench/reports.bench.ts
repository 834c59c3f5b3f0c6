// Reports benchmark: the oversight pages and downloads on the 5,000-staff trust with three years
// of cohorts (three programmes, a cohort of each every year, 60 participants each, with
// applications and ten sessions' registers), in-process (app.request, no HTTP). Prints the median
// and 95th percentile of each, and /health's for comparison.
//
//   node bin/run-ts.js bench/reports.bench.ts                                                      # SQLite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/reports.bench.ts    # throwaway PostgreSQL database
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { Db } from '../src/platform/db/database';
import { newId } from '../src/platform/db/ids';
import { silentLogger } from '../src/platform/log';
import { memoryMailer } from '../src/platform/mail/mailer';
import { installStarterRoles } from '../src/features/careers/careers.queries';
import { BENCH_ADMIN, createBenchDatabase, generate } from './generate';
import { BENCH_SIGNING_KEYS_SECRET } from './secrets';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PER_COHORT = 60;
const at = '2026-11-01T09:00:00.000Z';

/** Three programmes with a cohort of each in each of three academic years, enrolments, applications and registers. */
async function seedCohorts(db: Db, organisationId: string) {
  const staff = await db
    .selectFrom('people')
    .select(['id', 'school_id'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('school_id', 'is not', null)
    .orderBy('id')
    .execute();
  let next = 0;
  for (const [p, title] of ['Towards Middle Leadership', 'Senior Leadership', 'Aspiring Heads'].entries()) {
    const programmeId = newId();
    await db
      .insertInto('programmes')
      .values({
        id: programmeId,
        organisation_id: organisationId,
        pathway_id: null,
        stage_position: null,
        title,
        title_normalised: title.toLowerCase(),
        summary: '',
        audience: '',
        duration: '',
        delivery: 'cohort',
        modules_required: null,
        framework_version_id: null,
        framework_level: null,
        eligibility: '{}',
        declarations: '[]',
        experiences: '[]',
        asks_for_coach: 0,
        asks_for_project: 0,
        motivation_word_limit: 500,
        status: 'open',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('programme_requirements')
      .values([
        { id: newId(), programme_id: programmeId, kind: 'attendance', position: 1, settings: '{}' },
        { id: newId(), programme_id: programmeId, kind: 'sign_off', position: 2, settings: '{}' },
      ])
      .execute();
    for (const year of [2024, 2025, 2026]) {
      const cohortId = newId();
      await db
        .insertInto('cohorts')
        .values({
          id: cohortId,
          organisation_id: organisationId,
          programme_id: programmeId,
          name: `${year} cohort`,
          name_normalised: `${year} cohort`,
          applications_open_on: `${year}-05-01`,
          applications_close_on: `${year}-06-30`,
          endorsement_deadline: null,
          starts_on: `${year}-09-15`,
          ends_on: `${year + 1}-07-15`,
          capacity: PER_COHORT,
          needs_line_manager: 1,
          needs_headteacher: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const people = Array.from({ length: PER_COHORT }, () => staff[(next++ * 7 + p) % staff.length] as (typeof staff)[number]);
      const status = (i: number) => (year === 2026 ? 'active' : i % 10 === 0 ? 'withdrawn' : 'completed');
      await db
        .insertInto('enrolments')
        .values(
          people.map((person, i) => ({
            id: newId(),
            organisation_id: organisationId,
            application_id: null,
            cohort_id: cohortId,
            programme_id: programmeId,
            person_id: person.id,
            status: status(i),
            return_cohort_id: null,
            status_reason: status(i) === 'withdrawn' ? 'Workload' : null,
            completed_at: status(i) === 'completed' ? `${year + 1}-07-15T12:00:00.000Z` : null,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      await db
        .insertInto('applications')
        .values(
          people.map((person, i) => ({
            id: newId(),
            organisation_id: organisationId,
            cohort_id: cohortId,
            person_id: person.id,
            school_id: person.school_id,
            status: i % 4 === 3 ? 'declined' : 'accepted',
            live_slot: null,
            current_role: 'Teacher',
            experience: '',
            motivation: '',
            declarations: '[]',
            coach_person_id: null,
            coach_name: null,
            coach_email: null,
            project_idea: null,
            eligible: 1,
            eligibility_notes: '[]',
            recommendation_id: null,
            decision_reason: null,
            submitted_at: at,
            decided_at: at,
            waitlisted_at: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      for (let s = 0; s < 10; s++) {
        const sessionId = newId();
        const startsAt = new Date(Date.UTC(year, 9 + s, 10, 9)).toISOString();
        await db
          .insertInto('sessions_events')
          .values({
            id: sessionId,
            organisation_id: organisationId,
            cohort_id: cohortId,
            kind: 'session',
            title: `Session ${s + 1}`,
            description: '',
            skill_ids: '[]',
            starts_at: startsAt,
            ends_at: startsAt,
            mode: 'in_person',
            venue: 'Trust centre',
            online_url: null,
            capacity: null,
            status: 'scheduled',
            cancel_reason: null,
            cancelled_at: null,
            sequence: 0,
            check_in_secret: 'x',
            created_by: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
        if (startsAt < at)
          await db
            .insertInto('session_attendance')
            .values(
              [...new Set(people.map((person) => person.id))].map((personId, i) => ({
                session_id: sessionId,
                person_id: personId,
                status: i % 9 === 0 ? 'absent' : 'present',
                reason: null,
                method: 'register',
                marked_by: null,
                marked_at: startsAt,
              })),
            )
            .execute();
      }
    }
  }
}

/** Equality information for about six in seven staff, and a career aspiration with barriers for one in five. */
async function seedEquality(db: Db, organisationId: string) {
  const staff = await db.selectFrom('people').select('id').where('organisation_id', '=', organisationId).where('status', '=', 'active').orderBy('id').execute();
  const pick = (list: string[], i: number, step: number) => list[(i * step) % list.length] ?? null;
  const rows = staff
    .map((p, i) => ({
      person_id: p.id,
      organisation_id: organisationId,
      sex: pick(['female', 'female', 'male', 'female', 'prefer_not', 'male', 'female'], i, 3),
      ethnicity: pick(
        [
          'white_british',
          'white_british',
          'white_other',
          'asian_pakistani',
          'white_british',
          'black_african',
          'asian_indian',
          'mixed_white_asian',
          'white_british',
          'other_arab',
          'prefer_not',
        ],
        i,
        5,
      ),
      disability: pick(['no', 'no', 'yes', 'no', 'prefer_not', 'no'], i, 2),
      age_band: pick(['30_to_39', '40_to_49', '25_to_29', '50_to_59', 'under_25', '60_and_over'], i, 4),
      working_pattern: pick(['full_time', 'part_time', 'full_time', 'prefer_not'], i, 3),
      updated_at: at,
    }))
    .filter((_, i) => i % 7 !== 6);
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('equality_answers')
      .values(rows.slice(i, i + 500))
      .execute();
  await installStarterRoles(db, organisationId, at);
  const role = await db.selectFrom('careers_roles').select('id').where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
  const barriers = ['workload', 'confidence', 'caring', 'opportunity', 'part_time', 'role_model'];
  const aspirations = staff
    .filter((_, i) => i % 5 === 0)
    .map((p, i) => ({
      person_id: p.id,
      organisation_id: organisationId,
      role_id: role.id,
      timeframe: '1_to_3',
      barriers: JSON.stringify(barriers.filter((_, b) => (i + b) % 3 === 0)),
      support: '',
      sharing: 'only_me' as const,
      updated_at: at,
    }));
  for (let i = 0; i < aspirations.length; i += 500)
    await db
      .insertInto('careers_aspirations')
      .values(aspirations.slice(i, i + 500))
      .execute();
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: Math.round(pick(0.5) * 10) / 10, p95: Math.round(pick(0.95) * 10) / 10 };
}

const database = await createBenchDatabase(process.env.DATABASE_URL);
try {
  const summary = await generate(database.db, database.engine);
  await seedCohorts(database.db, summary.organisationId);
  await seedEquality(database.db, summary.organisationId);
  const origin = 'https://127.0.0.1';
  const config = loadConfig({
    NODE_ENV: 'production',
    BASE_URL: origin,
    LOG_LEVEL: 'silent',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    WORKER: 'off',
    SIGNING_KEYS_SECRET: BENCH_SIGNING_KEYS_SECRET,
  });
  const app = createApp({ db: database.db, config, mailer: memoryMailer(), logger: silentLogger });
  const signIn = await app.request(`${origin}/sign-in`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }).toString(),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .find((c) => c.startsWith('waymark_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed with ${signIn.status}`);
  // The largest school, for the headteacher's view.
  const school = await database.db
    .selectFrom('people')
    .select((eb) => ['school_id', eb.fn.countAll<number>().as('n')])
    .where('organisation_id', '=', summary.organisationId)
    .where('school_id', 'is not', null)
    .groupBy('school_id')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const cohort = await database.db.selectFrom('cohorts').select('id').where('name', '=', '2026 cohort').executeTakeFirstOrThrow();
  const targets = [
    ['health', '/health'],
    ['home (work queue)', '/'],
    ['reports page', '/reports'],
    ['reports page, one year', '/reports?year=2025'],
    ['pipeline CSV', '/reports/pipeline-by-school/export.csv'],
    ['cohorts CSV', '/reports/cohorts/export.csv'],
    ['attendance CSV', '/reports/attendance/export.csv'],
    ['school programmes', `/schools/${school.school_id}/programmes`],
    ['cohort progress CSV', `/reports/cohorts/${cohort.id}/progress/export.csv`],
    ['diversity page', '/reports/diversity'],
    ['diversity page, one school', `/reports/diversity?school=${school.school_id}`],
    ['diversity CSV (ethnicity)', '/reports/diversity/ethnicity/export.csv'],
    ['barriers page', '/reports/barriers'],
    ['barriers CSV', '/reports/barriers/export.csv'],
    ['skill profiles', '/reports/skills'],
    ['pipeline flow CSV', '/reports/pipeline-flow/export.csv'],
    ['attendance page', '/reports/attendance'],
    ['mentoring and projects page', '/reports/mentoring'],
    ['360 feedback page', '/reports/feedback'],
    ['progression page', '/reports/progression'],
  ] as const;
  console.log(`${database.engine}: ${summary.activePeople} active staff, 9 cohorts of ${PER_COHORT}, ${ROUNDS} requests each`);
  for (const [name, path] of targets) {
    const first = await app.request(`${origin}${path}`, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`${name} answered ${first.status}`);
    await first.text();
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      await (await app.request(`${origin}${path}`, { headers: { cookie } })).text();
      samples.push(performance.now() - started);
    }
    const { median, p95 } = stats(samples);
    console.log(`${name.padEnd(26)} median ${String(median).padStart(7)} ms   p95 ${String(p95).padStart(7)} ms`);
  }
} finally {
  await database.destroy();
}
