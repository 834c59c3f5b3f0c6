import type { Db } from '../../src/platform/db/database';
import { hashPassword, savePasswordHashes } from '../../src/features/auth';
import { buildSearchText, type LeadershipLevel, type Role, type StaffType } from '../../src/features/staff';
import { newId } from '../../src/platform/db/ids';
import type { TestClient } from './http';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
/** One argon2id hash shared by every test person, so factories stay fast. */
export function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;
const now = () => new Date('2026-11-01T09:00:00.000Z').toISOString();

export async function makeOrganisation(db: Db, name = `Trust ${next()}`): Promise<{ id: string; name: string }> {
  const id = newId();
  await db.insertInto('organisations').values({ id, name, created_at: now(), updated_at: now() }).execute();
  return { id, name };
}

export async function makeSchool(
  db: Db,
  organisationId: string,
  overrides: { name?: string; urn?: string | null } = {},
): Promise<{ id: string; name: string }> {
  const id = newId();
  const name = overrides.name ?? `School ${next()}`;
  await db
    .insertInto('schools')
    .values({
      id,
      organisation_id: organisationId,
      name,
      name_normalised: name.toLowerCase(),
      urn: overrides.urn ?? null,
      phase: 'secondary',
      local_authority: 'Leeds',
      address_line1: null,
      address_line2: null,
      town: null,
      postcode: null,
      status: 'open',
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id, name };
}

export interface PersonOptions {
  organisationId: string;
  schoolId?: string | null;
  givenName?: string;
  familyName?: string;
  email?: string;
  lineManagerId?: string | null;
  staffType?: StaffType;
  leadershipLevel?: LeadershipLevel;
  jobTitle?: string | null;
  misStaffId?: string | null;
  withPassword?: boolean;
  status?: 'active' | 'deactivated';
  roles?: { role: Role; schoolId?: string | null }[];
}

export interface TestPerson {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
}

export async function makePerson(db: Db, options: PersonOptions): Promise<TestPerson> {
  const id = newId();
  const suffix = next();
  const givenName = options.givenName ?? 'Sam';
  const familyName = options.familyName ?? `Taylor${suffix}`;
  const email = options.email ?? `person-${suffix}@example.org`;
  const columns = { given_name: givenName, family_name: familyName, email, job_title: options.jobTitle ?? 'Teacher of English' };
  await db
    .insertInto('people')
    .values({
      id,
      organisation_id: options.organisationId,
      school_id: options.schoolId ?? null,
      ...columns,
      email_normalised: email.toLowerCase(),
      search_text: buildSearchText(columns),
      staff_type: options.staffType ?? 'teaching',
      started_in_schools_on: '2019-09-01',
      leadership_level: options.leadershipLevel ?? 'none',
      line_manager_id: options.lineManagerId ?? null,
      trn: null,
      mis_staff_id: options.misStaffId ?? null,
      status: options.status ?? 'active',
      created_at: now(),
      updated_at: now(),
      deactivated_at: null,
    })
    .execute();
  if (options.withPassword !== false) await savePasswordHashes(db, { now: () => new Date(now()) }, [{ personId: id, hash: await testPasswordHash() }]);
  for (const grant of options.roles ?? []) {
    await db
      .insertInto('role_grants')
      .values({
        id: newId(),
        person_id: id,
        role: grant.role,
        school_id: grant.schoolId ?? null,
        scope_key: grant.schoolId ?? 'organisation',
        granted_by: null,
        created_at: now(),
      })
      .execute();
  }
  return { id, email, givenName, familyName };
}

/** Signs a client in with the test password; throws if that fails. */
export async function signIn(client: TestClient, email: string, password = TEST_PASSWORD): Promise<void> {
  const page = await client.post('/sign-in', { email, password });
  if (page.status !== 303) throw new Error(`sign-in as ${email} failed with ${page.status}`);
}

/**
 * A small organisation with every kind of viewer the authorisation matrix needs: two schools,
 * an organisation admin, a school admin of each school, a line manager and their report, a
 * member of staff, a programme lead (at school B), and an admin of a second organisation.
 */
export async function makeWorld(db: Db) {
  const organisation = await makeOrganisation(db, 'Northern Lights Trust');
  const schoolA = await makeSchool(db, organisation.id, { name: `Aspen Academy ${next()}` });
  const schoolB = await makeSchool(db, organisation.id, { name: `Birch Primary ${next()}` });
  const orgAdmin = await makePerson(db, { organisationId: organisation.id, givenName: 'Olu', roles: [{ role: 'org_admin' }] });
  const schoolAdminA = await makePerson(db, {
    organisationId: organisation.id,
    schoolId: schoolA.id,
    givenName: 'Asha',
    roles: [{ role: 'school_admin', schoolId: schoolA.id }],
  });
  const schoolAdminB = await makePerson(db, {
    organisationId: organisation.id,
    schoolId: schoolB.id,
    givenName: 'Ben',
    roles: [{ role: 'school_admin', schoolId: schoolB.id }],
  });
  const lineManager = await makePerson(db, { organisationId: organisation.id, schoolId: schoolA.id, givenName: 'Lena', leadershipLevel: 'middle' });
  const report = await makePerson(db, { organisationId: organisation.id, schoolId: schoolA.id, givenName: 'Ravi', lineManagerId: lineManager.id });
  const staff = await makePerson(db, { organisationId: organisation.id, schoolId: schoolA.id, givenName: 'Sian' });
  const programmeLead = await makePerson(db, {
    organisationId: organisation.id,
    schoolId: schoolB.id,
    givenName: 'Priya',
    jobTitle: 'Director of leadership development',
    roles: [{ role: 'programme_lead' }],
  });
  const otherOrganisation = await makeOrganisation(db, 'Southern Cross Trust');
  const otherSchool = await makeSchool(db, otherOrganisation.id);
  const otherAdmin = await makePerson(db, { organisationId: otherOrganisation.id, schoolId: otherSchool.id, givenName: 'Zed', roles: [{ role: 'org_admin' }] });
  return {
    organisation,
    schoolA,
    schoolB,
    orgAdmin,
    schoolAdminA,
    schoolAdminB,
    lineManager,
    report,
    staff,
    programmeLead,
    otherOrganisation,
    otherSchool,
    otherAdmin,
  };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;
