import type { Kysely } from 'kysely';

// Single sign-on with Microsoft Entra ID and Google Workspace. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An organisation's set-up with one provider: at most one per provider.
  await db.schema
    .createTable('sso_connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    // Microsoft: the tenant ids allowed (JSON array; one is a single-tenant set-up). Google: the Workspace domains (JSON array).
    .addColumn('tenant_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('domains', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    // Encrypted with SIGNING_KEYS_SECRET (AES-256-GCM), never stored in the clear.
    .addColumn('client_secret_sealed', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_connections_organisation_provider').on('sso_connections').columns(['organisation_id', 'provider']).unique().execute();

  // A person bound to their account at a provider: Entra `tid:oid`, Google `sub`.
  await db.schema
    .createTable('sso_identities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('email_at_binding', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_identities_subject').on('sso_identities').columns(['provider', 'subject']).unique().execute();
  await db.schema.createIndex('sso_identities_person').on('sso_identities').columns(['person_id', 'provider']).unique().execute();

  // A sign-in on its way through the provider: single use, short-lived, tied to one browser.
  await db.schema
    .createTable('sso_sign_in_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull().references('sso_connections.id').onDelete('cascade'))
    .addColumn('state_hash', 'text', (c) => c.notNull().unique())
    .addColumn('browser_hash', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('next', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_sign_in_attempts_expires').on('sso_sign_in_attempts').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sso_sign_in_attempts').execute();
  await db.schema.dropTable('sso_identities').execute();
  await db.schema.dropTable('sso_connections').execute();
}
