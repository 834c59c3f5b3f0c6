import type { Executor } from '../../platform/db/database';
import type { NewSchool, SchoolUpdate } from './organisations.tables';

export function listOrganisations(db: Executor) {
  return db.selectFrom('organisations').select(['id', 'name']).orderBy('name').limit(2).execute();
}

export function findOrganisation(db: Executor, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSchoolsOf(db: Executor, organisationId: string, onlyIds?: string[]) {
  let query = db
    .selectFrom('schools')
    .selectAll('schools')
    .select((eb) =>
      eb
        .selectFrom('people')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('people.school_id', '=', 'schools.id')
        .where('people.status', '=', 'active')
        .as('staff_count'),
    )
    .where('organisation_id', '=', organisationId)
    .orderBy('name');
  if (onlyIds) query = query.where('id', 'in', onlyIds.length ? onlyIds : ['']);
  return query.execute();
}

/** Just ids and names, for pickers and filters (no staff counts). */
export function listSchoolNames(db: Executor, organisationId: string) {
  return db.selectFrom('schools').select(['id', 'name', 'urn']).where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export function findSchool(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('schools').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertSchool(db: Executor, school: NewSchool) {
  await db.insertInto('schools').values(school).execute();
}

export async function updateSchool(db: Executor, id: string, changes: SchoolUpdate) {
  await db.updateTable('schools').set(changes).where('id', '=', id).execute();
}
