import type { Kysely } from 'kysely';

// The status list entries of certificates whose holder was erased: the certificate row goes (it names
// them), but its entry stays taken and, if revoked, set, so the signed list stays right. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('certificate_erasures')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status_index', 'integer', (c) => c.notNull())
    // 1: the credential is revoked; 0: it stays valid.
    .addColumn('revoked', 'integer', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('certificate_erasures_pk', ['organisation_id', 'status_index'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('certificate_erasures').execute();
}
