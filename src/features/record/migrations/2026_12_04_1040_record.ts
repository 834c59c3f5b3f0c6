import type { Kysely } from 'kysely';

// The leadership record: what the person includes, their personal statement, the links they share
// it by, and each view of a link. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('record_items')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('record_items_pk', ['person_id', 'kind', 'item_id'])
    .execute();

  await db.schema
    .createTable('record_statements')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('record_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('include_statement', 'integer', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_shares_person').on('record_shares').columns(['person_id', 'created_at']).execute();

  await db.schema
    .createTable('record_share_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('share_id', 'text', (c) => c.notNull().references('record_shares.id'))
    .addColumn('viewed_at', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_share_views_share').on('record_share_views').columns(['share_id', 'viewed_at']).execute();
}
