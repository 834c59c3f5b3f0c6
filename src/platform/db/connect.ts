import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';

export type Engine = 'sqlite' | 'postgres';

// int8 (count(*), bigint sums) comes back from pg as a string by default; our values fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));
// numeric too, for averages.
pg.types.setTypeParser(1700, (value: string) => Number(value));

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/**
 * Opens a Kysely instance for a `postgres://` URL or a SQLite file path (`:memory:` allowed).
 * SQLite gets WAL, foreign keys and a busy timeout at open.
 */
export function connectDatabase<DB>(url: string, options: { poolSize?: number } = {}): Kysely<DB> {
  if (engineOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server must not crash the process; the pool replaces it.
    pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:' && !existsSync(file)) {
    // A new database (and the folder made for it) is readable by Waymark's own user only; SQLite gives
    // its -wal and -shm files the database file's permissions.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    closeSync(openSync(file, 'a', 0o600));
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Gathers the statistics the query planner needs to choose indexes well (cheap; SQLite's advice for long-lived connections).
  sqlite.pragma('optimize = 0x10002');
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** How many prepared statements a SQLite connection keeps (Waymark runs a few hundred distinct ones). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The SQLite connection as Kysely sees it, with each statement prepared once and reused: Kysely
 * prepares the SQL of every query it runs, which costs more than running most of Waymark's queries.
 * SQLite re-prepares a cached statement by itself after a schema change. A statement still being
 * iterated (a streamed query) is busy, so a second use of its SQL meanwhile gets a fresh one.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      const cached = cache.get(text);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(text);
      if (!cached) {
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/** Which engine a Kysely instance talks to. */
// biome-ignore lint/suspicious/noExplicitAny: any schema will do, only the adapter is read (Kysely<Database> is not assignable to Kysely<unknown>).
export function engineOfDb(db: Kysely<any>): Engine {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}
