import type { Kysely } from 'kysely';

// Record files a person brings in from another organisation or installation: the file as uploaded
// (checked again when they confirm), and each item brought in with where it came from and what the
// check on import found. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('record_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('bundle_id', 'text', (c) => c.notNull())
    .addColumn('brought_from', 'text', (c) => c.notNull())
    .addColumn('bundle', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text')
    .execute();
  await db.schema.createIndex('record_imports_person').on('record_imports').columns(['person_id', 'bundle_id']).execute();

  await db.schema
    .createTable('record_imported_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('record_imports.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('credential', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('brought_from', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_imported_items_person').on('record_imported_items').columns(['person_id', 'imported_at']).execute();
}
