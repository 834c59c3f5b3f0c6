// Benchmark data generator: one trust of 50 schools and 5,000 staff, with line managers forming a
// tree in each school, and a few role grants. Inserts with batched multi-row INSERTs into a fresh,
// migrated database: a SQLite file in a temporary folder, or a throwaway PostgreSQL database created
// from a postgres:// admin URL (and dropped afterwards).
//
//   node bin/run-ts.js bench/generate.ts                 # SQLite in a temp folder, removed afterwards
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/generate.ts
//   node bin/run-ts.js bench/generate.ts --keep          # keep the database and print where it is
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Insertable } from 'kysely';
import pg from 'pg';
import type { Database, Db } from '../src/platform/db/database';
import { hashPassword, savePasswordHashes } from '../src/features/auth';
import type { SchoolPhase } from '../src/features/organisations';
import { buildSearchText, type LeadershipLevel, type Role, type StaffType } from '../src/features/staff';
import { connectDatabase, engineOf, type Engine } from '../src/platform/db/connect';
import { newId } from '../src/platform/db/ids';
import { migrateToLatest } from '../src/platform/db/migrate';
import { features } from '../src/features';
import { FAMILY_NAMES, GIVEN_NAMES, PLACES, SECONDARY_SUBJECTS, TOWNS } from './names';
import { item } from '../test/support/present';

/** The organisation admin the benchmark signs in as. */
export const BENCH_ADMIN = { email: 'helen.okafor@northgate-trust.example.org', password: 'waymark-bench-password-2026' } as const;

/** A fragment of many common family names (Wilson, Johnson, Robinson, Thompson…), for `GET /staff?q=`. */
export const COMMON_SURNAME_FRAGMENT = 'son';

/** Largest number of bound parameters in one statement: SQLite (since 3.32) and PostgreSQL (wire protocol). */
export const MAX_PARAMETERS: Record<Engine, number> = { sqlite: 32_766, postgres: 65_535 };

// ---------------------------------------------------------------------------------------------
// Databases

export interface BenchDatabase {
  db: Db;
  engine: Engine;
  /** What the app connects with: a SQLite file path or a postgres:// URL of the throwaway database. */
  url: string;
  /** Closes this handle and removes the database (the temp folder, or DROP DATABASE). */
  destroy(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * A fresh, migrated database. Without a postgres:// URL: a SQLite file in a new temp folder.
 * With one: a new database `waymark_bench_<random>` on that server (the URL's database is used only
 * to connect and issue CREATE/DROP DATABASE). Only loopback PostgreSQL servers are accepted unless
 * BENCH_ALLOW_REMOTE_DATABASE=1, so a stray DATABASE_URL can't aim the benchmark at a real server.
 */
export async function createBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (!databaseUrl || engineOf(databaseUrl) === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-'));
    const url = join(dir, 'bench.sqlite');
    const db = connectDatabase<Database>(url);
    await migrateToLatest(db, features.migrations);
    let destroyed = false;
    return {
      db,
      engine: 'sqlite',
      url,
      async destroy() {
        if (destroyed) return;
        destroyed = true;
        await db.destroy().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = new URL(databaseUrl);
  if (!LOOPBACK.has(admin.hostname) && process.env.BENCH_ALLOW_REMOTE_DATABASE !== '1') {
    throw new Error(`Refusing to create a benchmark database on ${admin.hostname}: only loopback servers (set BENCH_ALLOW_REMOTE_DATABASE=1 to override).`);
  }
  const name = `waymark_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(databaseUrl, `CREATE DATABASE ${name}`);
  const target = new URL(databaseUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  let destroyed = false;
  const drop = async () => {
    if (destroyed) return;
    destroyed = true;
    await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    const db = connectDatabase<Database>(url, { poolSize: 4 });
    await migrateToLatest(db, features.migrations);
    return {
      db,
      engine: 'postgres',
      url,
      async destroy() {
        await db.destroy().catch(() => undefined);
        await drop();
      },
    };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (so every run generates the same trust)

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Random {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return item(items, Math.floor(this.next() * items.length), 'a random pick');
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Picks with weights (same length as items). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((s, w) => s + w, 0);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= item(weights, i, 'a weight for each item');
      if (r < 0) return item(items, i);
    }
    return item(items, -1, 'the last weighted item');
  }
}

// ---------------------------------------------------------------------------------------------
// The trust

interface GenSchool {
  id: string;
  name: string;
  urn: string;
  phase: SchoolPhase;
  town: string;
  postcode: string;
  domain: string;
  size: number;
}

interface GenPerson {
  id: string;
  schoolId: string | null;
  given: string;
  family: string;
  email: string;
  title: string;
  type: StaffType;
  level: LeadershipLevel;
  managerId: string | null;
  /** 0 for the CEO; managers always have a smaller depth than the people they manage. */
  depth: number;
  started: string;
  deactivated: boolean;
  knownPassword?: boolean;
}

interface GenGrant {
  personId: string;
  role: Role;
  schoolId: string | null;
}

export interface GenerateOptions {
  schools?: number;
  staff?: number;
  seed?: number;
  organisationName?: string;
}

export interface GenerateSummary {
  engine: Engine;
  organisationId: string;
  schools: number;
  people: number;
  activePeople: number;
  centralStaff: number;
  roleGrants: Record<Role, number>;
  /** Most levels of line management in one chain (CEO = 1). */
  deepestChain: number;
  admin: { email: string; password: string };
  insertStatements: number;
  largestStatementParameters: number;
  milliseconds: number;
}

const familyWeights = FAMILY_NAMES.map((_, i) => 1 / (i + 8));

/** Sizes that add up to `total`: secondaries and all-through schools several times a primary. */
function schoolSizes(phases: SchoolPhase[], total: number, random: Random): number[] {
  const weightOf: Partial<Record<SchoolPhase, number>> = { primary: 1, secondary: 3.2, 'all-through': 4, special: 1.3, 'alternative-provision': 0.6 };
  const weights = phases.map((p) => (weightOf[p] ?? 1) * (0.85 + random.float() * 0.3));
  const sum = weights.reduce((s, w) => s + w, 0);
  // At least 20 staff a school, or an equal share when there are too few staff for that (a small
  // trust: one school of 15 would otherwise never shrink to its total and this loop never end).
  if (total < phases.length) throw new Error(`${total} school staff cannot fill ${phases.length} schools: ask for more staff or fewer schools`);
  const smallest = Math.max(1, Math.min(20, Math.floor(total / phases.length)));
  const sizes = weights.map((w) => Math.max(smallest, Math.floor((w / sum) * total)));
  let diff = total - sizes.reduce((s, n) => s + n, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % sizes.length) {
    const step = diff > 0 ? 1 : -1;
    const size = item(sizes, i, 'a school size');
    if (step < 0 && size <= smallest) continue;
    sizes[i] = size + step;
    diff -= step;
  }
  return sizes;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Builds every person and grant in memory (no database access). */
function buildTrust(options: Required<GenerateOptions>) {
  const random = new Random(options.seed);
  const usedEmails = new Set<string>();
  const people: GenPerson[] = [];
  const grants: GenGrant[] = [];

  const email = (given: string, family: string, domain: string) => {
    const base = `${slug(given)}.${slug(family).replace(/-/g, '')}`;
    let candidate = `${base}@${domain}`;
    for (let n = 2; usedEmails.has(candidate); n++) candidate = `${base}${n}@${domain}`;
    usedEmails.add(candidate);
    return candidate;
  };
  const started = (yearsMin: number, yearsMax: number) => {
    const year = 2026 - random.int(yearsMin, yearsMax);
    return random.chance(0.7) ? `${year}-09-01` : `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  };
  const add = (
    p: Omit<GenPerson, 'id' | 'email' | 'given' | 'family' | 'deactivated'> & { given?: string; family?: string; domain: string; deactivated?: boolean },
  ): GenPerson => {
    const given = p.given ?? random.pick(GIVEN_NAMES);
    const family = p.family ?? random.weighted(FAMILY_NAMES, familyWeights);
    const person: GenPerson = { ...p, id: newId(), given, family, email: email(given, family, p.domain), deactivated: p.deactivated ?? false };
    people.push(person);
    return person;
  };

  // Central team.
  const trustDomain = 'northgate-trust.example.org';
  const central = (title: string, type: StaffType, level: LeadershipLevel, manager: GenPerson | null, extra: Partial<GenPerson> = {}) =>
    add({
      schoolId: null,
      title,
      type,
      level,
      managerId: manager?.id ?? null,
      depth: manager ? manager.depth + 1 : 0,
      started: started(8, 30),
      domain: trustDomain,
      ...extra,
    });
  const ceo = central('Chief Executive Officer', 'teaching', 'executive', null, { given: 'Helen', family: 'Okafor', knownPassword: true });
  const deputyCeo = central('Deputy Chief Executive', 'teaching', 'executive', ceo);
  const coo = central('Chief Operating Officer', 'associate', 'executive', ceo);
  const cfo = central('Chief Financial Officer', 'associate', 'executive', coo);
  const education = central('Director of Education', 'teaching', 'executive', deputyCeo);
  const people_ = central('Director of People', 'associate', 'senior', coo);
  const send = central('Director of SEND and Inclusion', 'teaching', 'executive', education);
  const regional = Array.from({ length: 5 }, (_, i) => central(`Regional Director (Area ${i + 1})`, 'teaching', 'executive', education));
  const centralStaff: [string, StaffType, LeadershipLevel, GenPerson][] = [
    ['HR Business Partner', 'associate', 'none', people_],
    ['HR Adviser', 'associate', 'none', people_],
    ['HR Adviser', 'associate', 'none', people_],
    ['Recruitment Officer', 'associate', 'none', people_],
    ['Finance Manager', 'associate', 'middle', cfo],
    ['Finance Officer', 'associate', 'none', cfo],
    ['Finance Officer', 'associate', 'none', cfo],
    ['Head of IT', 'associate', 'middle', coo],
    ['IT Engineer', 'associate', 'none', coo],
    ['Data Manager', 'associate', 'none', coo],
    ['Estates Manager', 'associate', 'middle', coo],
    ['Governance Professional', 'associate', 'none', ceo],
    ['Trust Lead for English', 'teaching', 'senior', education],
    ['Trust Lead for Mathematics', 'teaching', 'senior', education],
    ['Trust Lead for Science', 'teaching', 'senior', education],
    ['Trust Lead for Early Years', 'teaching', 'senior', education],
    ['SEND Adviser', 'teaching', 'middle', send],
    ['Educational Psychologist', 'associate', 'none', send],
  ];
  for (const [title, type, level, manager] of centralStaff) central(title, type, level, manager);
  grants.push(
    { personId: ceo.id, role: 'org_admin', schoolId: null },
    { personId: coo.id, role: 'org_admin', schoolId: null },
    { personId: people_.id, role: 'org_admin', schoolId: null },
  );
  grants.push({ personId: education.id, role: 'programme_lead', schoolId: null });
  const centralCount = people.length;

  // Schools: 72% primary, then secondaries, special, all-through and alternative provision.
  const phases: SchoolPhase[] = Array.from({ length: options.schools }, (_, i) => {
    const r = i / options.schools;
    if (r < 0.72) return 'primary';
    if (r < 0.92) return 'secondary';
    if (r < 0.96) return 'special';
    if (r < 0.98) return 'all-through';
    return 'alternative-provision';
  });
  const sizes = schoolSizes(phases, options.staff - centralCount, random);
  const schools: GenSchool[] = [];
  const usedNames = new Set<string>();
  for (const [i, phase] of phases.entries()) {
    const suffix =
      {
        primary: 'Primary School',
        secondary: 'Academy',
        special: 'Special School',
        'all-through': 'All-Through School',
        'alternative-provision': 'Learning Centre',
      }[phase as string] ?? 'School';
    const place = PLACES[i % PLACES.length];
    let name = `${place} ${suffix}`;
    for (let n = 2; usedNames.has(name); n++) name = `${place} ${suffix} ${n}`;
    usedNames.add(name);
    const town = random.pick(TOWNS);
    schools.push({
      id: newId(),
      name,
      urn: String(100_000 + i * 1_931 + random.int(0, 999)),
      phase,
      town,
      postcode: `${town.slice(0, 2).toUpperCase()}${random.int(1, 28)} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`,
      domain: `${slug(name)}.example.org`,
      size: item(sizes, i, 'the school’s size'),
    });
  }

  for (const [i, school] of schools.entries()) {
    const start = people.length;
    const staff = (title: string, type: StaffType, level: LeadershipLevel, manager: GenPerson, years: [number, number], deactivated = false) =>
      add({
        schoolId: school.id,
        title,
        type,
        level,
        managerId: manager.id,
        depth: manager.depth + 1,
        started: started(...years),
        domain: school.domain,
        deactivated,
      });

    const secondaryLike = school.phase === 'secondary' || school.phase === 'all-through';
    const head = staff('Headteacher', 'teaching', 'headteacher', item(regional, i % regional.length, 'a regional leader'), [12, 30]);
    const seniors: GenPerson[] = [];
    const teachingSeniors: GenPerson[] = [];
    const senior = (title: string, type: StaffType) => {
      const p = staff(title, type, 'senior', head, [8, 25]);
      seniors.push(p);
      if (type === 'teaching') teachingSeniors.push(p);
      return p;
    };
    senior('Deputy Headteacher', 'teaching');
    if (secondaryLike) {
      senior('Deputy Headteacher', 'teaching');
      for (const area of ['Teaching and Learning', 'Behaviour and Attendance', 'Curriculum', 'Personal Development'])
        senior(`Assistant Headteacher (${area})`, 'teaching');
    } else if (school.size >= 55) {
      senior('Assistant Headteacher (Inclusion)', 'teaching');
    }
    const businessManager = senior('School Business Manager', 'associate');

    const middle = (title: string, type: StaffType, manager: GenPerson) => staff(title, type, 'middle', manager, [4, 20]);
    const rr = (n: number) => item(teachingSeniors, n % teachingSeniors.length, 'a teaching senior leader');
    const senco = middle('SENCo', 'teaching', rr(1));
    const office = middle('Office Manager', 'associate', businessManager);
    // Leaves: [title, type, manager, weight, level?]
    const leaves: [string, StaffType, GenPerson, number, LeadershipLevel?][] = [];
    if (secondaryLike) {
      const subjectWeight = (s: string) => (['English', 'Mathematics', 'Science'].includes(s) ? 3 : 1);
      for (const [n, subject] of SECONDARY_SUBJECTS.entries()) {
        const hod = middle(`Head of ${subject === 'Modern Foreign Languages' ? 'Languages' : subject}`, 'teaching', rr(n));
        const w = subjectWeight(subject);
        leaves.push(
          [`Teacher of ${subject}`, 'teaching', hod, 4 * w],
          [`Early Career Teacher, ${subject}`, 'teaching', hod, 0.6 * w],
          [`Second in ${subject}`, 'teaching', hod, 0.35 * w, 'middle'],
        );
        if (subject === 'Science') leaves.push(['Science Technician', 'associate', hod, 1.2]);
      }
      const years = school.phase === 'all-through' ? [7, 8, 9, 10, 11, 12] : [7, 8, 9, 10, 11];
      const heads = years.map((y, n) => middle(`Head of Year ${y}`, 'teaching', rr(n)));
      if (school.phase === 'all-through') {
        const primaryLead = middle('Head of Primary Phase', 'teaching', rr(0));
        leaves.push(['Class Teacher', 'teaching', primaryLead, 6], ['Early Years Practitioner', 'associate', primaryLead, 2]);
      }
      leaves.push(
        ['Teaching Assistant', 'associate', senco, 5],
        ['Learning Support Assistant', 'associate', senco, 3],
        ['Cover Supervisor', 'associate', item(seniors, 0), 1.2],
        ['Pastoral Manager', 'associate', item(heads, 0), 0.6],
        ['Pastoral Manager', 'associate', item(heads, -1), 0.6],
        ['Exams Officer', 'associate', office, 0.4],
        ['Receptionist', 'associate', office, 0.6],
        ['Administrator', 'associate', office, 1.2],
        ['Attendance Officer', 'associate', office, 0.4],
        ['Finance Officer', 'associate', businessManager, 0.4],
        ['Site Manager', 'associate', businessManager, 0.3],
        ['Caretaker', 'associate', businessManager, 0.6],
        ['IT Technician', 'associate', businessManager, 0.5],
        ['Librarian', 'associate', seniors[1] ?? item(seniors, 0), 0.3],
      );
    } else {
      const eyfs = middle('Early Years Lead', 'teaching', rr(0));
      const ks1 = middle('Key Stage 1 Lead', 'teaching', rr(0));
      const ks2 = middle('Key Stage 2 Lead', 'teaching', rr(1));
      const maths = middle('Mathematics Lead', 'teaching', rr(1));
      const special = school.phase === 'special' || school.phase === 'alternative-provision';
      leaves.push(
        ['Nursery Teacher', 'teaching', eyfs, 0.8],
        ['Reception Teacher', 'teaching', eyfs, 1.2],
        ['Year 1 Teacher', 'teaching', ks1, 1.2],
        ['Year 2 Teacher', 'teaching', ks1, 1.2],
        ...[3, 4, 5, 6].map((y): [string, StaffType, GenPerson, number] => [`Year ${y} Teacher`, 'teaching', ks2, 1.2]),
        ['Year 6 Teacher and Maths Lead', 'teaching', maths, 0.2, 'middle'],
        ['Early Career Teacher', 'teaching', ks2, 0.8],
        ['Class Teacher', 'teaching', special ? senco : ks2, special ? 4 : 1],
        ['Teaching Assistant', 'associate', senco, special ? 8 : 5],
        ['Higher Level Teaching Assistant', 'associate', senco, 1.2],
        ['Early Years Practitioner', 'associate', eyfs, 1.2],
        ['Learning Mentor', 'associate', senco, 0.5],
        ['Family Support Worker', 'associate', head, 0.3],
        ['Administrator', 'associate', office, 0.8],
        ['Receptionist', 'associate', office, 0.4],
        ['Caretaker', 'associate', businessManager, 0.5],
        ['Midday Supervisor', 'associate', businessManager, 1.2],
        ['Cook', 'associate', businessManager, 0.4],
      );
    }
    const remaining = school.size - (people.length - start);
    const weights = leaves.map((l) => l[3]);
    for (let n = 0; n < remaining; n++) {
      const [title, type, manager, , level] = random.weighted(leaves, weights);
      staff(title, type, level ?? 'none', manager, type === 'teaching' ? [0, 25] : [0, 20], random.chance(0.02));
    }

    grants.push({ personId: head.id, role: 'school_admin', schoolId: school.id });
    if (i % 4 === 0) grants.push({ personId: businessManager.id, role: 'school_admin', schoolId: school.id });
    if (i % 5 === 0) grants.push({ personId: item(seniors, 0).id, role: 'programme_lead', schoolId: null });
  }

  return { organisationName: options.organisationName, schools, people, grants, centralCount };
}

// ---------------------------------------------------------------------------------------------
// Inserting

/** Inserts rows with as few multi-row INSERTs as the engine's bound-parameter limit allows. */
async function insertBatched<T extends keyof Database & string>(
  db: Db,
  engine: Engine,
  table: T,
  rows: Insertable<Database[T]>[],
  stats: { statements: number; largest: number },
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  // Leave a little headroom under the hard limit.
  const perStatement = Math.max(1, Math.floor((MAX_PARAMETERS[engine] - 16) / columns));
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: Kysely can't relate a generic table to its row type
      .values(batch as any)
      .execute();
    stats.statements++;
    stats.largest = Math.max(stats.largest, batch.length * columns);
  }
}

/**
 * Generates the trust into an empty, migrated database. Deterministic for a seed (ids and the
 * known admin's password hash aside).
 */
export async function generate(db: Db, engine: Engine, options: GenerateOptions = {}): Promise<GenerateSummary> {
  const started = performance.now();
  const opts: Required<GenerateOptions> = {
    schools: options.schools ?? 50,
    staff: options.staff ?? 5_000,
    seed: options.seed ?? 20_261_124,
    organisationName: options.organisationName ?? 'Northgate Learning Trust',
  };
  const trust = buildTrust(opts);
  const [adminHash, otherHash] = await Promise.all([hashPassword(BENCH_ADMIN.password), hashPassword(randomBytes(24).toString('base64url'))]);
  const now = new Date().toISOString();
  const organisationId = newId();
  const stats = { statements: 0, largest: 0 };

  const people = [...trust.people].sort((a, b) => a.depth - b.depth); // managers before their reports
  const ceoId = item(people, 0).id;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('organisations').values({ id: organisationId, name: trust.organisationName, created_at: now, updated_at: now }).execute();
    stats.statements++;
    await insertBatched(
      trx,
      engine,
      'schools',
      trust.schools.map((s, i) => ({
        id: s.id,
        organisation_id: organisationId,
        name: s.name,
        name_normalised: s.name.toLowerCase(),
        urn: s.urn,
        phase: s.phase,
        local_authority: s.town,
        address_line1: `${1 + ((i * 37) % 180)} ${['School Lane', 'Church Road', 'Park Avenue', 'Mill Street', 'Green Lane'][i % 5]}`,
        address_line2: null,
        town: s.town,
        postcode: s.postcode,
        status: 'open' as const,
        created_at: now,
        updated_at: now,
      })),
      stats,
    );
    let teacherNumber = 0;
    await insertBatched(
      trx,
      engine,
      'people',
      people.map((p, i) => {
        const columns = { given_name: p.given, family_name: p.family, email: p.email, job_title: p.title };
        return {
          id: p.id,
          organisation_id: organisationId,
          school_id: p.schoolId,
          ...columns,
          email_normalised: p.email.toLowerCase(),
          search_text: buildSearchText(columns),
          staff_type: p.type,
          started_in_schools_on: p.started,
          leadership_level: p.level,
          line_manager_id: p.managerId,
          trn: p.type === 'teaching' ? String(2_000_000 + ((++teacherNumber * 7_919) % 7_999_999)) : null,
          mis_staff_id: `NLT${String(i + 1).padStart(5, '0')}`,
          status: p.deactivated ? ('deactivated' as const) : ('active' as const),
          created_at: now,
          updated_at: now,
          deactivated_at: p.deactivated ? now : null,
        };
      }),
      stats,
    );
    // Most staff have set a password; a few were invited and haven't yet. Passwords are auth's to
    // save, in its own batches (not counted in `stats`).
    const passwords = people.flatMap((p, i) =>
      p.knownPassword ? [{ personId: p.id, hash: adminHash }] : i % 10 === 9 ? [] : [{ personId: p.id, hash: otherHash }],
    );
    await savePasswordHashes(trx, { now: () => new Date(now) }, passwords);
    await insertBatched(
      trx,
      engine,
      'role_grants',
      trust.grants.map((g) => ({
        id: newId(),
        person_id: g.personId,
        role: g.role,
        school_id: g.schoolId,
        scope_key: g.schoolId ?? 'organisation',
        granted_by: g.personId === ceoId ? null : ceoId,
        created_at: now,
      })),
      stats,
    );
  });
  // PostgreSQL's autovacuum would vacuum and analyse these freshly loaded tables within a minute or
  // so (its insert threshold); do it now so the measurements see the plans and visibility map of a
  // running server. SQLite is left as the app leaves it (the app never runs ANALYZE or PRAGMA optimize).
  if (engine === 'postgres') await sql`VACUUM ANALYZE`.execute(db);

  const roleGrants: Record<Role, number> = { org_admin: 0, school_admin: 0, programme_lead: 0, data_protection_officer: 0 };
  for (const g of trust.grants) roleGrants[g.role]++;
  return {
    engine,
    organisationId,
    schools: trust.schools.length,
    people: people.length,
    activePeople: people.filter((p) => !p.deactivated).length,
    centralStaff: trust.centralCount,
    roleGrants,
    deepestChain: Math.max(...people.map((p) => p.depth)) + 1,
    admin: { ...BENCH_ADMIN },
    insertStatements: stats.statements,
    largestStatementParameters: stats.largest,
    milliseconds: Math.round(performance.now() - started),
  };
}

// ---------------------------------------------------------------------------------------------
// Standalone: node bin/run-ts.js bench/generate.ts [--keep]

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const keep = process.argv.includes('--keep');
  const database = await createBenchDatabase(process.env.DATABASE_URL);
  try {
    const summary = await generate(database.db, database.engine);
    console.log(JSON.stringify({ ...summary, database: database.engine === 'sqlite' ? database.url : database.url.replace(/\/\/[^@]*@/, '//…@') }, null, 2));
  } finally {
    if (keep) {
      await database.db.destroy();
      console.log(`Kept ${database.url}. Remove it yourself when done.`);
    } else {
      await database.destroy();
    }
  }
}
