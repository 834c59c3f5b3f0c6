import type { Kysely } from 'kysely';

// Careers: the development directory (NPQs, the Chartered College, networks, local offers) and
// each person's mark on an item (interested, doing it, done). Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('careers_directory_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('starter_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('who_for', 'text', (c) => c.notNull())
    .addColumn('length', 'text', (c) => c.notNull())
    .addColumn('cost', 'text', (c) => c.notNull())
    .addColumn('skill_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('role_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('careers_directory_starter', ['organisation_id', 'starter_key'])
    .execute();

  await db.schema
    .createTable('careers_directory_marks')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('careers_directory_items.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('careers_directory_marks_pk', ['person_id', 'item_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('careers_directory_marks').execute();
  await db.schema.dropTable('careers_directory_items').execute();
}
