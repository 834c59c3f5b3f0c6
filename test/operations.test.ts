// What an operator does to a running install: back up and restore, move between engines, sign everyone out.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { endEverySignInSession } from '../src/features/auth';
import { features } from '../src/features';
import { backupSqlite, restoreSqlite } from '../src/platform/db/backup';
import { FixedClock } from '../src/platform/db/clock';
import { connectDatabase } from '../src/platform/db/connect';
import { copyDatabase, copyPlan } from '../src/platform/db/copy';
import type { Database, Db } from '../src/platform/db/database';
import { migrateToLatest } from '../src/platform/db/migrate';
import { seedDemo } from '../src/platform/demo';
import { describeEachEngine } from './support/app';
import { createTestDatabase, testEngines } from './support/database';
import { makeWorld, signIn } from './support/factories';

const dir = mkdtempSync(join(tmpdir(), 'waymark-operations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table, sorted, as text: equal when two databases hold the same data. */
async function contents(db: Db): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await copyPlan(features.migrations)) {
    // biome-ignore lint/suspicious/noExplicitAny: every table, whatever its columns.
    const rows = await (db as any).selectFrom(table.name).selectAll().execute();
    result[table.name] = rows.map((row: Record<string, unknown>) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))).sort();
  }
  return result;
}

async function demoDatabase(file: string): Promise<Db> {
  const db = connectDatabase<Database>(file);
  await migrateToLatest(db, features.migrations);
  await seedDemo(db, new FixedClock(), features.demoSteps);
  return db;
}

describe('moving a database between engines', { timeout: 300_000 }, () => {
  it(`copies every row of the demo ${testEngines().includes('postgres') ? 'from SQLite to PostgreSQL and back' : 'from one SQLite database to another'}, unchanged`, async () => {
    const source = await demoDatabase(join(dir, 'copy-source.sqlite'));
    const original = await contents(source);
    expect(original.people?.length).toBeGreaterThan(50);
    const middle = await createTestDatabase(testEngines().includes('postgres') ? 'postgres' : 'sqlite', {});
    const back = connectDatabase<Database>(join(dir, 'copy-back.sqlite'));
    try {
      const there = await copyDatabase(source, middle.db, features.migrations);
      expect(there.find((r) => r.table === 'people')?.rows).toBe(original.people?.length);
      await copyDatabase(middle.db, back, features.migrations);
      expect(await contents(middle.db)).toEqual(original);
      expect(await contents(back)).toEqual(original);
      // Only into an empty database: a second copy is refused and changes nothing.
      await expect(copyDatabase(source, back, features.migrations)).rejects.toThrow(/is not empty \(table [a-z_]+ has rows\)/);
      expect(await contents(back)).toEqual(original);
    } finally {
      await source.destroy();
      await back.destroy();
      await middle.destroy();
    }
  });
});

describe('backing up and restoring SQLite', { timeout: 300_000 }, () => {
  it('a backup taken while Waymark writes is a whole database, and restoring it brings the data back, keeping what it replaced', async () => {
    const file = join(dir, 'live.sqlite');
    const db = await demoDatabase(file);
    const before = await contents(db);
    const backupFile = join(dir, 'backup.sqlite');
    // Writes carry on while the backup runs.
    const writing = (async () => {
      for (let i = 0; i < 50; i++)
        await sql`insert into audit_events (id, action, detail, created_at) values (${`busy-${i}`}, 'sign_in', '{}', '2026-12-03T10:00:00.000Z')`.execute(db);
    })();
    await backupSqlite(file, backupFile);
    await writing;
    await expect(backupSqlite(file, backupFile)).rejects.toThrow(/already exists/);
    // It holds password hashes: only Waymark's own user may read it.
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    const backup = connectDatabase<Database>(backupFile);
    const backedUp = await contents(backup);
    await backup.destroy();
    expect(backedUp.people).toEqual(before.people);
    await db.deleteFrom('notifications').execute();
    await db.destroy();

    await restoreSqlite(file, backupFile, features.migrations);
    expect(existsSync(`${file}.before-restore`)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restored = connectDatabase<Database>(file);
    expect((await contents(restored)).notifications).toEqual(before.notifications);
    expect(before.notifications?.length).toBeGreaterThan(0);
    await restored.destroy();
  });

  it('refuses to restore a file that is not a Waymark backup, and changes nothing', async () => {
    const file = join(dir, 'kept.sqlite');
    const db = await demoDatabase(file);
    const before = await contents(db);
    await db.destroy();
    const notABackup = join(dir, 'notes.txt');
    writeFileSync(notABackup, 'not a database at all');
    await expect(restoreSqlite(file, notABackup, features.migrations)).rejects.toThrow(/is not a Waymark backup this release can use, so nothing was changed/);
    const other = connectDatabase<Database>(join(dir, 'other.sqlite'));
    await sql`create table garden (id text)`.execute(other);
    await other.destroy();
    await expect(restoreSqlite(file, join(dir, 'other.sqlite'), features.migrations)).rejects.toThrow(/nothing was changed/);
    const after = connectDatabase<Database>(file);
    expect(await contents(after)).toEqual(before);
    await after.destroy();
    expect(existsSync(`${file}.before-restore`)).toBe(false);
  });
});

describeEachEngine('signing everyone out', (ctx) => {
  it('ends every sign-in session, so everyone must sign in again, and the audit log says so', async () => {
    const world = await makeWorld(ctx().db);
    const admin = ctx().client();
    const staff = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    await signIn(staff, world.staff.email);
    expect((await staff.get('/')).status).toBe(200);
    expect(await endEverySignInSession(ctx().db, ctx().clock)).toBeGreaterThanOrEqual(2);
    for (const client of [admin, staff]) {
      const page = await client.get('/');
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toContain('/sign-in');
    }
    const audit = await ctx().db.selectFrom('audit_events').select(['action']).where('action', '=', 'everyone_signed_out').execute();
    expect(audit).toHaveLength(1);
  });
});
