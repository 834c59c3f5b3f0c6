import type { Kysely } from 'kysely';

// Frozen once landed. The staff record no longer holds a password (they are in `passwords` now).
// No index, constraint or view names the column, so SQLite (3.35+) and PostgreSQL both drop it in place.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('password_hash').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('password_hash', 'text').execute();
}
