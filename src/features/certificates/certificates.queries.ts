import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { CertificatesTable, CompletionConfirmationsTable } from './certificates.tables';

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
