import { type Kysely, sql } from 'kysely';

// Frozen once landed. The roles a person has held (job title, leadership level, school, from and to
// dates): a change to the staff record keeps the old role instead of overwriting it. At most one
// open row (no end date) per person.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('roles_held')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('job_title', 'text')
    .addColumn('leadership_level', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.references('schools.id'))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roles_held_person').on('roles_held').columns(['person_id', 'started_on']).execute();
  await db.schema.createIndex('roles_held_organisation').on('roles_held').columns(['organisation_id', 'started_on']).execute();
  await db.schema
    .createIndex('roles_held_one_open')
    .on('roles_held')
    .column('person_id')
    .unique()
    .where(sql.ref('ended_on'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('roles_held').execute();
}
