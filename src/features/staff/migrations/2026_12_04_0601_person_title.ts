import type { Kysely } from 'kysely';

// Frozen once landed. A title ("Mr", "Dr") on the staff record: pupils know their teachers as
// "Mr Walsh", so the class link names the teacher that way. Optional; without it the full name is used.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('title', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('title').execute();
}
