import type { Executor } from '../../platform/db/database';

/** An organisation's own periods, by record type key (record types it never changed are absent). */
export async function findRetentionPeriods(db: Executor, organisationId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('retention_periods').select(['record_type', 'months']).where('organisation_id', '=', organisationId).execute();
  return new Map(rows.map((r) => [r.record_type, Number(r.months)]));
}

export async function saveRetentionPeriod(
  trx: Executor,
  row: { organisationId: string; recordType: string; months: number; updatedBy: string | null; updatedAt: string },
): Promise<void> {
  await trx
    .insertInto('retention_periods')
    .values({ organisation_id: row.organisationId, record_type: row.recordType, months: row.months, updated_by: row.updatedBy, updated_at: row.updatedAt })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'record_type']).doUpdateSet({ months: row.months, updated_by: row.updatedBy, updated_at: row.updatedAt }),
    )
    .execute();
}

/**
 * Claims today's run of one record type for one organisation: false when another worker (or an
 * earlier sweep today) already has it, so a record type runs once a day however many workers run.
 */
export async function claimRetentionRun(
  trx: Executor,
  run: { id: string; organisationId: string; recordType: string; runOn: string; cutoff: string; createdAt: string },
): Promise<boolean> {
  const result = await trx
    .insertInto('retention_runs')
    .values({
      id: run.id,
      organisation_id: run.organisationId,
      record_type: run.recordType,
      run_on: run.runOn,
      cutoff: run.cutoff,
      affected: 0,
      created_at: run.createdAt,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'record_type', 'run_on']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setRunAffected(trx: Executor, id: string, affected: number): Promise<void> {
  await trx.updateTable('retention_runs').set({ affected }).where('id', '=', id).execute();
}

/** The organisation's most recent runs, newest first. */
export function listRetentionRuns(db: Executor, organisationId: string, limit: number) {
  return db
    .selectFrom('retention_runs')
    .select(['id', 'record_type', 'run_on', 'cutoff', 'affected', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('record_type')
    .limit(limit)
    .execute();
}
