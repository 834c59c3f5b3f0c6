import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { chunks } from '../../platform/db/batches';
import { engineOfDb } from '../../platform/db/connect';
import { londonDate } from '../../platform/dates';
import { openFirstRoles, recordRoleChanges } from './staff.roles-held';
import type { Person } from './staff.tables';

// Bulk reads and writes of staff records, for the staff import: one query to read the whole
// organisation, and batched statements to write thousands of people in a second or two.

/** The columns of `people` an import writes (never status, password or roles). */
export type PersonColumns = Pick<
  Person,
  | 'title'
  | 'given_name'
  | 'family_name'
  | 'email'
  | 'email_normalised'
  | 'job_title'
  | 'staff_type'
  | 'started_in_schools_on'
  | 'leadership_level'
  | 'trn'
  | 'mis_staff_id'
  | 'school_id'
  | 'search_text'
>;

/** Someone already in the organisation, as an import needs them to match rows. */
export type ExistingPerson = Omit<PersonColumns, 'search_text'> & Pick<Person, 'id' | 'line_manager_id' | 'status'>;

// Rows per multi-row statement: 500 people x 21 columns = 10,500 parameters, well under SQLite's
// 32,766 and PostgreSQL's 65,535, and big enough that 10,000 people take 20 statements.
const PEOPLE_PER_STATEMENT = 500;
// PostgreSQL array inserts take 17 parameters whatever the size; batches only bound memory.
const PEOPLE_PER_ARRAY_INSERT = 5_000;
const EMAILS_PER_LOOKUP = 1_000;

/** The columns of a person that matching reads and `updatePeopleColumns` writes. */
const PERSON_COLUMNS = [
  'id',
  'school_id',
  'title',
  'given_name',
  'family_name',
  'email',
  'email_normalised',
  'job_title',
  'staff_type',
  'started_in_schools_on',
  'leadership_level',
  'line_manager_id',
  'trn',
  'mis_staff_id',
  'status',
] as const;

/** Everyone in the organisation (active or not), in one query, for matching in memory. */
export function listPeopleForMatching(db: Executor, organisationId: string): Promise<ExistingPerson[]> {
  return db.selectFrom('people').select(PERSON_COLUMNS).where('organisation_id', '=', organisationId).execute();
}

/** One person of the organisation with the columns `updatePeopleColumns` writes (for a change to a few of them). */
export function findPersonColumns(db: Executor, organisationId: string, personId: string): Promise<ExistingPerson | undefined> {
  return db.selectFrom('people').select(PERSON_COLUMNS).where('organisation_id', '=', organisationId).where('id', '=', personId).executeTakeFirst();
}

/** Which of these lower-cased emails belong to people of other organisations (emails are unique across Waymark). */
export async function findEmailsElsewhere(db: Executor, organisationId: string, emails: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunks(emails, EMAILS_PER_LOOKUP)) {
    const rows = await db
      .selectFrom('people')
      .select('email_normalised')
      .where('organisation_id', '<>', organisationId)
      .where('email_normalised', 'in', batch)
      .execute();
    for (const row of rows) found.add(row.email_normalised);
  }
  return found;
}

/**
 * Adds people, in the order given: a line manager who is also being added must come before (or in
 * the same statement as) the people they manage. SQLite gets multi-row INSERTs; PostgreSQL gets
 * one INSERT ... SELECT FROM unnest(arrays) per few thousand people, which measured a third faster
 * than multi-row VALUES there (17 parameters instead of 21 per person, far less to parse).
 */
export async function insertPeople(
  db: Executor,
  organisationId: string,
  people: { id: string; columns: PersonColumns; lineManagerId: string | null }[],
  now: string,
) {
  if (engineOfDb(db) === 'postgres') {
    for (const batch of chunks(people, PEOPLE_PER_ARRAY_INSERT)) {
      const column = (value: (person: (typeof batch)[number]) => string | null) => sql`${batch.map(value)}::text[]`;
      await sql`
        INSERT INTO people (id, organisation_id, school_id, title, given_name, family_name, email, email_normalised, job_title, staff_type,
          started_in_schools_on, leadership_level, line_manager_id, trn, mis_staff_id, search_text, status, created_at, updated_at, deactivated_at)
        SELECT v.id, ${organisationId}, v.school_id, v.title, v.given_name, v.family_name, v.email, v.email_normalised, v.job_title, v.staff_type,
          v.started_in_schools_on, v.leadership_level, v.line_manager_id, v.trn, v.mis_staff_id, v.search_text, 'active', ${now}, ${now}, NULL
        FROM unnest(${sql.join([
          column((p) => p.id),
          column((p) => p.columns.school_id),
          column((p) => p.columns.title),
          column((p) => p.columns.given_name),
          column((p) => p.columns.family_name),
          column((p) => p.columns.email),
          column((p) => p.columns.email_normalised),
          column((p) => p.columns.job_title),
          column((p) => p.columns.staff_type),
          column((p) => p.columns.started_in_schools_on),
          column((p) => p.columns.leadership_level),
          column((p) => p.lineManagerId),
          column((p) => p.columns.trn),
          column((p) => p.columns.mis_staff_id),
          column((p) => p.columns.search_text),
        ])}) AS v (id, school_id, title, given_name, family_name, email, email_normalised, job_title, staff_type,
          started_in_schools_on, leadership_level, line_manager_id, trn, mis_staff_id, search_text)`.execute(db);
    }
  } else {
    for (const batch of chunks(people, PEOPLE_PER_STATEMENT)) {
      await db
        .insertInto('people')
        .values(
          batch.map(({ id, columns, lineManagerId }) => ({
            id,
            organisation_id: organisationId,
            ...columns,
            line_manager_id: lineManagerId,
            status: 'active' as const,
            created_at: now,
            updated_at: now,
            deactivated_at: null,
          })),
        )
        .execute();
    }
  }
  // Each person's first role held, from today.
  await openFirstRoles(
    db,
    people.map((p) => ({ personId: p.id, organisationId, role: p.columns })),
    londonDate(new Date(now)),
    now,
  );
}

/**
 * Rewrites the imported columns of people who changed, a few hundred per statement:
 * `WITH v(...) AS (VALUES ...) UPDATE people SET ... FROM v WHERE people.id = v.id` (SQLite 3.33+ and PostgreSQL).
 */
export async function updatePeopleColumns(db: Executor, people: { id: string; columns: PersonColumns }[], now: string) {
  for (const batch of chunks(people, PEOPLE_PER_STATEMENT)) {
    // The roles they hold before the change, so that a changed job title, level or school is kept as history.
    const before = await db
      .selectFrom('people')
      .select(['id', 'organisation_id', 'job_title', 'leadership_level', 'school_id', 'created_at', 'status'])
      .where(
        'id',
        'in',
        batch.map((p) => p.id),
      )
      .execute();
    const rows = batch.map(
      ({ id, columns: c }) =>
        sql`(${id}, ${c.title}, ${c.given_name}, ${c.family_name}, ${c.email}, ${c.email_normalised}, ${c.job_title}, ${c.staff_type}, ${c.started_in_schools_on}, ${c.leadership_level}, ${c.trn}, ${c.mis_staff_id}, ${c.school_id}, ${c.search_text})`,
    );
    await sql`
      WITH v (id, title, given_name, family_name, email, email_normalised, job_title, staff_type, started_in_schools_on, leadership_level, trn, mis_staff_id, school_id, search_text)
        AS (VALUES ${sql.join(rows)})
      UPDATE people SET
        title = v.title, given_name = v.given_name, family_name = v.family_name, email = v.email, email_normalised = v.email_normalised,
        job_title = v.job_title, staff_type = v.staff_type, started_in_schools_on = v.started_in_schools_on,
        leadership_level = v.leadership_level, trn = v.trn, mis_staff_id = v.mis_staff_id, school_id = v.school_id,
        search_text = v.search_text, updated_at = ${now}
      FROM v WHERE people.id = v.id`.execute(db);
    const after = new Map(batch.map((p) => [p.id, p.columns]));
    await recordRoleChanges(
      db,
      before
        .filter((p) => p.status === 'active' && after.has(p.id))
        .map((p) => ({ personId: p.id, organisationId: p.organisation_id, createdAt: p.created_at, before: p, after: after.get(p.id) as PersonColumns })),
      londonDate(new Date(now)),
      now,
    );
  }
}

/** Sets line managers, a few hundred people per statement. */
export async function setLineManagers(db: Executor, links: { id: string; lineManagerId: string }[], now: string) {
  for (const batch of chunks(links, PEOPLE_PER_STATEMENT * 4)) {
    const rows = batch.map(({ id, lineManagerId }) => sql`(${id}, ${lineManagerId})`);
    await sql`
      WITH v (id, line_manager_id) AS (VALUES ${sql.join(rows)})
      UPDATE people SET line_manager_id = v.line_manager_id, updated_at = ${now}
      FROM v WHERE people.id = v.id`.execute(db);
  }
}
