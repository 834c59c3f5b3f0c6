import type { Kysely } from 'kysely';

// Graduation ceremonies: an open event of kind `graduation` linked to the cohorts it celebrates,
// its order of proceedings, and the invitations sent (each person once). Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('graduations')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('sessions_events.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('proceedings', 'text', (c) => c.notNull())
    // 1: graduates' line managers are invited as guests.
    .addColumn('invite_line_managers', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('graduation_cohorts')
    .addColumn('event_id', 'text', (c) => c.notNull().references('graduations.event_id'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addPrimaryKeyConstraint('graduation_cohorts_pk', ['event_id', 'cohort_id'])
    .execute();
  await db.schema.createIndex('graduation_cohorts_cohort').on('graduation_cohorts').column('cohort_id').execute();
  await db.schema
    .createTable('graduation_invitations')
    .addColumn('event_id', 'text', (c) => c.notNull().references('graduations.event_id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    // 'graduate' or 'guest' (a graduate's line manager).
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('graduation_invitations_pk', ['event_id', 'person_id'])
    .execute();
  await db.schema.createIndex('graduation_invitations_person').on('graduation_invitations').column('person_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('graduation_invitations').execute();
  await db.schema.dropTable('graduation_cohorts').execute();
  await db.schema.dropTable('graduations').execute();
}
