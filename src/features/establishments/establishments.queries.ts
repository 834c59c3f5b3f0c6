import { sql } from 'kysely';
import { engineOfDb } from '../../platform/db/connect';
import type { Executor } from '../../platform/db/database';
import type { Establishment, NewEstablishment } from './establishments.tables';

/** Rows per insert: well under SQLite's limit of 32,766 bound values. */
const BATCH = 500;
const WORD_BATCH = 2_000;

/** Every establishment as loaded, to tell the rows a new file changes from those it repeats. */
export async function listEstablishments(db: Executor): Promise<Establishment[]> {
  return db.selectFrom('establishments').selectAll().execute();
}

const COLUMNS = [
  'urn',
  'name',
  'search_text',
  'type',
  'phase',
  'local_authority',
  'street',
  'locality',
  'address3',
  'town',
  'county',
  'postcode',
  'postcode_key',
  'status',
  'is_open',
  'loaded_at',
] as const;
/** Rows per statement on PostgreSQL, where each column goes as one array. */
const ARRAY_BATCH = 10_000;

/** Adds establishments, or updates those whose URN is already there. */
export async function upsertEstablishments(db: Executor, rows: NewEstablishment[]): Promise<void> {
  if (engineOfDb(db) === 'postgres') {
    // One array a column and unnest: a statement per 10,000 rows instead of a bound value per cell.
    for (let i = 0; i < rows.length; i += ARRAY_BATCH) {
      const batch = rows.slice(i, i + ARRAY_BATCH);
      const arrays = COLUMNS.map((column) =>
        column === 'is_open' ? sql`${batch.map((r) => r.is_open)}::integer[]` : sql`${batch.map((r) => r[column] as string)}::text[]`,
      );
      await sql`insert into establishments (${sql.join(COLUMNS.map((c) => sql.ref(c)))})
        select * from unnest(${sql.join(arrays)})
        on conflict (urn) do update set ${sql.join(COLUMNS.filter((c) => c !== 'urn').map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`.execute(db);
    }
    return;
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('establishments')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.column('urn').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          search_text: eb.ref('excluded.search_text'),
          type: eb.ref('excluded.type'),
          phase: eb.ref('excluded.phase'),
          local_authority: eb.ref('excluded.local_authority'),
          street: eb.ref('excluded.street'),
          locality: eb.ref('excluded.locality'),
          address3: eb.ref('excluded.address3'),
          town: eb.ref('excluded.town'),
          county: eb.ref('excluded.county'),
          postcode: eb.ref('excluded.postcode'),
          postcode_key: eb.ref('excluded.postcode_key'),
          status: eb.ref('excluded.status'),
          is_open: eb.ref('excluded.is_open'),
          loaded_at: eb.ref('excluded.loaded_at'),
        })),
      )
      .execute();
  }
}

/** Replaces the search words of the given establishments (of all, when the list was empty). */
export async function replaceWords(db: Executor, urns: string[], words: { word: string; urn: string }[], wholeList: boolean): Promise<void> {
  if (wholeList) await db.deleteFrom('establishment_words').execute();
  else
    for (let i = 0; i < urns.length; i += BATCH)
      await db
        .deleteFrom('establishment_words')
        .where('urn', 'in', urns.slice(i, i + BATCH))
        .execute();
  if (engineOfDb(db) === 'postgres') {
    for (let i = 0; i < words.length; i += ARRAY_BATCH * 5) {
      const batch = words.slice(i, i + ARRAY_BATCH * 5);
      await sql`insert into establishment_words (word, urn) select * from unnest(${batch.map((w) => w.word)}::text[], ${batch.map((w) => w.urn)}::text[])`.execute(
        db,
      );
    }
    return;
  }
  for (let i = 0; i < words.length; i += WORD_BATCH)
    await db
      .insertInto('establishment_words')
      .values(words.slice(i, i + WORD_BATCH))
      .execute();
}

/** Fresh planner statistics after a load, so PostgreSQL leads searches with the word index from the first query on. */
export async function refreshStatistics(db: Executor): Promise<void> {
  if (engineOfDb(db) === 'postgres') await sql`analyze establishments, establishment_words`.execute(db);
  else await sql`analyze establishments`.execute(db).then(() => sql`analyze establishment_words`.execute(db));
}

export async function countEstablishments(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('establishments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findEstablishment(db: Executor, urn: string): Promise<Establishment | undefined> {
  return db.selectFrom('establishments').selectAll().where('urn', '=', urn).executeTakeFirst();
}

export async function findEstablishments(db: Executor, urns: readonly string[]): Promise<Establishment[]> {
  if (urns.length === 0) return [];
  return db
    .selectFrom('establishments')
    .selectAll()
    .where('urn', 'in', [...urns])
    .execute();
}

/** How many candidates a search reads before ranking them. */
const CANDIDATES = 200;

/** URNs that start with `prefix` (digits). */
export async function searchByUrn(db: Executor, prefix: string, upper: string | null): Promise<Establishment[]> {
  let query = db.selectFrom('establishments').selectAll().where('urn', '>=', prefix);
  if (upper) query = query.where('urn', '<', upper);
  return query.orderBy('urn').limit(CANDIDATES).execute();
}

/** Postcodes that start with `prefix` (capitals, no spaces). */
export async function searchByPostcode(db: Executor, prefix: string, upper: string | null): Promise<Establishment[]> {
  let query = db.selectFrom('establishments').selectAll().where('postcode_key', '>=', prefix);
  if (upper) query = query.where('postcode_key', '<', upper);
  return query.orderBy('postcode_key').limit(CANDIDATES).execute();
}

/**
 * Establishments with a word starting with `lead` whose name and town also hold every one of
 * `others` at the start of a word. Led by the word index, so it reads only the lead word's rows.
 */
export async function searchByWords(db: Executor, lead: string, upper: string | null, others: string[]): Promise<Establishment[]> {
  let query = db.selectFrom('establishment_words as w').innerJoin('establishments as e', 'e.urn', 'w.urn').selectAll('e').where('w.word', '>=', lead);
  if (upper) query = query.where('w.word', '<', upper);
  for (const word of others) query = query.where('e.search_text', 'like', `% ${word}%`);
  return query.limit(CANDIDATES).execute();
}

/**
 * The local authorities of the establishments with these URNs, and the postcode districts (outward
 * codes) of every open establishment in those local authorities: the area the schools serve.
 */
export async function localAuthorityArea(db: Executor, urns: readonly string[]): Promise<{ authorities: string[]; districts: string[] }> {
  if (urns.length === 0) return { authorities: [], districts: [] };
  const found = await db
    .selectFrom('establishments')
    .select('local_authority')
    .distinct()
    .where('urn', 'in', [...urns])
    .where('local_authority', '!=', '')
    .execute();
  const authorities = found.map((r) => r.local_authority).sort();
  if (authorities.length === 0) return { authorities, districts: [] };
  // The inward code is always three characters: what comes before it is the district.
  const district = sql<string>`substr(postcode_key, 1, length(postcode_key) - 3)`;
  const rows = await db
    .selectFrom('establishments')
    .select(district.as('district'))
    .distinct()
    .where('local_authority', 'in', authorities)
    .where('is_open', '=', 1)
    .where(sql<number>`length(postcode_key)`, '>=', 5)
    .execute();
  return { authorities, districts: rows.map((r) => r.district).sort() };
}
