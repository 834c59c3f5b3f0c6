import type { Kysely } from 'kysely';

// The shared library: framework versions and programme designs organisations share with the whole
// installation (kept as they were when shared), and each copy another organisation made. Frozen
// once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('library_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_by', 'text', (c) => c.references('people.id'))
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('library_items_listed').on('library_items').columns(['withdrawn_at', 'published_at']).execute();
  await db.schema.createIndex('library_items_org').on('library_items').columns(['organisation_id', 'published_at']).execute();

  await db.schema
    .createTable('library_copies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('library_items.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('copy_id', 'text', (c) => c.notNull())
    .addColumn('copied_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('copied_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('library_copies_item').on('library_copies').columns(['item_id', 'copied_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('library_copies').execute();
  await db.schema.dropTable('library_items').execute();
}
