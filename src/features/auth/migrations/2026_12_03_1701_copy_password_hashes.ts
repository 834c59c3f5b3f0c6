import { sql, type Kysely } from 'kysely';

// Frozen once landed. Data only: every password set so far moves to `passwords`. The staff record's
// last change is the nearest thing to when the password was set.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO passwords (person_id, hash, updated_at) SELECT id, password_hash, updated_at FROM people WHERE password_hash IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE people SET password_hash = (SELECT passwords.hash FROM passwords WHERE passwords.person_id = people.id)`.execute(db);
  await sql`DELETE FROM passwords`.execute(db);
}
