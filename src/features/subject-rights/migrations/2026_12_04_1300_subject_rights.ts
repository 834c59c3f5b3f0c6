import type { Kysely } from 'kysely';

// Subject access exports (the ZIP the worker makes, until it expires) and erasures carried out. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subject_access_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('zip', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('ready_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('downloaded_at', 'text')
    .execute();
  await db.schema.createIndex('subject_access_exports_organisation').on('subject_access_exports').columns(['organisation_id', 'requested_at']).execute();
  await db.schema.createIndex('subject_access_exports_person').on('subject_access_exports').column('person_id').execute();

  await db.schema
    .createTable('erasures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('former_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('credentials', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('erasures_organisation').on('erasures').columns(['organisation_id', 'erased_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('erasures').execute();
  await db.schema.dropTable('subject_access_exports').execute();
}
