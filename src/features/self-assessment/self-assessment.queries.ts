import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { Checkpoint, SelfAssessmentEvidenceFilesTable, SelfAssessmentRatingsTable, SelfAssessmentStatus } from './self-assessment.tables';

export function findPlan(db: Executor, programmeId: string) {
  return db
    .selectFrom('self_assessment_plans')
    .select(['programme_id', 'checkpoints', 'updated_at'])
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
}

export async function upsertPlan(trx: Executor, row: { programme_id: string; checkpoints: string; updated_by: string; updated_at: string }) {
  await trx
    .insertInto('self_assessment_plans')
    .values(row)
    .onConflict((oc) => oc.column('programme_id').doUpdateSet({ checkpoints: row.checkpoints, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

/** Every checkpoint's self-assessment for an enrolment. */
export function listAssessments(db: Executor, enrolmentId: string) {
  return db.selectFrom('self_assessments').selectAll().where('enrolment_id', '=', enrolmentId).execute();
}

export function findAssessment(db: Executor, enrolmentId: string, checkpoint: Checkpoint) {
  return db.selectFrom('self_assessments').selectAll().where('enrolment_id', '=', enrolmentId).where('checkpoint', '=', checkpoint).executeTakeFirst();
}

/** Ratings of the given self-assessments. */
export function listRatings(db: Executor, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('self_assessment_ratings').selectAll().where('self_assessment_id', 'in', assessmentIds).execute();
}

/** Creates the enrolment's self-assessment for a checkpoint if there is none yet; returns its row. */
export async function ensureAssessment(trx: Executor, values: { id: string; enrolment_id: string; checkpoint: Checkpoint; now: string }) {
  await trx
    .insertInto('self_assessments')
    .values({
      id: values.id,
      enrolment_id: values.enrolment_id,
      checkpoint: values.checkpoint,
      status: 'draft',
      created_at: values.now,
      updated_at: values.now,
      submitted_at: null,
    })
    .onConflict((oc) => oc.columns(['enrolment_id', 'checkpoint']).doNothing())
    .execute();
  return trx
    .selectFrom('self_assessments')
    .selectAll()
    .where('enrolment_id', '=', values.enrolment_id)
    .where('checkpoint', '=', values.checkpoint)
    .executeTakeFirstOrThrow();
}

/** Replaces the answers for some skills (one domain's) and leaves the others as they are. */
export async function replaceRatingsFor(
  trx: Executor,
  assessmentId: string,
  skillIds: string[],
  rows: Omit<SelfAssessmentRatingsTable, 'self_assessment_id'>[],
) {
  if (skillIds.length > 0)
    await trx.deleteFrom('self_assessment_ratings').where('self_assessment_id', '=', assessmentId).where('skill_id', 'in', skillIds).execute();
  if (rows.length > 0)
    await trx
      .insertInto('self_assessment_ratings')
      .values(rows.map((r) => ({ ...r, self_assessment_id: assessmentId })))
      .execute();
}

/** Marks a draft as saved or submitted; returns false when it was already submitted. */
export async function updateAssessment(trx: Executor, id: string, status: SelfAssessmentStatus, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('self_assessments')
    .set({ status, updated_at: now, submitted_at: status === 'submitted' ? now : null })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** For the completion engine: one checkpoint's status for many enrolments at once. */
export function listCheckpointStatuses(db: Executor, enrolmentIds: string[], checkpoint: Checkpoint) {
  return db
    .selectFrom('self_assessments')
    .select(['enrolment_id', 'status', 'submitted_at'])
    .where('enrolment_id', 'in', enrolmentIds)
    .where('checkpoint', '=', checkpoint)
    .execute();
}

/**
 * The ratings of the most recent submitted self-assessment among these enrolments (one person's),
 * for matching them with a mentor: skill id and rating, lowest first. "Not sure yet" is left out.
 */
export async function latestRatingsOf(db: Executor, enrolmentIds: string[]): Promise<{ skillId: string; rating: number }[]> {
  if (enrolmentIds.length === 0) return [];
  const latest = await db
    .selectFrom('self_assessments')
    .select('id')
    .where('enrolment_id', 'in', enrolmentIds)
    .where('status', '=', 'submitted')
    .orderBy('submitted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return [];
  const rows = await db
    .selectFrom('self_assessment_ratings')
    .select(['skill_id', 'rating'])
    .where('self_assessment_id', '=', latest.id)
    .where('rating', 'is not', null)
    .execute();
  return rows.map((r) => ({ skillId: r.skill_id, rating: Number(r.rating) })).sort((a, b) => a.rating - b.rating);
}

/** Evidence files of some self-assessments, oldest first. */
export function listEvidenceFiles(db: Executor, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('self_assessment_evidence_files')
    .select(['id', 'self_assessment_id', 'skill_id', 'file_id', 'file_name', 'size_bytes'])
    .where('self_assessment_id', 'in', assessmentIds)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

export async function insertEvidenceFile(trx: Executor, row: Insertable<SelfAssessmentEvidenceFilesTable>) {
  await trx.insertInto('self_assessment_evidence_files').values(row).execute();
}

/** Removes some of a self-assessment's evidence files (rows only); returns the stored files they named. */
export async function deleteEvidenceFiles(trx: Executor, assessmentId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('self_assessment_evidence_files')
    .select('file_id')
    .where('self_assessment_id', '=', assessmentId)
    .where('id', 'in', ids)
    .execute();
  await trx.deleteFrom('self_assessment_evidence_files').where('self_assessment_id', '=', assessmentId).where('id', 'in', ids).execute();
  return rows.map((r) => r.file_id);
}
