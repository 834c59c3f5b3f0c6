import { sql } from 'kysely';
import { engineOfDb } from '../../platform/db/connect';
import type { Executor } from '../../platform/db/database';
import { type KeysetCursor, keysetPage } from '../../platform/db/keyset';
import { holdsWorkingInvitation, passwordIsSet } from '../auth';
import { londonDate } from '../../platform/dates';
import { openFirstRoles } from './staff.roles-held';
import type { DirectoryQuery } from './staff.schemas';
import type { NewPerson, PersonUpdate } from './staff.tables';

/** Who the viewer may see in the directory: the whole organisation, some schools, and/or direct reports. */
export interface DirectoryScope {
  organisationId: string;
  wholeOrganisation: boolean;
  schoolIds: string[];
  lineManagerId: string | null;
}

/** The words of a directory search, lower-cased: at most five. */
function searchWords(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
}

/** `%word%` for LIKE, with LIKE's own characters escaped by a backslash. */
function containing(word: string): string {
  return `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** For each search word, the organisation's schools whose name contains it (a small table, read once). */
async function schoolsMatching(db: Executor, organisationId: string, words: string[]): Promise<string[][]> {
  if (words.length === 0) return [];
  const schools = await db.selectFrom('schools').select(['id', 'name_normalised']).where('organisation_id', '=', organisationId).execute();
  return words.map((word) => schools.filter((school) => school.name_normalised.includes(word)).map((school) => school.id));
}

/** Words the trigram index can find: three characters or more (one trigram at least). */
const INDEXED_WORD = /^.{3,}$/u;

/** Up to this many people found by a word, their rows are read directly rather than through the organisation's index. */
const FEW_MATCHES = 1_000;

/** What a directory search looks for, worked out before the query is built. */
interface Search {
  words: string[];
  /** For each word, the organisation's schools whose name contains it. */
  schoolsPerWord: string[][];
  /**
   * SQLite: for each word, how many people the FTS5 table finds with it: 'few' (up to FEW_MATCHES),
   * 'many' (more), or null for a word too short for the index.
   */
  matchesPerWord: ('few' | 'many' | null)[];
}

/** A quoted FTS5 phrase: with the trigram tokenizer it matches exactly the texts containing the word. */
function phrase(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

async function planSearch(db: Executor, organisationId: string, q: string | undefined): Promise<Search> {
  const words = searchWords(q);
  const search: Search = { words, schoolsPerWord: await schoolsMatching(db, organisationId, words), matchesPerWord: [] };
  if (engineOfDb(db) === 'postgres') return search;
  for (const word of words) {
    if (!INDEXED_WORD.test(word)) {
      search.matchesPerWord.push(null);
      continue;
    }
    // Only how many (up to one more than FEW_MATCHES): the rows themselves are read by the page's
    // own statements, so hundreds of row ids never travel to JavaScript and back as parameters.
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM (SELECT rowid FROM people_search WHERE people_search MATCH ${phrase(word)} LIMIT ${FEW_MATCHES + 1})`.execute(db);
    search.matchesPerWord.push(Number(rows[0]?.n ?? 0) > FEW_MATCHES ? 'many' : 'few');
  }
  return search;
}

/** The condition "the word is in the person's search text", as the search plan says to test it. */
function inSearchText(db: Executor, word: string, matches: 'few' | 'many' | null) {
  if (engineOfDb(db) === 'postgres') return sql<boolean>`people.search_text LIKE ${containing(word)}`;
  if (matches === null) return sql<boolean>`people.search_text LIKE ${containing(word)} ESCAPE '\\'`;
  return sql<boolean>`people.rowid IN (SELECT rowid FROM people_search WHERE people_search MATCH ${phrase(word)})`;
}

/**
 * The people the viewer may list, filtered. Each search word must be in the person's search text
 * (name, email, job title) or their school's name. Through the trigram index: on PostgreSQL the
 * pg_trgm index serves LIKE itself; on SQLite each word of three characters or more is looked up in
 * the FTS5 table first, and shorter words are tested with LIKE.
 */
function scopedPeople(db: Executor, scope: DirectoryScope, filters: DirectoryQuery, search: Search) {
  // SQLite can't know that a list of rows is short, and would walk the organisation's whole index
  // instead of reading them; nor that a LIKE on every row is quicker in the table's own order. The
  // unary + keeps it off that index (on the organisation and on the status, which the index also
  // covers), except when every indexed word finds many people and the index is the quicker.
  const few = search.matchesPerWord.includes('few');
  const offIndex = engineOfDb(db) === 'sqlite' && search.words.length > 0 && (few || !search.matchesPerWord.includes('many'));
  const organisation = offIndex ? sql<string>`+people.organisation_id` : sql.ref<string>('people.organisation_id');
  const status = offIndex ? sql<string>`+people.status` : sql.ref<string>('people.status');
  let query = db.selectFrom('people').where(organisation, '=', scope.organisationId);
  if (!scope.wholeOrganisation) {
    query = query.where((eb) => {
      const ors = [];
      if (scope.schoolIds.length) ors.push(eb('people.school_id', 'in', scope.schoolIds));
      if (scope.lineManagerId) ors.push(eb('people.line_manager_id', '=', scope.lineManagerId));
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  }
  search.words.forEach((word, i) => {
    const inText = inSearchText(db, word, search.matchesPerWord[i] ?? null);
    const schoolIds = search.schoolsPerWord[i] ?? [];
    query = query.where((eb) => (schoolIds.length ? eb.or([inText, eb('people.school_id', 'in', schoolIds)]) : inText));
  });
  if (filters.school) query = query.where('people.school_id', '=', filters.school);
  if (filters.staffType) query = query.where('people.staff_type', '=', filters.staffType);
  if (filters.level) query = query.where('people.leadership_level', '=', filters.level);
  if (filters.status !== 'all') query = query.where(status, '=', filters.status);
  if (filters.role) {
    const role = filters.role;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('role_grants').select('role_grants.id').whereRef('role_grants.person_id', '=', 'people.id').where('role_grants.role', '=', role)),
    );
  }
  return query;
}

/** Where a page of the directory starts: after or before someone (by id), in order of name then id. */
export type DirectoryCursor = KeysetCursor;

/**
 * A page of the directory, by keyset (`keysetPage`): the page after (or before) a given person in
 * order of family name, given name and id, so that paging deep into a long list reads no more rows
 * than the page, and a page boundary inside a run of identical names neither skips nor repeats
 * anyone. `position` is how many matching people come before the page (for "Showing 26 to 50"),
 * counted with the total in one statement. A cursor that names nobody in the organisation starts at
 * the beginning; a page before a cursor that would be short is the first page instead.
 */
export async function searchDirectory(db: Executor, scope: DirectoryScope, filters: DirectoryQuery, pageSize: number, cursor: DirectoryCursor = null) {
  const base = scopedPeople(db, scope, filters, await planSearch(db, scope.organisationId, filters.q));
  return keysetPage({
    columns: ['people.family_name', 'people.given_name', 'people.id'],
    order: 'asc',
    cursor,
    pageSize,
    key: async (id) => {
      const row = await db
        .selectFrom('people')
        .select(['family_name', 'given_name', 'id'])
        .where('id', '=', id)
        .where('organisation_id', '=', scope.organisationId)
        .executeTakeFirst();
      return row ? [row.family_name, row.given_name, row.id] : undefined;
    },
    count: (before) => base.select((eb) => [eb.fn.countAll<number>().as('total'), (before ?? sql<number>`0`).as('before')]).executeTakeFirstOrThrow(),
    rows: (where, order) => {
      let query = base
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
        ]);
      if (where) query = query.where(where);
      return query.orderBy('people.family_name', order).orderBy('people.given_name', order).orderBy('people.id', order).limit(pageSize).execute();
    },
  });
}

/**
 * Active staff of the whole organisation matching a search, as the directory finds them (name,
 * email, job title or school; every word), for pickers in other features' forms. At most `limit`.
 */
export async function searchActiveStaff(db: Executor, organisationId: string, q: string, limit: number) {
  const scope: DirectoryScope = { organisationId, wholeOrganisation: true, schoolIds: [], lineManagerId: null };
  const filters: DirectoryQuery = { q, status: 'active' };
  const { rows } = await searchDirectory(db, scope, filters, limit);
  return rows.map((r) => ({ id: r.id, given_name: r.given_name, family_name: r.family_name, job_title: r.job_title, school_name: r.school_name }));
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
      'deactivated_at',
    ])
    .where('id', '=', personId);
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
  return query.executeTakeFirst();
}

/** The identifiers a person's credentials carry (hashed): their email address and, when recorded, their Teacher Reference Number. */
export function findPersonIdentifiers(db: Executor, personId: string) {
  return db.selectFrom('people').select(['email_normalised', 'trn']).where('id', '=', personId).executeTakeFirst();
}

/** Names of people of the organisation, by id, for pages that show who wrote or did something. */
export function listPeopleNames(db: Executor, organisationId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').select(['id', 'given_name', 'family_name']).where('organisation_id', '=', organisationId).where('id', 'in', ids).execute();
}

/**
 * What other features need of several people at once, by id: names, job title, school, leadership
 * level and status (one query for a whole list). Scoped to an organisation when one is given.
 */
export function listPeopleFacts(db: Executor, ids: readonly string[], organisationId?: string) {
  if (ids.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'job_title', 'school_id', 'leadership_level', 'status'])
    .where('id', 'in', [...new Set(ids)]);
  if (organisationId !== undefined) query = query.where('organisation_id', '=', organisationId);
  return query.execute();
}
export type PersonFacts = Awaited<ReturnType<typeof listPeopleFacts>>[number];

export function findPersonByEmail(db: Executor, emailNormalised: string) {
  return db
    .selectFrom('people')
    .select(['id', 'organisation_id', 'status', 'line_manager_id'])
    .where('email_normalised', '=', emailNormalised)
    .executeTakeFirst();
}

/** The organisation's active organisation admins, by name. */
export function listOrganisationAdmins(db: Executor, organisationId: string) {
  return db
    .selectFrom('people')
    .innerJoin('role_grants', 'role_grants.person_id', 'people.id')
    .select(['people.id', 'people.given_name', 'people.family_name', 'people.email'])
    .where('people.organisation_id', '=', organisationId)
    .where('people.status', '=', 'active')
    .where('role_grants.role', '=', 'org_admin')
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
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

/** Adds a person, and their first role held (from the day the record is made). */
export async function insertPerson(db: Executor, person: NewPerson) {
  await db.insertInto('people').values(person).execute();
  const role = { job_title: person.job_title ?? null, leadership_level: person.leadership_level ?? 'none', school_id: person.school_id ?? null };
  await openFirstRoles(db, [{ personId: person.id, organisationId: person.organisation_id, role }], londonDate(new Date(person.created_at)), person.created_at);
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
