import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { holdsWorkingInvitation, passwordIsSet } from '../auth';
import type { DirectoryQuery } from './staff.schemas';
import type { NewPerson, PersonUpdate } from './staff.tables';

/** Who the viewer may see in the directory: the whole organisation, some schools, and/or direct reports. */
export interface DirectoryScope {
  organisationId: string;
  wholeOrganisation: boolean;
  schoolIds: string[];
  lineManagerId: string | null;
}

/**
 * The people the viewer may list, filtered. Schools are joined only when the search looks in
 * school names, so the usual count reads the people index alone.
 */
function scopedPeople(db: Executor, scope: DirectoryScope, filters: DirectoryQuery) {
  let query = db.selectFrom('people').where('people.organisation_id', '=', scope.organisationId);
  if (!scope.wholeOrganisation) {
    query = query.where((eb) => {
      const ors = [];
      if (scope.schoolIds.length) ors.push(eb('people.school_id', 'in', scope.schoolIds));
      if (scope.lineManagerId) ors.push(eb('people.line_manager_id', '=', scope.lineManagerId));
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  }
  if (filters.q) {
    const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
    for (const word of words) {
      const like = `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      // ESCAPE spelled out: SQLite's LIKE has no escape character unless told (PostgreSQL's is the backslash).
      query = query.where((eb) =>
        eb.or([
          sql<boolean>`people.search_text LIKE ${like} ESCAPE '\\'`,
          eb.exists(
            eb
              .selectFrom('schools')
              .select('schools.id')
              .whereRef('schools.id', '=', 'people.school_id')
              .where(sql<boolean>`schools.name_normalised LIKE ${like} ESCAPE '\\'`),
          ),
        ]),
      );
    }
  }
  if (filters.school) query = query.where('people.school_id', '=', filters.school);
  if (filters.staffType) query = query.where('people.staff_type', '=', filters.staffType);
  if (filters.level) query = query.where('people.leadership_level', '=', filters.level);
  if (filters.status !== 'all') query = query.where('people.status', '=', filters.status);
  if (filters.role) {
    const role = filters.role;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('role_grants').select('role_grants.id').whereRef('role_grants.person_id', '=', 'people.id').where('role_grants.role', '=', role)),
    );
  }
  return query;
}

export async function searchDirectory(db: Executor, scope: DirectoryScope, filters: DirectoryQuery, pageSize: number) {
  const base = scopedPeople(db, scope, filters);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select([
      'people.id',
      'people.given_name',
      'people.family_name',
      'people.email',
      'people.job_title',
      'people.staff_type',
      'people.leadership_level',
      'people.status',
      'schools.name as school_name',
    ])
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .orderBy('people.id')
    .limit(pageSize)
    .offset((filters.page - 1) * pageSize)
    .execute();
  return { total: Number(total), rows };
}

export function findPerson(db: Executor, organisationId: string, id: string) {
  return db
    .selectFrom('people')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .leftJoin('people as manager', 'manager.id', 'people.line_manager_id')
    .selectAll('people')
    .select([
      'schools.name as school_name',
      'manager.given_name as manager_given_name',
      'manager.family_name as manager_family_name',
      'manager.email as manager_email',
      'manager.status as manager_status',
    ])
    .select((eb) => passwordIsSet(eb.ref('people.id')).as('has_password'))
    .where('people.organisation_id', '=', organisationId)
    .where('people.id', '=', id)
    .executeTakeFirst();
}

/**
 * What other features need of one person: names and email for messages and pages, status, and the
 * facts eligibility rules read. Scoped to an organisation when one is given.
 */
export function findPersonSummary(db: Executor, personId: string, organisationId?: string) {
  let query = db
    .selectFrom('people')
    .select([
      'id',
      'organisation_id',
      'school_id',
      'given_name',
      'family_name',
      'email',
      'job_title',
      'status',
      'staff_type',
      'leadership_level',
      'started_in_schools_on',
      'line_manager_id',
    ])
    .where('id', '=', personId);
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
  return query.executeTakeFirst();
}

/** Names of people of the organisation, by id, for pages that show who wrote or did something. */
export function listPeopleNames(db: Executor, organisationId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').select(['id', 'given_name', 'family_name']).where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
}

export function findPersonByEmail(db: Executor, emailNormalised: string) {
  return db
    .selectFrom('people')
    .select(['id', 'organisation_id', 'status', 'line_manager_id'])
    .where('email_normalised', '=', emailNormalised)
    .executeTakeFirst();
}

export function listReports(db: Executor, managerId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'job_title', 'status'])
    .where('line_manager_id', '=', managerId)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
}

export function listRoleGrants(db: Executor, personId: string) {
  return db
    .selectFrom('role_grants')
    .leftJoin('schools', 'schools.id', 'role_grants.school_id')
    .select(['role_grants.id', 'role_grants.role', 'role_grants.school_id', 'schools.name as school_name', 'role_grants.created_at'])
    .where('role_grants.person_id', '=', personId)
    .orderBy('role_grants.created_at')
    .execute();
}

export async function insertPerson(db: Executor, person: NewPerson) {
  await db.insertInto('people').values(person).execute();
}

export async function updatePersonRow(db: Executor, id: string, changes: PersonUpdate) {
  await db.updateTable('people').set(changes).where('id', '=', id).execute();
}

/** The chain of managers above a person, to refuse a line-management loop. */
export async function managerChain(db: Executor, personId: string, limit = 50): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = personId;
  while (current && chain.length < limit) {
    const row: { line_manager_id: string | null } | undefined = await db
      .selectFrom('people')
      .select('line_manager_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.line_manager_id ?? null;
    if (current) chain.push(current);
  }
  return chain;
}

/**
 * Active people in scope who can't sign in yet and hold no invitation that still works: the ones
 * an admin would want to invite after an import.
 */
export function findUninvited(db: Executor, scope: Omit<DirectoryScope, 'lineManagerId'>, now: string) {
  let query = db
    .selectFrom('people')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select(['people.id', 'people.given_name', 'people.family_name', 'people.email', 'schools.name as school_name'])
    .where('people.organisation_id', '=', scope.organisationId)
    .where('people.status', '=', 'active')
    .where((eb) => eb.not(passwordIsSet(eb.ref('people.id'))))
    .where((eb) => eb.not(holdsWorkingInvitation(eb.ref('people.id'), now)));
  if (!scope.wholeOrganisation) query = query.where('people.school_id', 'in', scope.schoolIds.length ? scope.schoolIds : ['']);
  return query.orderBy('people.family_name').orderBy('people.given_name').orderBy('people.id').execute();
}
