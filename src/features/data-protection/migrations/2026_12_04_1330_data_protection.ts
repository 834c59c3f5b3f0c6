import type { Kysely } from 'kysely';

// Data protection: each organisation's retention periods, the log of what the retention sweep did,
// and the audit log's "person affected" column (the platform's table; added here, with the feature
// that filters by it, so the audit log viewer can find everything about one person). Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('retention_periods')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_periods_pk', ['organisation_id', 'record_type'])
    .execute();
  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('run_on', 'text', (c) => c.notNull())
    .addColumn('cutoff', 'text', (c) => c.notNull())
    .addColumn('affected', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('retention_runs_once_a_day').on('retention_runs').columns(['organisation_id', 'record_type', 'run_on']).unique().execute();
  await db.schema.createIndex('retention_runs_org_time').on('retention_runs').columns(['organisation_id', 'created_at']).execute();
  await db.schema.alterTable('audit_events').addColumn('person_id', 'text').execute();
  await db.schema.createIndex('audit_events_org_person_time').on('audit_events').columns(['organisation_id', 'person_id', 'created_at']).execute();
  await db.schema.createIndex('audit_events_org_actor_time').on('audit_events').columns(['organisation_id', 'actor_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_org_actor_time').execute();
  await db.schema.dropIndex('audit_events_org_person_time').execute();
  await db.schema.alterTable('audit_events').dropColumn('person_id').execute();
  await db.schema.dropTable('retention_runs').execute();
  await db.schema.dropTable('retention_periods').execute();
}
