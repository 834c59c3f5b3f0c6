import { chmodSync, closeSync, copyFileSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import type { Migration } from 'kysely';
import { connectDatabase, engineOf } from './connect';
import { pendingMigrations, SchemaMismatch, schemaProblems } from './schema-check';

function sqliteFile(url: string): string {
  if (engineOf(url) !== 'sqlite') throw new Error('waymark backup and restore are for SQLite; back up PostgreSQL with pg_dump (docs/operating.md, "Backups").');
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file === ':memory:') throw new Error('An in-memory database cannot be backed up.');
  return file;
}

/**
 * Copies a SQLite database to `destination` with SQLite's online backup: safe while Waymark is
 * serving (writers carry on; the copy is of one consistent moment). Refuses to overwrite a file.
 * The copy holds password hashes and personal data, so it is readable by Waymark's own user only.
 */
export async function backupSqlite(url: string, destination: string): Promise<{ pages: number }> {
  const file = sqliteFile(url);
  if (!existsSync(file)) throw new Error(`There is no database at ${file}.`);
  try {
    closeSync(openSync(destination, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${destination} already exists: choose a new file name.`);
    throw error;
  }
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const result = await source.backup(destination);
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}

/**
 * Puts a backup in place of the SQLite database. Waymark must be stopped first. The backup is checked
 * (a SQLite file whose schema is what this release's migrations define, or an earlier release's,
 * which the next start migrates) before anything is replaced; the database it replaces is kept
 * beside it as `<file>.before-restore`.
 */
export async function restoreSqlite(url: string, backup: string, migrations: Record<string, Migration>): Promise<{ kept: string | null }> {
  const file = sqliteFile(url);
  if (!existsSync(backup)) throw new Error(`There is no backup at ${backup}.`);
  // Checked as a copy beside the database, so neither the backup nor the database is touched until it passes.
  const incoming = `${file}.restoring`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${incoming}${suffix}`, { force: true });
  copyFileSync(backup, incoming);
  chmodSync(incoming, 0o600);
  try {
    const check = connectDatabase<unknown>(incoming);
    try {
      // A backup from this release, or from an earlier one (the migrations it ran are the first ones
      // of today's list, and its tables are what they make): starting Waymark migrates it.
      const pending = new Set(await pendingMigrations(check, migrations));
      const names = Object.keys(migrations).sort();
      const ran = names.filter((name) => !pending.has(name));
      if (ran.length === 0) throw new Error('it holds no Waymark tables.');
      if (ran.some((name, i) => names[i] !== name)) throw new Error('its migrations are not those of a Waymark release.');
      const problems = await schemaProblems(check, Object.fromEntries(ran.map((name) => [name, migrations[name] as Migration])));
      if (problems.length) throw new SchemaMismatch(problems);
    } finally {
      await check.destroy();
    }
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${incoming}${suffix}`, { force: true });
    throw new Error(
      `${backup} is not a Waymark backup this release can use, so nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let kept: string | null = null;
  if (existsSync(file)) {
    kept = `${file}.before-restore`;
    rmSync(kept, { force: true });
    renameSync(file, kept);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  renameSync(incoming, file);
  for (const suffix of ['-wal', '-shm']) rmSync(`${incoming}${suffix}`, { force: true });
  return { kept };
}
