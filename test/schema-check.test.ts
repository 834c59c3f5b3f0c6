import { type Kysely, type Migration, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connectAgain, createTestDatabase, type TestDatabase, testEngines } from './support/database';
import { features } from '../src/features';
import { compareShapes, expectedShape, liveShape, pendingMigrations, schemaProblems } from '../src/platform/db/schema-check';

// A landed migration as it first shipped, and the same migration edited afterwards: the edit adds a
// table and a column that an install migrated before the edit never got.
// biome-ignore lint/suspicious/noExplicitAny: migrations take any schema.
type AnyDb = Kysely<any>;
const shipped: Migration = {
  up: async (db: AnyDb) => {
    await db.schema
      .createTable('garden_beds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
  },
};
const edited: Migration = {
  up: async (db: AnyDb) => {
    await db.schema
      .createTable('garden_beds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('planted_on', 'text')
      .execute();
    await db.schema
      .createTable('garden_tools')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .execute();
  },
};
const later: Migration = { up: async (db: AnyDb) => void (await sql`select 1`.execute(db)) };

describe.each(testEngines())('the schema check [%s]', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  it('finds nothing wrong with a database its migrations made', async () => {
    database = await createTestDatabase(engine);
    expect(await schemaProblems(database.db, features.migrations)).toEqual([]);
  });

  it('finds the tables and columns a migration edited after it ran would have made, where "up to date" would not', async () => {
    database = await createTestDatabase(engine, { ...features.migrations, '2099_01_01_0000_garden': shipped });
    expect(await schemaProblems(database.db, { ...features.migrations, '2099_01_01_0000_garden': edited })).toEqual([
      'Table garden_beds is missing column planted_on.',
      'Table garden_tools is missing.',
    ]);
  });

  it('the migrations make on this engine exactly the tables and columns the check expects of it (worked out on SQLite for both)', async () => {
    database = await createTestDatabase(engine);
    const live = await liveShape(database.db);
    const expected = await expectedShape(engine, features.migrations);
    expect(compareShapes(expected, live)).toEqual([]);
    // Nothing the migrations made is missing from what the check expects, either.
    expect(compareShapes(live, expected)).toEqual([]);
    expect([...expected.keys()].some((table) => table.startsWith('people_search'))).toBe(engine === 'sqlite');
  });

  it('says which migrations have not run', async () => {
    database = await createTestDatabase(engine);
    expect(await schemaProblems(database.db, { ...features.migrations, '2099_01_01_0000_later': later })).toEqual([
      'A migration has not run: 2099_01_01_0000_later. Run waymark migrate.',
    ]);
  });

  it('several processes starting at once (web instances and workers) check the schema together, and none sees another’s scratch tables', async () => {
    database = await createTestDatabase(engine);
    const current = database;
    // Each its own pool, as separate processes have; each checks while the others do.
    const processes = [0, 1, 2, 3].map(() => connectAgain(current));
    // Another process's view, looked at throughout: a scratch schema it could see could also vanish
    // under its own introspection (PostgreSQL then fails it with "schema … does not exist").
    let checking = true;
    let seen = 0;
    const watching = (async () => {
      if (engine !== 'postgres') return;
      while (checking) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname like 'waymark_schema_check_%'`.execute(current.db);
        seen += rows[0]?.n ?? 0;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    try {
      const checks = await Promise.all(
        processes.flatMap(({ db }) => [
          schemaProblems(db, features.migrations),
          pendingMigrations(db, features.migrations),
          schemaProblems(db, features.migrations),
        ]),
      );
      expect(checks.flat()).toEqual([]);
    } finally {
      checking = false;
      await watching;
      for (const p of processes) await p.destroy();
    }
    expect(seen).toBe(0);
  });
});

describe('comparing shapes', () => {
  it('ignores what the live database has beyond the migrations (an operator’s own tables, a newer release’s columns)', () => {
    const expected = new Map([['people', new Set(['id', 'email'])]]);
    const live = new Map([
      ['people', new Set(['id', 'email', 'extra'])],
      ['reports_cache', new Set(['id'])],
    ]);
    expect(compareShapes(expected, live)).toEqual([]);
    expect(compareShapes(new Map([['people', new Set(['id', 'email', 'phone', 'title'])]]), live)).toEqual(['Table people is missing columns phone, title.']);
  });
});
