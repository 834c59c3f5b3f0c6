import type { Insertable } from 'kysely';
import { engineOfDb } from '../../platform/db/connect';
import type { Executor } from '../../platform/db/database';
import type { CertificateStatusListsTable, CertificatesTable, CompletionConfirmationsTable, IssuerKeysTable } from './certificates.tables';

export function insertConfirmation(trx: Executor, row: Insertable<CompletionConfirmationsTable>) {
  return trx.insertInto('completion_confirmations').values(row).execute();
}

export function findConfirmation(db: Executor, enrolmentId: string) {
  return db.selectFrom('completion_confirmations').selectAll().where('enrolment_id', '=', enrolmentId).executeTakeFirst();
}

export function insertCertificate(db: Executor, row: Insertable<CertificatesTable>) {
  return db.insertInto('certificates').values(row).execute();
}

export function findCertificateByCode(db: Executor, code: string) {
  return db.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findCertificateOfEnrolment(db: Executor, enrolmentId: string) {
  return db.selectFrom('certificates').selectAll().where('enrolment_id', '=', enrolmentId).executeTakeFirst();
}

/** The codes of the certificates issued for these enrolments, by enrolment. */
export async function codesOfEnrolments(db: Executor, enrolmentIds: string[]): Promise<Map<string, { code: string; revoked: boolean }>> {
  if (enrolmentIds.length === 0) return new Map();
  const rows = await db.selectFrom('certificates').select(['enrolment_id', 'code', 'revoked_at']).where('enrolment_id', 'in', enrolmentIds).execute();
  return new Map(rows.map((r) => [r.enrolment_id, { code: r.code, revoked: r.revoked_at !== null }]));
}

/** A person's certificates, newest first. */
export function listCertificatesOf(db: Executor, personId: string) {
  return db.selectFrom('certificates').selectAll().where('person_id', '=', personId).orderBy('completed_at', 'desc').orderBy('id').execute();
}

/** Revokes a certificate that is not revoked yet; false when it already was. */
export async function revokeCertificate(
  trx: Executor,
  id: string,
  change: { revoked_at: string; revoked_by: string; revoked_reason: string },
): Promise<boolean> {
  const result = await trx.updateTable('certificates').set(change).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ----- Signing keys and status lists -----

export function findCurrentIssuerKey(db: Executor, organisationId: string) {
  return db.selectFrom('issuer_keys').selectAll().where('organisation_id', '=', organisationId).where('retired_at', 'is', null).executeTakeFirst();
}

/** The organisation's keys, current first, then the earlier ones newest first. */
export function listIssuerKeys(db: Executor, organisationId: string) {
  return db
    .selectFrom('issuer_keys')
    .select(['id', 'organisation_id', 'public_key_multibase', 'created_at', 'retired_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Every organisation's keys (for the installation's DID document). */
export function listAllIssuerKeys(db: Executor) {
  return db.selectFrom('issuer_keys').select(['organisation_id', 'public_key_multibase']).orderBy('organisation_id').orderBy('created_at', 'desc').execute();
}

export function insertIssuerKey(db: Executor, row: Insertable<IssuerKeysTable>) {
  return db.insertInto('issuer_keys').values(row).execute();
}

export function retireIssuerKeys(trx: Executor, organisationId: string, at: string) {
  return trx.updateTable('issuer_keys').set({ retired_at: at }).where('organisation_id', '=', organisationId).where('retired_at', 'is', null).execute();
}

/** The status list row, locked for the rest of the transaction on PostgreSQL (SQLite's single writer already serialises). */
export function lockStatusList(trx: Executor, organisationId: string) {
  const query = trx.selectFrom('certificate_status_lists').select('organisation_id').where('organisation_id', '=', organisationId);
  return engineOfDb(trx) === 'postgres' ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

export function findStatusList(db: Executor, organisationId: string) {
  return db.selectFrom('certificate_status_lists').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function statusListExists(db: Executor, organisationId: string): Promise<boolean> {
  return !!(await db.selectFrom('certificate_status_lists').select('organisation_id').where('organisation_id', '=', organisationId).executeTakeFirst());
}

export function saveStatusList(db: Executor, row: Insertable<CertificateStatusListsTable>) {
  return db
    .insertInto('certificate_status_lists')
    .values(row)
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ credential: row.credential, updated_at: row.updated_at }))
    .execute();
}

/** The status list entries of the organisation's revoked certificates. */
export async function revokedStatusIndexes(db: Executor, organisationId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('certificates')
    .select('status_index')
    .where('organisation_id', '=', organisationId)
    .where('revoked_at', 'is not', null)
    .where('status_index', 'is not', null)
    .execute();
  const erased = await db
    .selectFrom('certificate_erasures')
    .select('status_index')
    .where('organisation_id', '=', organisationId)
    .where('revoked', '=', 1)
    .execute();
  return [...rows, ...erased].map((r) => Number(r.status_index));
}

/** Whether the organisation already uses this status list entry. */
export async function statusIndexTaken(db: Executor, organisationId: string, index: number): Promise<boolean> {
  return (
    !!(await db.selectFrom('certificates').select('id').where('organisation_id', '=', organisationId).where('status_index', '=', index).executeTakeFirst()) ||
    !!(await db
      .selectFrom('certificate_erasures')
      .select('status_index')
      .where('organisation_id', '=', organisationId)
      .where('status_index', '=', index)
      .executeTakeFirst())
  );
}

export function findCertificateByCredentialId(db: Executor, credentialId: string) {
  return db.selectFrom('certificates').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
}

/** Gives a certificate issued before credentials were signed its credential; false when it already has one. */
export async function attachCredential(
  trx: Executor,
  id: string,
  change: { credential_id: string; credential: string; status_index: number },
): Promise<boolean> {
  const result = await trx.updateTable('certificates').set(change).where('id', '=', id).where('credential', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Certificates without a signed credential yet (issued before credentials were signed), oldest first. */
export function certificatesWithoutCredential(db: Executor, limit: number) {
  return db.selectFrom('certificates').selectAll().where('credential', 'is', null).orderBy('issued_at').orderBy('id').limit(limit).execute();
}
