import type { Kysely } from 'kysely';

// Frozen once landed. A person's own account above their staff records: a personal email (confirmed
// by a link) and a Teacher Reference Number, the staff records linked to it, the links sent to the
// personal address, and browsers signed in to the personal account only (a leaver's own record).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('personal_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('personal_email', 'text')
    .addColumn('personal_email_normalised', 'text', (c) => c.unique())
    .addColumn('confirmed_at', 'text')
    .addColumn('pending_email', 'text')
    .addColumn('trn', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('personal_account_people')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('personal_accounts.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('personal_account_people_account').on('personal_account_people').column('account_id').execute();

  await db.schema
    .createTable('personal_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('personal_accounts.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('personal_tokens_account').on('personal_tokens').columns(['account_id', 'purpose']).execute();

  await db.schema
    .createTable('personal_sign_in_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('personal_accounts.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('personal_sign_in_sessions_account').on('personal_sign_in_sessions').column('account_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['personal_sign_in_sessions', 'personal_tokens', 'personal_account_people', 'personal_accounts']) await db.schema.dropTable(table).execute();
}
