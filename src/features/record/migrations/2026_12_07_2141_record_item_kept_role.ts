import type { Kysely } from 'kysely';

// Frozen once landed. A role held that the person includes in their record keeps a copy of what it
// said (JSON: job title, level, school, organisation, from and to): the school's role history of a
// leaver is removed after its retention period, but what the person chose to keep stays with them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('record_items').addColumn('kept', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('record_items').dropColumn('kept').execute();
}
