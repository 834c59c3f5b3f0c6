import type { Kysely } from 'kysely';

// A framework copied from the shared library says where it came from, in one sentence
// ("Copied from Riverside Learning Trust's Middle Leadership framework, version 2, CC BY 4.0, on
// 4 December 2026"); NULL for a framework the organisation wrote or imported. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('frameworks').addColumn('copied_from', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('frameworks').dropColumn('copied_from').execute();
}
