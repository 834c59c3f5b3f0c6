import type { Kysely } from 'kysely';

// Public taster sessions and events, and sign-ups to them by email. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_tasters')
    .addColumn('session_id', 'text', (c) => c.primaryKey().references('sessions_events.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('made_public_by', 'text', (c) => c.references('people.id'))
    .addColumn('made_public_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('taster_sign_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions_events.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_normalised', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addUniqueConstraint('taster_sign_ups_one_per_email', ['session_id', 'email_normalised'])
    .execute();
  await db.schema.createIndex('taster_sign_ups_email').on('taster_sign_ups').column('email_normalised').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('taster_sign_ups').execute();
  await db.schema.dropTable('public_tasters').execute();
}
