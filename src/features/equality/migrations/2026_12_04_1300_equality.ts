import type { Kysely } from 'kysely';

// Equality information each person gives voluntarily: one row a person, each answer optional.
// Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('equality_answers')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('sex', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('disability', 'text')
    .addColumn('age_band', 'text')
    .addColumn('working_pattern', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('equality_answers_organisation').on('equality_answers').column('organisation_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('equality_answers').execute();
}
