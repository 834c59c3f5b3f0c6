import type { Kysely } from 'kysely';

// Frozen once landed. "Sessions" meant both signed-in browsers and training sessions: the auth
// table says which it is. Its index is made again under the new name (SQLite can't rename an index).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').renameTo('sign_in_sessions').execute();
  await db.schema.dropIndex('sessions_person').execute();
  await db.schema.createIndex('sign_in_sessions_person').on('sign_in_sessions').column('person_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sign_in_sessions_person').execute();
  await db.schema.alterTable('sign_in_sessions').renameTo('sessions').execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();
}
