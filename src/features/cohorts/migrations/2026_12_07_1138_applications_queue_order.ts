import { type Kysely, sql } from 'kysely';

// A round's applications list pages by keyset in the order oldest submission first, then id, where
// a draft withdrawn before it was sent (no submission time) sorts as the empty text. The index holds
// exactly that expression, so both engines read a page as a range of it. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index applications_cohort_queue on applications (cohort_id, (coalesce(submitted_at, '')), id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('applications_cohort_queue').execute();
}
