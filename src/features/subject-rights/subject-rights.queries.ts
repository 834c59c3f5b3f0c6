import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { ErasureJobsTable, ErasuresTable, SubjectAccessExportsTable } from './subject-rights.tables';

const exportColumns = [
  'id',
  'organisation_id',
  'person_id',
  'requested_by',
  'status',
  'size_bytes',
  'requested_at',
  'ready_at',
  'expires_at',
  'downloaded_at',
] as const;

export function insertExport(db: Executor, row: Insertable<SubjectAccessExportsTable>) {
  return db.insertInto('subject_access_exports').values(row).execute();
}

/** An export without its ZIP. */
export function findExport(db: Executor, id: string) {
  return db.selectFrom('subject_access_exports').select(exportColumns).where('id', '=', id).executeTakeFirst();
}

export function findExportZip(db: Executor, id: string) {
  return db.selectFrom('subject_access_exports').select(['zip']).where('id', '=', id).executeTakeFirst();
}

/** The organisation's exports, newest first, without their ZIPs; one person's when given. */
export function listExports(db: Executor, organisationId: string, personId?: string) {
  let query = db.selectFrom('subject_access_exports').select(exportColumns).where('organisation_id', '=', organisationId);
  if (personId) query = query.where('person_id', '=', personId);
  return query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(50).execute();
}

export function markExportReady(trx: Executor, id: string, zip: Buffer, at: string, expiresAt: string) {
  return trx
    .updateTable('subject_access_exports')
    .set({ status: 'ready', zip: zip.toString('base64'), size_bytes: zip.length, ready_at: at, expires_at: expiresAt })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

export function markExportFailed(db: Executor, id: string) {
  return db.updateTable('subject_access_exports').set({ status: 'failed' }).where('id', '=', id).where('status', '=', 'queued').execute();
}

export function markExportDownloaded(db: Executor, id: string, at: string) {
  return db.updateTable('subject_access_exports').set({ downloaded_at: at }).where('id', '=', id).execute();
}

/** Deletes the ZIPs of exports past their expiry; gives how many. */
export async function expireExports(db: Executor, now: string): Promise<number> {
  const result = await db
    .updateTable('subject_access_exports')
    .set({ status: 'expired', zip: null })
    .where('status', '=', 'ready')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function insertErasure(trx: Executor, row: Insertable<ErasuresTable>) {
  return trx.insertInto('erasures').values(row).execute();
}

export function findErasure(db: Executor, id: string) {
  return db.selectFrom('erasures').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listErasures(db: Executor, organisationId: string) {
  return db
    .selectFrom('erasures')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('erased_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}

export function insertErasureJob(trx: Executor, row: Insertable<ErasureJobsTable>) {
  return trx.insertInto('erasure_jobs').values(row).execute();
}

export function findErasureJob(db: Executor, id: string) {
  return db.selectFrom('erasure_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateErasureJob(db: Executor, id: string, values: Updateable<ErasureJobsTable>) {
  return db.updateTable('erasure_jobs').set(values).where('id', '=', id).execute();
}

export function listUnfinishedErasureJobs(db: Executor) {
  return db.selectFrom('erasure_jobs').select(['id', 'organisation_id', 'started_at']).where('finished_at', 'is', null).orderBy('started_at').execute();
}

/** The organisation's unfinished jobs with what finds each person (to find the job erasing someone). */
export function listUnfinishedErasureJobsWithSubject(db: Executor, organisationId: string) {
  return db
    .selectFrom('erasure_jobs')
    .select(['id', 'subject'])
    .where('organisation_id', '=', organisationId)
    .where('finished_at', 'is', null)
    .orderBy('started_at')
    .execute();
}

/**
 * Locks an erasure job's row for the rest of the transaction (a write that changes nothing: a row lock
 * on PostgreSQL, the write lock on SQLite), then reads it, so two workers never run its steps at once.
 */
export async function lockErasureJob(trx: Executor, id: string) {
  await trx
    .updateTable('erasure_jobs')
    .set((eb) => ({ steps_done: eb.ref('steps_done') }))
    .where('id', '=', id)
    .execute();
  return findErasureJob(trx, id);
}

/** The organisation's erasures in progress, and those finished since `finishedSince`, newest first (naming no one). */
export function listErasureJobs(db: Executor, organisationId: string, finishedSince: string) {
  return db
    .selectFrom('erasure_jobs')
    .select(['id', 'requested_by', 'started_at', 'finished_at', 'erasure_id', 'steps_done', 'last_error'])
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('finished_at', 'is', null), eb('finished_at', '>=', finishedSince)]))
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}
