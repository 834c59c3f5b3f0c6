import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../../test/support/database';
import { TestClient } from '../../../test/support/http';
import { createApp } from '../../app';
import { loadConfig } from '../../config';
import { FixedClock } from '../../platform/db/clock';
import { migrateToLatest } from '../../platform/db/migrate';
import { hashToken, newToken } from '../../platform/http/tokens';
import { silentLogger } from '../../platform/log';
import { memoryMailer } from '../../platform/mail/mailer';
import { features } from '../index';
import { hashPassword } from './auth.service';

/** The migrations that had run before passwords moved out of the staff record. */
const beforePasswordsMoved = Object.fromEntries(Object.entries(features.migrations).filter(([name]) => name < '2026_12_03_1700_passwords'));

for (const engine of testEngines()) {
  describe(`passwords move to auth, and sign-in sessions get their own table name [${engine}]`, () => {
    it('people keep their passwords and stay signed in; people who had none still have none', async () => {
      const database = await createTestDatabase(engine, beforePasswordsMoved);
      try {
        const { db } = database;
        const at = '2026-11-20T09:00:00.000Z';
        const password = 'a password set before the move';
        const cookieToken = newToken();
        // The schema of the time: written in SQL, as the app's types no longer have these columns.
        await sql`INSERT INTO organisations (id, name, created_at, updated_at) VALUES ('org-1', 'Fenland Schools Trust', ${at}, ${at})`.execute(db);
        for (const [id, email, hash] of [
          ['person-1', 'ruth@fenland.example.org', await hashPassword(password)],
          ['person-2', 'mina@fenland.example.org', null],
        ]) {
          await sql`INSERT INTO people (id, organisation_id, given_name, family_name, email, email_normalised, staff_type, search_text, status, password_hash, created_at, updated_at)
            VALUES (${id}, 'org-1', 'Ruth', 'Adebayo', ${email}, ${email}, 'teaching', ${email}, 'active', ${hash}, ${at}, ${at})`.execute(db);
        }
        await sql`INSERT INTO sessions (id, person_id, token_hash, user_agent, ip_address, created_at, last_seen_at, expires_at)
          VALUES ('browser-1', 'person-1', ${hashToken(cookieToken)}, NULL, NULL, ${at}, ${at}, '2026-12-31T00:00:00.000Z')`.execute(db);

        await migrateToLatest(db, features.migrations);

        expect(await db.selectFrom('passwords').select(['person_id', 'updated_at']).execute()).toEqual([{ person_id: 'person-1', updated_at: at }]);
        const columns = (await db.introspection.getTables()).find((table) => table.name === 'people')?.columns.map((column) => column.name);
        expect(columns).not.toContain('password_hash');
        expect(await db.selectFrom('sign_in_sessions').select('id').execute()).toEqual([{ id: 'browser-1' }]);
        const indexes =
          engine === 'sqlite'
            ? await sql<{
                name: string;
              }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sign_in_sessions' AND name NOT LIKE 'sqlite_autoindex%'`.execute(db)
            : await sql<{
                name: string;
              }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'sign_in_sessions' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'`.execute(
                db,
              );
        expect(indexes.rows.map((row) => row.name)).toEqual(['sign_in_sessions_person']);

        const app = createApp({
          db,
          config: loadConfig({ NODE_ENV: 'test', BASE_URL: 'http://localhost', LOG_LEVEL: 'silent' }),
          mailer: memoryMailer(),
          logger: silentLogger,
          clock: new FixedClock(new Date('2026-11-24T10:00:00.000Z')),
        });
        const stillSignedIn = await new TestClient(app).get('/account', { cookie: `waymark_session=${cookieToken}` });
        expect(stillSignedIn.status).toBe(200);
        expect((await new TestClient(app).post('/sign-in', { email: 'ruth@fenland.example.org', password })).status).toBe(303);
        expect((await new TestClient(app).post('/sign-in', { email: 'mina@fenland.example.org', password })).status).toBe(400);
      } finally {
        await database.destroy();
      }
    });
  });
}
