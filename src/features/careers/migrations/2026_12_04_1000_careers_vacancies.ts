import type { Kysely } from 'kysely';

// Careers: leadership vacancies imported from a Teaching Vacancies feed (national, not an
// organisation's), and each person's vacancy settings. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('careers_vacancies')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text')
    .addColumn('district', 'text')
    .addColumn('job_roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('role_keys', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('date_posted', 'text')
    .addColumn('valid_through', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('careers_vacancies_district').on('careers_vacancies').columns(['district', 'valid_through']).execute();
  await db.schema.createIndex('careers_vacancies_valid').on('careers_vacancies').column('valid_through').execute();

  await db.schema
    .createTable('careers_vacancy_settings')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('districts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('careers_vacancy_settings').execute();
  await db.schema.dropTable('careers_vacancies').execute();
}
