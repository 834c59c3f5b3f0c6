import { type Kysely, sql } from 'kysely';

// Frozen once landed. The directory's search looks for each word anywhere in a person's search text
// (`LIKE '%word%'`), which no ordinary index serves: at 50,000 staff every search read every row.
// A trigram index answers it on both engines: SQLite's FTS5 with the trigram tokenizer (an
// external-content table kept in step with `people` by triggers), PostgreSQL's pg_trgm GIN index.
// (Self-contained, as every migration is: the engine is read from Kysely's adapter here.)
function onPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (onPostgres(db)) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    // Named with the extension's own schema, so that it is found whatever the search path.
    const { rows } = await sql<{ schema: string }>`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(db);
    const schema = rows[0]?.schema ?? 'public';
    await sql`create index people_search_trigrams on people using gin (search_text ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create virtual table people_search using fts5(search_text, content = 'people', content_rowid = 'rowid', tokenize = 'trigram')`.execute(db);
  await sql`create trigger people_search_insert after insert on people begin
    insert into people_search (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger people_search_delete after delete on people begin
    insert into people_search (people_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
  end`.execute(db);
  await sql`create trigger people_search_update after update of search_text on people begin
    insert into people_search (people_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into people_search (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`insert into people_search (people_search) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (onPostgres(db)) {
    await sql`drop index people_search_trigrams`.execute(db);
    return;
  }
  for (const trigger of ['people_search_insert', 'people_search_delete', 'people_search_update']) await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  await sql`drop table people_search`.execute(db);
}
