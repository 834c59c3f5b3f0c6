import { type Kysely, sql } from 'kysely';

// Open Badges 3.0 credentials: each organisation's signing keys, its signed status list, and each
// certificate's signed credential with its entry in that list. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('issuer_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('public_key_multibase', 'text', (c) => c.notNull().unique())
    // The private key (Multikey), encrypted with SIGNING_KEYS_SECRET.
    .addColumn('secret_key_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set when a newer key replaced it: it signs nothing more, but stays in the DID document.
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema.createIndex('issuer_keys_organisation').on('issuer_keys').columns(['organisation_id', 'created_at']).execute();
  // At most one current key per organisation.
  await sql`CREATE UNIQUE INDEX issuer_keys_current ON issuer_keys (organisation_id) WHERE retired_at IS NULL`.execute(db);

  await db.schema
    .createTable('certificate_status_lists')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    // The signed BitstringStatusListCredential (JSON), re-signed on every change.
    .addColumn('credential', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('certificates').addColumn('credential_id', 'text').execute();
  await db.schema.alterTable('certificates').addColumn('credential', 'text').execute();
  await db.schema.alterTable('certificates').addColumn('status_index', 'integer').execute();
  await db.schema.createIndex('certificates_credential_id').on('certificates').column('credential_id').unique().execute();
  await db.schema.createIndex('certificates_status_index').on('certificates').columns(['organisation_id', 'status_index']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('certificates_status_index').execute();
  await db.schema.dropIndex('certificates_credential_id').execute();
  await db.schema.alterTable('certificates').dropColumn('status_index').execute();
  await db.schema.alterTable('certificates').dropColumn('credential').execute();
  await db.schema.alterTable('certificates').dropColumn('credential_id').execute();
  await db.schema.dropTable('certificate_status_lists').execute();
  await db.schema.dropTable('issuer_keys').execute();
}
