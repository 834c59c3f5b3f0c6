import type { Kysely } from 'kysely';

// The headteacher's support by email link, for applicants from schools not on Waymark: the school
// on the school list and the headteacher named on the application, and on the endorsement the
// headteacher asked (by name and email), the hash of their single-use link, when it expires, and
// the name and role they confirmed when answering. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('school_urn', 'text').execute();
  await db.schema.alterTable('applications').addColumn('headteacher_name', 'text').execute();
  await db.schema.alterTable('applications').addColumn('headteacher_email', 'text').execute();
  await db.schema.alterTable('endorsements').addColumn('endorser_name', 'text').execute();
  await db.schema.alterTable('endorsements').addColumn('endorser_email', 'text').execute();
  await db.schema.alterTable('endorsements').addColumn('token_hash', 'text').execute();
  await db.schema.alterTable('endorsements').addColumn('expires_at', 'text').execute();
  await db.schema.alterTable('endorsements').addColumn('answered_name', 'text').execute();
  await db.schema.alterTable('endorsements').addColumn('answered_role', 'text').execute();
  await db.schema.createIndex('endorsements_token_hash').on('endorsements').column('token_hash').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('endorsements_token_hash').execute();
  for (const column of ['answered_role', 'answered_name', 'expires_at', 'token_hash', 'endorser_email', 'endorser_name'])
    await db.schema.alterTable('endorsements').dropColumn(column).execute();
  for (const column of ['headteacher_email', 'headteacher_name', 'school_urn']) await db.schema.alterTable('applications').dropColumn(column).execute();
}
