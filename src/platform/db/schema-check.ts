import { readFile } from 'node:fs/promises';
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
 * The expected shape is built by running the migrations on an in-memory SQLite database (see
 * expectedShape). Tables and columns the live database has beyond those are not a problem (an
 * operator's own, or a newer release's).
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema will do; only names are read.
export async function schemaProblems(db: Kysely<any>, migrations: Record<string, Migration>): Promise<string[]> {
  const pending = await pendingMigrations(db, migrations);
  if (pending.length > 0)
    return [`${pending.length === 1 ? 'A migration has' : `${pending.length} migrations have`} not run: ${pending.join(', ')}. Run waymark migrate.`];
  return compareShapes(await expectedShape(engineOfDb(db), migrations), await liveShape(db));
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

/** The tables and columns a database has (on PostgreSQL, in its current schema). */
// biome-ignore lint/suspicious/noExplicitAny: any schema will do.
export async function liveShape(db: Kysely<any>, schema?: string): Promise<SchemaShape> {
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

const expectedShapes = new WeakMap<Record<string, Migration>, Promise<SchemaShape>>();

/**
 * The tables and columns the migrations define on an engine. They are built by running the
 * migrations on an in-memory SQLite database, for PostgreSQL too: the migrations define the same
 * tables and columns on both engines (test/schema-check.test.ts holds them to it), but for SQLite's
 * full-text search tables, which PostgreSQL does without. Running them on PostgreSQL itself, in a
 * scratch schema, took 4–6 s of every start; in memory it takes a few hundred milliseconds, once per
 * process.
 */
export async function expectedShape(engine: 'sqlite' | 'postgres', migrations: Record<string, Migration>): Promise<SchemaShape> {
  let sqliteShape = expectedShapes.get(migrations);
  if (!sqliteShape) {
    sqliteShape = (async () => {
      const shipped = await builtShape(migrations);
      if (shipped) return shipped;
      const scratch = connectDatabase<unknown>(':memory:');
      try {
        await migrateToLatest(scratch, migrations);
        const shape = await liveShape(scratch);
        // A full-text search table, and the tables SQLite keeps it in (`<name>_data`, `<name>_idx`, …).
        const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(scratch);
        for (const { name } of rows) virtualTables.set(shape, [...(virtualTables.get(shape) ?? []), name]);
        return shape;
      } finally {
        await scratch.destroy();
      }
    })();
    expectedShapes.set(migrations, sqliteShape);
    sqliteShape.catch(() => expectedShapes.delete(migrations));
  }
  const shape = await sqliteShape;
  if (engine === 'sqlite') return shape;
  const virtual = virtualTables.get(shape) ?? [];
  return new Map([...shape].filter(([table]) => !virtual.some((name) => table === name || table.startsWith(`${name}_`))));
}
const virtualTables = new WeakMap<SchemaShape, string[]>();

/** What `npm run build` writes beside the server (dist/schema-shape.json), so a built server starts without working it out. */
export interface ShippedShape {
  migrations: string[];
  tables: Record<string, string[]>;
  virtualTables: string[];
}

export async function shapeToShip(migrations: Record<string, Migration>): Promise<ShippedShape> {
  const shape = await expectedShape('sqlite', migrations);
  return {
    migrations: Object.keys(migrations).sort(),
    tables: Object.fromEntries([...shape].map(([table, columns]) => [table, [...columns].sort()])),
    virtualTables: virtualTables.get(shape) ?? [],
  };
}

/** The shape shipped with a build, when there is one and it is for these very migrations. */
async function builtShape(migrations: Record<string, Migration>): Promise<SchemaShape | undefined> {
  let shipped: ShippedShape;
  try {
    // Beside dist/waymark.js in a build; nothing there in the sources.
    shipped = JSON.parse(await readFile(new URL('./schema-shape.json', import.meta.url), 'utf8')) as ShippedShape;
  } catch {
    return undefined;
  }
  if (shipped.migrations.join('\n') !== Object.keys(migrations).sort().join('\n')) return undefined;
  const shape: SchemaShape = new Map(Object.entries(shipped.tables).map(([table, columns]) => [table, new Set(columns)]));
  virtualTables.set(shape, shipped.virtualTables);
  return shape;
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
