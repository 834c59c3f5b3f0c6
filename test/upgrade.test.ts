import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { features } from '../src/features';
import { migrateToLatest } from '../src/platform/db/migrate';
import { schemaProblems, schemaSnapshot } from '../src/platform/db/schema-check';
import { RELEASES } from './releases';
import { createTestDatabase, type TestDatabase, testEngines } from './support/database';

/** The migrations a release shipped with. */
function migrationsOf(release: (typeof RELEASES)[number]) {
  return Object.fromEntries(Object.entries(features.migrations).filter(([name]) => name <= release.lastMigration));
}

const previous = RELEASES.at(-1);

describe.each(testEngines())('upgrading from the previous release [%s]', (engine) => {
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const database of databases.splice(0)) await database.destroy();
  });

  it(`a database made by ${previous?.version}, with people signed in, upgrades to this release's schema exactly, keeping its data`, async () => {
    if (!previous) throw new Error('test/releases.ts lists no release');
    const old = await createTestDatabase(engine, migrationsOf(previous));
    databases.push(old);
    const db = old.db;
    const now = '2026-11-30T09:00:00.000Z';
    await sql`insert into organisations (id, name, created_at, updated_at) values ('org-1', 'Fenland Schools Trust', ${now}, ${now})`.execute(db);
    await sql`insert into people (id, organisation_id, given_name, family_name, email, email_normalised, staff_type, search_text, password_hash, created_at, updated_at)
      values ('person-1', 'org-1', 'Ruth', 'Adebayo', 'Ruth@Fenland.example.org', 'ruth@fenland.example.org', 'teaching', 'ruth adebayo', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', ${now}, ${now})`.execute(
      db,
    );
    await sql`insert into sessions (id, person_id, token_hash, created_at, last_seen_at, expires_at) values ('session-1', 'person-1', 'token-hash-1', ${now}, ${now}, '2026-12-14T09:00:00.000Z')`.execute(
      db,
    );

    const fresh = await createTestDatabase(engine);
    databases.push(fresh);
    const freshSnapshot = await schemaSnapshot(fresh.db);
    expect(Object.keys(freshSnapshot.tables).length).toBeGreaterThan(30);
    expect(freshSnapshot.indexes.length).toBeGreaterThan(20);
    // The comparison can tell the releases apart…
    expect(await schemaSnapshot(db)).not.toEqual(freshSnapshot);
    await migrateToLatest(db, features.migrations);
    // …and after upgrading there is nothing left to tell.
    expect(await schemaProblems(db, features.migrations)).toEqual([]);
    expect(await schemaSnapshot(db)).toEqual(freshSnapshot);

    // What people had is still theirs: the password (moved out of people) and the sign-in session (renamed table).
    expect(await db.selectFrom('passwords').select(['person_id', 'hash']).execute()).toEqual([
      { person_id: 'person-1', hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA' },
    ]);
    expect(await db.selectFrom('sign_in_sessions').select(['id', 'person_id']).execute()).toEqual([{ id: 'session-1', person_id: 'person-1' }]);
  });
});
