import type { Kysely } from 'kysely';

// Careers: a next step from a career conversation can link to a development directory entry or a
// programme, as well as to a "have a go" opportunity. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('careers_actions').addColumn('directory_item_id', 'text').execute();
  await db.schema.alterTable('careers_actions').addColumn('programme_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('careers_actions').dropColumn('programme_id').execute();
  await db.schema.alterTable('careers_actions').dropColumn('directory_item_id').execute();
}
