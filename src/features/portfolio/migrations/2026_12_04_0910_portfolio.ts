import type { Kysely } from 'kysely';

// The portfolio: entries, their attachments (files in stored_files, or links) and verification
// requests. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portfolio_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reflection', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('hours', 'double precision')
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('source_path', 'text')
    .addColumn('verification_id', 'text')
    .addColumn('verification_cleared_at', 'text')
    .addColumn('verification_cleared_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portfolio_entries_person').on('portfolio_entries').columns(['person_id', 'started_on']).execute();

  await db.schema
    .createTable('portfolio_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('portfolio_entries.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('file_id', 'text', (c) => c.references('stored_files.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portfolio_attachments_entry').on('portfolio_attachments').column('entry_id').execute();

  await db.schema
    .createTable('portfolio_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('portfolio_entries.id'))
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('verifier_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('verifier_name', 'text', (c) => c.notNull())
    .addColumn('verifier_email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verifier_role', 'text')
    .addColumn('statement', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('portfolio_verifications_entry').on('portfolio_verifications').columns(['entry_id', 'status']).execute();
  await db.schema.createIndex('portfolio_verifications_verifier').on('portfolio_verifications').columns(['verifier_person_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['portfolio_verifications', 'portfolio_attachments', 'portfolio_entries']) await db.schema.dropTable(table).execute();
}
