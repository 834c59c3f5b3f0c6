import { randomBytes } from 'node:crypto';
import type { Migration } from 'kysely';
import pg from 'pg';
import type { Database, Db } from '../../src/platform/db/database';
import { connectDatabase, type Engine } from '../../src/platform/db/connect';
import { migrateToLatest } from '../../src/platform/db/migrate';
import { features } from '../../src/features';

/** The engines this run tests on: SQLite always; PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  db: Db;
  engine: Engine;
  url: string;
  destroy(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database: in-memory SQLite, or a throwaway PostgreSQL database created
 * from TEST_DATABASE_URL and dropped afterwards. Migration tests pass the migrations to stop after.
 */
export async function createTestDatabase(engine: Engine, migrations: Record<string, Migration> = features.migrations): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const db = connectDatabase<Database>(':memory:');
    await migrateToLatest(db, migrations);
    return { db, engine, url: ':memory:', destroy: () => db.destroy() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `waymark_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = connectDatabase<Database>(url, { poolSize: 5 });
  await migrateToLatest(db, migrations);
  return {
    db,
    engine,
    url,
    async destroy() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * A second, independent connection to the same test database, as a second worker process would
 * have (its own PostgreSQL pool). In-memory SQLite can't be shared, so there it is the same handle.
 * Destroy it before the database.
 */
export function connectAgain(database: TestDatabase): { db: Db; destroy(): Promise<void> } {
  if (database.engine === 'sqlite') return { db: database.db, destroy: async () => {} };
  const db = connectDatabase<Database>(database.url, { poolSize: 5 });
  return { db, destroy: () => db.destroy() };
}
