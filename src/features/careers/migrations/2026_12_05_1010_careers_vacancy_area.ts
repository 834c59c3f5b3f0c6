import { type Kysely, sql } from 'kysely';

// Careers: where a person looks for vacancies — near their organisation's schools (its local
// authorities), in postcode districts they choose, or anywhere in England. Those who had chosen
// districts keep them; those who had left them empty were looking everywhere. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('careers_vacancy_settings')
    .addColumn('area', 'text', (c) => c.notNull().defaultTo('chosen'))
    .execute();
  await sql`update careers_vacancy_settings set area = 'anywhere' where districts = '[]'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('careers_vacancy_settings').dropColumn('area').execute();
}
