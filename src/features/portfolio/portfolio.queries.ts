import type { Executor } from '../../platform/db/database';
import type { PortfolioAttachmentsTable, PortfolioEntriesTable, PortfolioVerificationsTable, VerificationStatus } from './portfolio.tables';
import type { Insertable, Updateable } from 'kysely';

export function listEntriesOf(db: Executor, personId: string) {
  return db.selectFrom('portfolio_entries').selectAll().where('person_id', '=', personId).orderBy('started_on', 'desc').orderBy('created_at', 'desc').execute();
}

export function findEntry(db: Executor, entryId: string) {
  return db.selectFrom('portfolio_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
}

export async function insertEntry(trx: Executor, row: Insertable<PortfolioEntriesTable>): Promise<void> {
  await trx.insertInto('portfolio_entries').values(row).execute();
}

export async function updateEntry(trx: Executor, id: string, values: Updateable<PortfolioEntriesTable>): Promise<void> {
  await trx.updateTable('portfolio_entries').set(values).where('id', '=', id).execute();
}

/** Adds an entry recorded by Waymark once: a second message about the same record changes nothing. */
export async function insertRecordedEntry(trx: Executor, row: Insertable<PortfolioEntriesTable>): Promise<void> {
  await trx
    .insertInto('portfolio_entries')
    .values(row)
    .onConflict((oc) => oc.column('source_key').doNothing())
    .execute();
}

export function findEntryBySourceKey(db: Executor, key: string) {
  return db.selectFrom('portfolio_entries').selectAll().where('source_key', '=', key).executeTakeFirst();
}

export function listAttachments(db: Executor, entryIds: string[]) {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('portfolio_attachments')
    .leftJoin('stored_files', 'stored_files.id', 'portfolio_attachments.file_id')
    .select([
      'portfolio_attachments.id',
      'portfolio_attachments.entry_id',
      'portfolio_attachments.title',
      'portfolio_attachments.url',
      'portfolio_attachments.file_id',
      'portfolio_attachments.added_at',
      'stored_files.file_name',
      'stored_files.size_bytes',
      'stored_files.content_type',
    ])
    .where('portfolio_attachments.entry_id', 'in', entryIds)
    .orderBy('portfolio_attachments.added_at')
    .orderBy('portfolio_attachments.id')
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof listAttachments>>[number];

export function findAttachment(db: Executor, entryId: string, attachmentId: string) {
  return db.selectFrom('portfolio_attachments').selectAll().where('entry_id', '=', entryId).where('id', '=', attachmentId).executeTakeFirst();
}

export async function countAttachments(db: Executor, entryId: string): Promise<number> {
  const row = await db
    .selectFrom('portfolio_attachments')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('entry_id', '=', entryId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertAttachment(trx: Executor, row: Insertable<PortfolioAttachmentsTable>): Promise<void> {
  await trx.insertInto('portfolio_attachments').values(row).execute();
}

export async function deleteAttachment(trx: Executor, id: string): Promise<void> {
  await trx.deleteFrom('portfolio_attachments').where('id', '=', id).execute();
}

export function listVerifications(db: Executor, entryIds: string[]) {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('portfolio_verifications').selectAll().where('entry_id', 'in', entryIds).orderBy('requested_at', 'desc').orderBy('id').execute();
}

export function findVerification(db: Executor, id: string) {
  return db.selectFrom('portfolio_verifications').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findVerificationByTokenHash(db: Executor, tokenHash: string) {
  return db.selectFrom('portfolio_verifications').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function insertVerification(trx: Executor, row: Insertable<PortfolioVerificationsTable>): Promise<void> {
  await trx.insertInto('portfolio_verifications').values(row).execute();
}

/** Withdraws the entry's pending requests (a new one replaces them): their links stop working. */
export async function withdrawPending(trx: Executor, entryId: string, at: string): Promise<void> {
  await trx
    .updateTable('portfolio_verifications')
    .set({ status: 'withdrawn', answered_at: at })
    .where('entry_id', '=', entryId)
    .where('status', '=', 'pending')
    .execute();
}

/** Records an answer if the request is still pending; false when someone got there first. */
export async function answerVerification(
  trx: Executor,
  id: string,
  values: {
    status: Exclude<VerificationStatus, 'pending' | 'withdrawn'>;
    verifier_role: string | null;
    statement: string | null;
    decline_reason: string | null;
    answered_at: string;
  },
): Promise<boolean> {
  const result = await trx.updateTable('portfolio_verifications').set(values).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Requests waiting for this colleague's answer, with whose entry (`person_id`) and its title. */
export function listPendingFor(db: Executor, personId: string, now: string) {
  return db
    .selectFrom('portfolio_verifications')
    .innerJoin('portfolio_entries', 'portfolio_entries.id', 'portfolio_verifications.entry_id')
    .select(['portfolio_verifications.id', 'portfolio_verifications.requested_at', 'portfolio_entries.title', 'portfolio_entries.person_id'])
    .where('portfolio_verifications.verifier_person_id', '=', personId)
    .where('portfolio_verifications.status', '=', 'pending')
    .where('portfolio_verifications.expires_at', '>', now)
    .orderBy('portfolio_verifications.requested_at')
    .execute();
}

/**
 * Per person, the entries that count as evidence: verified by someone else, or recorded by Waymark,
 * with a reflection. Their skills, for the completion evaluator.
 */
export function listEvidenceOf(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('portfolio_entries')
    .select(['person_id', 'skills'])
    .where('person_id', 'in', [...new Set(personIds)])
    .where('reflection', '!=', '')
    .where((eb) => eb.or([eb('verification_id', 'is not', null), eb('source', '=', 'waymark')]))
    .execute();
}

/** A person's entries that name any of these skills, for the skills profile. */
export function listEntriesForSkills(db: Executor, personId: string) {
  return db
    .selectFrom('portfolio_entries')
    .select(['id', 'title', 'skills', 'source', 'verification_id', 'reflection', 'started_on'])
    .where('person_id', '=', personId)
    .where('skills', '!=', '[]')
    .orderBy('started_on', 'desc')
    .execute();
}

/** Deletes an entry with its attachments' rows and its verification requests (their links stop working); returns the entry's stored files to delete. */
export async function deleteEntry(trx: Executor, entryId: string): Promise<string[]> {
  const files = await trx.selectFrom('portfolio_attachments').select('file_id').where('entry_id', '=', entryId).where('file_id', 'is not', null).execute();
  await trx.deleteFrom('portfolio_attachments').where('entry_id', '=', entryId).execute();
  await trx.deleteFrom('portfolio_verifications').where('entry_id', '=', entryId).execute();
  await trx.deleteFrom('portfolio_entries').where('id', '=', entryId).execute();
  return files.flatMap((f) => (f.file_id ? [f.file_id] : []));
}
