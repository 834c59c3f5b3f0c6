// Staff import benchmark: generates a realistic 10,000-row Arbor-style staff CSV in memory (20
// schools, line managers in the same file, managers often listed after their reports), then runs
// the import service end to end — upload, preview (with the page rendered), apply — against a
// fresh migrated database, three times:
//   1. the first import: everyone is added;
//   2. the same file again: nothing may change (checked);
//   3. the file with 1,000 rows changed (500 job titles, 500 emails matched by staff ID).
//
//   npx tsx bench/import.bench.ts                                                   # SQLite file in a temp folder
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/import.bench.ts   # throwaway PostgreSQL database
//
// Target: parse + plan + apply of 10,000 rows in under 3 seconds on either engine.
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import type { Db } from '../src/platform/db/database';
import { showStaffImport, uploadStaffFile, applyStaffImport, type ImportDeps } from '../src/features/staff-import/staff-import.service';
import { PreviewPage } from '../src/features/staff-import/views/preview';
import { buildSearchText } from '../src/features/staff';
import { systemClock } from '../src/platform/db/clock';
import { newId } from '../src/platform/db/ids';
import type { Viewer } from '../src/platform/http/env';
import { createBenchDatabase } from './generate';
import { FAMILY_NAMES, GIVEN_NAMES, PLACES, SECONDARY_SUBJECTS } from './names';
import { item } from '../test/support/present';

const ROWS = 10_000;
const SCHOOLS = 20;
const TARGET_MS = 3_000;

interface StaffRow {
  given: string;
  preferred: string;
  family: string;
  email: string;
  jobTitle: string;
  staffType: 'Teacher' | 'Support';
  startDate: string;
  staffId: string;
  trn: string;
  managerEmail: string;
  school: string;
  leadership: string;
}

/** Deterministic pseudo-random numbers, so every run imports the same file. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function generateStaff(schools: { name: string; urn: string }[]): StaffRow[] {
  const next = random(2026);
  const pick = <T>(items: readonly T[]) => item(items, Math.floor(next() * items.length), 'a random pick');
  const rows: StaffRow[] = [];
  const perSchool = ROWS / schools.length;
  schools.forEach((school, s) => {
    const domain = `${school.name.toLowerCase().replace(/[^a-z]+/g, '')}.sch.uk`;
    const local: StaffRow[] = [];
    for (let i = 0; i < perSchool; i++) {
      const given = pick(GIVEN_NAMES);
      const family = pick(FAMILY_NAMES);
      // A head, 4 senior leaders under them, 20 middle leaders under those, everyone else under a middle leader.
      const level = i === 0 ? 'Headteacher' : i <= 4 ? 'Senior leader' : i <= 24 ? 'Middle leader' : '';
      const manager = i === 0 ? undefined : i <= 4 ? local[0] : i <= 24 ? local[1 + (i % 4)] : local[5 + (i % 20)];
      const teaching = i < 25 || next() < 0.55;
      const year = 1990 + Math.floor(next() * 35);
      const month = 1 + Math.floor(next() * 12);
      const day = 1 + Math.floor(next() * 28);
      local.push({
        given,
        preferred: next() < 0.08 ? pick(GIVEN_NAMES) : '',
        family,
        email: `${given}.${family}.${s}.${i}@${domain}`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
        jobTitle:
          i === 0
            ? 'Headteacher'
            : level
              ? `${level} – ${pick(SECONDARY_SUBJECTS)}`
              : teaching
                ? `Teacher of ${pick(SECONDARY_SUBJECTS)}`
                : pick(['Teaching Assistant', 'Office Manager', 'Site Supervisor', 'Learning Mentor', 'Cover Supervisor']),
        staffType: teaching ? 'Teacher' : 'Support',
        startDate: `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`,
        staffId: `S${String(s).padStart(2, '0')}${String(i).padStart(4, '0')}`,
        trn: teaching ? String(1_000_000 + s * 10_000 + i) : '',
        managerEmail: manager?.email ?? '',
        school: s % 2 === 0 ? school.name : school.urn,
        leadership: level,
      });
    }
    rows.push(...local);
  });
  // Shuffle, so reports often come before their managers (the second pass must link them).
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [rows[i], rows[j]] = [item(rows, j), item(rows, i)];
  }
  return rows;
}

function toCsv(rows: StaffRow[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header =
    'Legal First Name,Preferred First Name,Legal Last Name,Work Email Address,Job Title,Staff Type,Employment Start Date,Staff ID,Teacher Number,Line Manager Email,School,Leadership Level';
  const lines = rows.map((r) =>
    [r.given, r.preferred, r.family, r.email, r.jobTitle, r.staffType, r.startDate, r.staffId, r.trn, r.managerEmail, r.school, r.leadership]
      .map(quote)
      .join(','),
  );
  return `\uFEFF${header}\r\n${lines.join('\r\n')}\r\n`;
}

async function seedOrganisation(db: Db) {
  const now = new Date().toISOString();
  const organisationId = newId();
  await db.insertInto('organisations').values({ id: organisationId, name: 'Northgate Learning Trust', created_at: now, updated_at: now }).execute();
  const schools = Array.from({ length: SCHOOLS }, (_, i) => ({ id: newId(), name: `${PLACES[i]} Academy`, urn: String(140_000 + i) }));
  await db
    .insertInto('schools')
    .values(
      schools.map((s) => ({
        ...s,
        organisation_id: organisationId,
        name_normalised: s.name.toLowerCase(),
        phase: 'secondary' as const,
        local_authority: 'Leeds',
        address_line1: null,
        address_line2: null,
        town: null,
        postcode: null,
        status: 'open' as const,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const adminId = newId();
  const admin = { given_name: 'Helen', family_name: 'Okafor', email: 'helen.okafor@northgate-trust.example.org', job_title: 'Director of People' };
  await db
    .insertInto('people')
    .values({
      id: adminId,
      organisation_id: organisationId,
      school_id: null,
      ...admin,
      email_normalised: admin.email,
      search_text: buildSearchText(admin),
      staff_type: 'associate',
      started_in_schools_on: null,
      leadership_level: 'executive',
      line_manager_id: null,
      trn: null,
      mis_staff_id: null,
      status: 'active',
      created_at: now,
      updated_at: now,
      deactivated_at: null,
    })
    .execute();
  await db
    .insertInto('role_grants')
    .values({ id: newId(), person_id: adminId, role: 'org_admin', school_id: null, scope_key: 'organisation', granted_by: null, created_at: now })
    .execute();
  const viewer: Viewer = {
    id: adminId,
    sessionId: 'bench',
    organisationId,
    organisationName: 'Northgate Learning Trust',
    schoolId: null,
    givenName: 'Helen',
    familyName: 'Okafor',
    email: admin.email,
    roles: [{ role: 'org_admin', schoolId: null }],
    isLineManager: false,
  };
  return { viewer, schools };
}

async function time<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function peopleFingerprint(db: Db, organisationId: string) {
  const row = await db
    .selectFrom('people')
    .select((eb) => [
      eb.fn.countAll<number>().as('people'),
      eb.fn.max('updated_at').as('lastUpdated'),
      eb.fn.count<number>('line_manager_id').as('withManager'),
    ])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { people: Number(row.people), withManager: Number(row.withManager), lastUpdated: row.lastUpdated };
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-GB').padStart(6)} ms`;

async function runImport(deps: ImportDeps, viewer: Viewer, label: string, csv: string) {
  const bytes = new TextEncoder().encode(csv);
  const [upload, uploadMs] = await time(() => uploadStaffFile(deps, viewer, { fileName: `${label}.csv`, bytes, defaultSchoolId: null }));
  const [page, previewMs] = await time(() => showStaffImport(deps, viewer, upload.id));
  if (page.kind !== 'preview') throw new Error(`expected a preview, got ${page.kind}`);
  const [html, renderMs] = await time(() =>
    String(
      PreviewPage({
        importId: upload.id,
        fileName: page.staffImport.file_name,
        uploadedAt: page.staffImport.created_at,
        defaultSchoolName: null,
        mapping: page.mapping,
        plan: page.plan,
        rowCount: page.rowCount,
      }),
    ),
  );
  const [summary, applyMs] = await time(() => applyStaffImport(deps, viewer, upload.id, { requestId: null, ipAddress: null }));
  const total = uploadMs + previewMs + applyMs;
  console.log(`\n${label} (${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${page.rowCount.toLocaleString('en-GB')} rows)`);
  console.log(`  upload  (decode, parse, match columns, store)   ${ms(uploadMs)}`);
  console.log(
    `  preview (load staff, plan in memory)            ${ms(previewMs)}   ${page.plan.creates.length} to add, ${page.plan.updates.length} to update, ${page.plan.unchanged.length} unchanged, ${page.plan.rejected.length} rejected`,
  );
  console.log(`  render preview page (${(html.length / 1024).toFixed(0)} KB of HTML)             ${ms(renderMs)}`);
  console.log(
    `  apply   (re-plan and write in one transaction)  ${ms(applyMs)}   ${summary.created} added, ${summary.updated} updated, ${summary.unchanged} unchanged`,
  );
  console.log(`  total upload + preview + apply                  ${ms(total)}   ${total < TARGET_MS ? 'within' : 'OVER'} the ${TARGET_MS / 1000} s target`);
  return { summary, total };
}

const database = await createBenchDatabase(process.env.DATABASE_URL);
try {
  const { db, engine } = database;
  const deps: ImportDeps = { db, clock: systemClock, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', IMPORT_MAX_MB: '10' }) };
  const { viewer, schools } = await seedOrganisation(db);
  const [rows, generateMs] = await time(() => generateStaff(schools));
  console.log(
    `Staff import benchmark on ${engine}, Node ${process.versions.node}: ${ROWS.toLocaleString('en-GB')} staff in ${SCHOOLS} schools (generated in ${Math.round(generateMs)} ms)`,
  );

  const first = await runImport(deps, viewer, '1. first import', toCsv(rows));
  if (first.summary.created !== ROWS || first.summary.rejected !== 0)
    throw new Error(`first import: expected ${ROWS} added, got ${JSON.stringify(first.summary)}`);
  const afterFirst = await peopleFingerprint(db, viewer.organisationId);
  if (afterFirst.withManager !== ROWS - SCHOOLS) throw new Error(`expected ${ROWS - SCHOOLS} line managers linked, got ${afterFirst.withManager}`);

  const second = await runImport(deps, viewer, '2. same file again', toCsv(rows));
  const afterSecond = await peopleFingerprint(db, viewer.organisationId);
  if (second.summary.created + second.summary.updated !== 0 || JSON.stringify(afterSecond) !== JSON.stringify(afterFirst)) {
    throw new Error(`second import changed something: ${JSON.stringify({ summary: second.summary, afterFirst, afterSecond })}`);
  }
  console.log(`  checked: nothing changed (${afterSecond.people.toLocaleString('en-GB')} people, last updated ${afterSecond.lastUpdated})`);

  const changed = rows.map((r, i) =>
    i % 20 === 0 ? { ...r, jobTitle: `${r.jobTitle} (acting)` } : i % 20 === 10 ? { ...r, email: r.email.replace('@', '.new@') } : r,
  );
  const third = await runImport(deps, viewer, '3. 1,000 rows changed', toCsv(changed));
  if (third.summary.updated !== 1_000 || third.summary.created !== 0)
    throw new Error(`third import: expected 1,000 updated, got ${JSON.stringify(third.summary)}`);
} finally {
  await database.destroy();
}
