import type { Kysely } from 'kysely';

// A programme design copied from the shared library says where it came from, in one sentence;
// NULL for a programme the organisation designed itself. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programmes').addColumn('copied_from', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programmes').dropColumn('copied_from').execute();
}
