import type { Kysely } from 'kysely';

// Completion confirmations and the certificates issued for them. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('completion_confirmations')
    .addColumn('enrolment_id', 'text', (c) => c.primaryKey().references('enrolments.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('exception_reason', 'text')
    .addColumn('confirmed_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    // One certificate per completed enrolment.
    .addColumn('enrolment_id', 'text', (c) => c.notNull().unique().references('enrolments.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('programme_title', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('cohort_name', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('exception_reason', 'text')
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('project_title', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('people.id'))
    .addColumn('revoked_reason', 'text')
    .execute();
  await db.schema.createIndex('certificates_person').on('certificates').column('person_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('certificates').execute();
  await db.schema.dropTable('completion_confirmations').execute();
}
