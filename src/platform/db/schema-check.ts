import { randomBytes } from 'node:crypto';
import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import { connectDatabase, engineOfDb } from './connect';
import { migrateToLatest, MIGRATION_TABLES } from './migrate';

/** Table name → its column names. */
export type SchemaShape = Map<string, Set<string>>;

/**
 * What is wrong with a database, compared with what the migrations define, in words for an
 * operator: migrations that have not run, then tables and columns that are missing. Empty when the
 * database is current. (An install migrated by a release whose migrations were later edited can
 * say "up to date" while missing tables: this is what catches it.)
 *
 * The expected shape is built by running the migrations on the same engine: an in-memory SQLite
 * database, or a throwaway PostgreSQL schema that is dropped again. Tables and columns the live
 * database has beyond those are not a problem (an operator's own, or a newer release's).
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema will do; only names are read.
export async function schemaProblems(db: Kysely<any>, migrations: Record<string, Migration>): Promise<string[]> {
  const pending = await pendingMigrations(db, migrations);
  if (pending.length > 0)
    return [`${pending.length === 1 ? 'A migration has' : `${pending.length} migrations have`} not run: ${pending.join(', ')}. Run waymark migrate.`];
  return compareShapes(await expectedShape(db, migrations), await liveShape(db));
}

/** Names of the migrations in the list that the database has not run. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function pendingMigrations(db: Kysely<any>, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...MIGRATION_TABLES });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Each table or column the expected shape has and the live one lacks, as a sentence. */
export function compareShapes(expected: SchemaShape, live: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, columns] of [...expected].sort(([a], [b]) => a.localeCompare(b))) {
    const liveColumns = live.get(table);
    if (!liveColumns) {
      problems.push(`Table ${table} is missing.`);
      continue;
    }
    const missing = [...columns].filter((column) => !liveColumns.has(column)).sort();
    if (missing.length) problems.push(`Table ${table} is missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')}.`);
  }
  return problems;
}

// biome-ignore lint/suspicious/noExplicitAny: any schema will do.
async function liveShape(db: Kysely<any>, schema?: string): Promise<SchemaShape> {
  const tables = await db.introspection.getTables();
  const inSchema = schema ?? (engineOfDb(db) === 'postgres' ? await currentSchema(db) : undefined);
  return shapeOf(tables.filter((t) => !t.isView && (inSchema === undefined || t.schema === inSchema)));
}

// biome-ignore lint/suspicious/noExplicitAny: any schema will do.
async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(db);
  return rows[0]?.name ?? 'public';
}

function shapeOf(tables: { name: string; columns: readonly { name: string }[] }[]): SchemaShape {
  return new Map(tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
}

// biome-ignore lint/suspicious/noExplicitAny: any schema will do.
async function expectedShape(db: Kysely<any>, migrations: Record<string, Migration>): Promise<SchemaShape> {
  if (engineOfDb(db) === 'sqlite') {
    const scratch = connectDatabase<unknown>(':memory:');
    try {
      await migrateToLatest(scratch, migrations);
      return await liveShape(scratch);
    } finally {
      await scratch.destroy();
    }
  }
  // One connection, in a transaction that is rolled back: a new schema on its search path, where the
  // migrations build their tables. Other processes never see that schema (it is never committed), so
  // several instances and workers starting at once never find one vanishing under their own look at
  // the tables; and a check cut short leaves nothing behind.
  const schema = `waymark_schema_check_${randomBytes(6).toString('hex')}`;
  return db.connection().execute(async (connection) => {
    await sql`begin`.execute(connection);
    try {
      await sql`create schema ${sql.id(schema)}`.execute(connection);
      await sql`set local search_path to ${sql.id(schema)}`.execute(connection);
      await migrateToLatest(connection, migrations, { schema, inTransaction: true });
      return await liveShape(connection, schema);
    } finally {
      await sql`rollback`.execute(connection);
    }
  });
}

/** Thrown when the database is not what the migrations define: Waymark will not run on it. */
export class SchemaMismatch extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        'The database does not match what this release’s migrations define:',
        ...problems.map((p) => `  - ${p}`),
        'Waymark will not run on it. Restore the backup taken before the upgrade, or see docs/operating.md ("Upgrading").',
      ].join('\n'),
    );
  }
}

/** Throws SchemaMismatch unless the database is current. */
// biome-ignore lint/suspicious/noExplicitAny: any schema will do.
export async function assertSchemaCurrent(db: Kysely<any>, migrations: Record<string, Migration>): Promise<void> {
  const problems = await schemaProblems(db, migrations);
  if (problems.length > 0) throw new SchemaMismatch(problems);
}

/**
 * Everything about a database's shape that an upgrade must get right, as plain sorted data: each
 * table's columns (type, nullability, whether it has a default) and each index. Two databases on the
 * same engine with equal snapshots have the same schema (for the upgrade test).
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema will do.
export async function schemaSnapshot(db: Kysely<any>): Promise<{ tables: Record<string, string[]>; indexes: string[] }> {
  const postgres = engineOfDb(db) === 'postgres';
  const schema = postgres ? await currentSchema(db) : undefined;
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: false }))
    .filter((t) => !t.isView && (schema === undefined || t.schema === schema))
    .sort((a, b) => a.name.localeCompare(b.name));
  const indexes = postgres
    ? (await sql<{ line: string }>`select tablename || ': ' || indexdef as line from pg_indexes where schemaname = current_schema()`.execute(db)).rows
    : (
        await sql<{
          line: string;
        }>`select tbl_name || ': ' || coalesce(sql, name) as line from sqlite_master where type = 'index' and tbl_name not like 'waymark_migration%'`.execute(
          db,
        )
      ).rows;
  return {
    tables: Object.fromEntries(
      tables.map((t) => [
        t.name,
        t.columns.map((c) => `${c.name} ${c.dataType}${c.isNullable ? '' : ' not null'}${c.hasDefaultValue ? ' with default' : ''}`).sort(),
      ]),
    ),
    indexes: indexes.map((i) => i.line.replace(/\s+/g, ' ')).sort(),
  };
}
