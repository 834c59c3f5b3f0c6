import type { Executor } from '../../platform/db/database';
import type { StaffImportsTable } from './staff-import.tables';

export async function insertImport(db: Executor, row: StaffImportsTable) {
  await db.insertInto('staff_imports').values(row).execute();
}

export function findImport(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('staff_imports').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** The latest imports of an organisation (or only those one person uploaded), without their content. */
export function listRecentImports(db: Executor, organisationId: string, createdBy: string | null, limit: number) {
  let query = db
    .selectFrom('staff_imports')
    .leftJoin('people', 'people.id', 'staff_imports.created_by')
    .select([
      'staff_imports.id',
      'staff_imports.file_name',
      'staff_imports.status',
      'staff_imports.summary',
      'staff_imports.created_at',
      'staff_imports.applied_at',
      'people.given_name',
      'people.family_name',
    ])
    .where('staff_imports.organisation_id', '=', organisationId);
  if (createdBy) query = query.where('staff_imports.created_by', '=', createdBy);
  return query.orderBy('staff_imports.created_at', 'desc').orderBy('staff_imports.id', 'desc').limit(limit).execute();
}

export async function updateImportMapping(db: Executor, id: string, columnMapping: string) {
  await db.updateTable('staff_imports').set({ column_mapping: columnMapping }).where('id', '=', id).where('status', '=', 'previewed').execute();
}

/**
 * Marks a previewed import as applied. False when it already was: the conditional update also makes
 * a second, simultaneous apply wait for the first (PostgreSQL row lock; SQLite's single writer).
 */
export async function claimImportForApply(db: Executor, id: string, appliedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('staff_imports')
    .set({ status: 'applied', applied_at: appliedAt })
    .where('id', '=', id)
    .where('status', '=', 'previewed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records what an apply did, and lets go of the uploaded file: staff personal data is not kept longer than needed. */
export async function saveImportSummary(db: Executor, id: string, summary: string) {
  await db.updateTable('staff_imports').set({ summary, content: '' }).where('id', '=', id).execute();
}

/** Discards previewed imports (the file's content with them); false when there was nothing to discard. */
export async function discardImports(db: Executor, where: { id: string } | { organisationId: string; createdBefore: string }): Promise<boolean> {
  let query = db.updateTable('staff_imports').set({ status: 'discarded', content: '' }).where('status', '=', 'previewed');
  query =
    'id' in where ? query.where('id', '=', where.id) : query.where('organisation_id', '=', where.organisationId).where('created_at', '<', where.createdBefore);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
