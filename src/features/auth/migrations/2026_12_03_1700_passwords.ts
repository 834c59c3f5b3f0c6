import type { Kysely } from 'kysely';

// Frozen once landed. Passwords leave the staff record for a table of their own that only auth
// writes: one row per person who has set a password, none for someone who hasn't yet.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('passwords')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('passwords').execute();
}
