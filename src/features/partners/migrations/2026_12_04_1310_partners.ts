import type { Kysely } from 'kysely';

// Open programmes and outside applicants: who a programme's cohorts are open to, sign-ups by work
// email from other schools' staff, and the school each outside applicant named. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('programme_openings')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('open_to', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('programme_opening_partners')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programme_openings.programme_id'))
    .addColumn('partner_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('programme_opening_partners_pk', ['programme_id', 'partner_organisation_id'])
    .execute();

  await db.schema
    .createTable('outside_sign_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_normalised', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('outside_applicants')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('urn', 'text', (c) => c.notNull().references('establishments.urn'))
    .addColumn('headteacher_name', 'text', (c) => c.notNull())
    .addColumn('headteacher_email', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outside_applicants_urn').on('outside_applicants').column('urn').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outside_applicants').execute();
  await db.schema.dropTable('outside_sign_ups').execute();
  await db.schema.dropTable('programme_opening_partners').execute();
  await db.schema.dropTable('programme_openings').execute();
}
