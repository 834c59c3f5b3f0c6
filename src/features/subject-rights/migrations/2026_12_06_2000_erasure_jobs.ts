import type { Kysely } from 'kysely';

// Erasure jobs: an erasure carried out one feature at a time, each step in its own transaction and
// recorded when done, so an erasure stopped part-way (a crash, a failing step) is resumed by the
// worker. `subject` holds what the steps need to find the person (their id, names and email) until
// the job finishes, when it is cleared. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('erasure_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('credentials', 'text', (c) => c.notNull())
    .addColumn('former_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('subject', 'text')
    .addColumn('steps_done', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('erasure_id', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('erasure_jobs_unfinished').on('erasure_jobs').columns(['finished_at', 'started_at']).execute();
  await db.schema.createIndex('erasure_jobs_organisation').on('erasure_jobs').columns(['organisation_id', 'started_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('erasure_jobs').execute();
}
