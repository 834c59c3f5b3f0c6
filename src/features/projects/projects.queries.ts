import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type {
  MilestoneStatus,
  ProjectMeasuresTable,
  ProjectMilestonesTable,
  ProjectNotesTable,
  ProjectsTable,
  ProjectStatus,
  ProjectSubmissionsTable,
} from './projects.tables';

export function findProject(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('projects').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** Projects of the given people (or one person), newest first. */
export function listProjectsOf(db: Executor, organisationId: string, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('projects')
    .select(['id', 'person_id', 'enrolment_id', 'title', 'status', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('person_id', 'in', personIds)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The person's projects that have started (any organisation's), newest first. */
export function listStartedProjectsOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('projects')
    .select(['id', 'organisation_id'])
    .where('person_id', '=', personId)
    .where('status', '!=', 'draft')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Projects waiting for an assessment that the viewer may give: named as assessor, or (as a lead) any without one. */
export function listProjectsToAssess(db: Executor, organisationId: string, viewerId: string, isLead: boolean) {
  let query = db
    .selectFrom('projects')
    .select(['id', 'person_id', 'enrolment_id', 'title', 'status', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'submitted')
    .where('person_id', '!=', viewerId);
  query = isLead ? query : query.where('assessor_id', '=', viewerId);
  return query.orderBy('updated_at').execute();
}

/** The project of an enrolment, if it has one. */
export function findProjectOfEnrolment(db: Executor, enrolmentId: string) {
  return db.selectFrom('projects').select(['id', 'status']).where('enrolment_id', '=', enrolmentId).executeTakeFirst();
}

/** For the completion engine: each enrolment's project status, one query for many. */
export function listStatusesOfEnrolments(db: Executor, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('projects').select(['id', 'enrolment_id', 'status', 'updated_at']).where('enrolment_id', 'in', enrolmentIds).execute();
}

export async function insertProject(trx: Executor, row: Insertable<ProjectsTable>) {
  await trx.insertInto('projects').values(row).execute();
}

export async function updateProjectDetails(
  trx: Executor,
  id: string,
  values: Pick<Updateable<ProjectsTable>, 'title' | 'rationale' | 'people_affected' | 'updated_at'>,
) {
  await trx.updateTable('projects').set(values).where('id', '=', id).execute();
}

/** Changes the status only when it is still `from` (so two people acting at once cannot both win); true when it changed. */
export async function updateProjectStatus(
  trx: Executor,
  id: string,
  from: readonly ProjectStatus[],
  values: Pick<Updateable<ProjectsTable>, 'role_confirmed_by' | 'role_confirmed_at'> & { status: ProjectStatus; updated_at: string },
): Promise<boolean> {
  const result = await trx.updateTable('projects').set(values).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes a project still being planned, with everything recorded under it. The first statement
 * claims the row only while it is a draft (on PostgreSQL it also locks it, so a line manager
 * confirming at the same moment waits and then finds nothing to confirm); false when it is not.
 */
export async function deleteDraftProject(trx: Executor, id: string, now: string): Promise<boolean> {
  const claimed = await trx.updateTable('projects').set({ updated_at: now }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  const measures = trx.selectFrom('project_measures').select('id').where('project_id', '=', id);
  await trx.deleteFrom('project_outcomes').where('measure_id', 'in', measures).execute();
  await trx.deleteFrom('project_measures').where('project_id', '=', id).execute();
  await trx.deleteFrom('project_criteria').where('project_id', '=', id).execute();
  await trx.deleteFrom('project_skills').where('project_id', '=', id).execute();
  await trx.deleteFrom('project_milestones').where('project_id', '=', id).execute();
  await trx.deleteFrom('project_notes').where('project_id', '=', id).execute();
  // Submissions (and so judgements) exist only once a project has started: a draft has none.
  await trx.deleteFrom('projects').where('id', '=', id).where('status', '=', 'draft').execute();
  return true;
}

export async function setAssessor(trx: Executor, id: string, assessorId: string | null, now: string) {
  await trx.updateTable('projects').set({ assessor_id: assessorId, updated_at: now }).where('id', '=', id).execute();
}

export function listCriteria(db: Executor, projectId: string) {
  return db.selectFrom('project_criteria').select(['id', 'position', 'text']).where('project_id', '=', projectId).orderBy('position').execute();
}

export async function replaceCriteria(trx: Executor, projectId: string, criteria: { id: string; text: string }[]) {
  await trx.deleteFrom('project_criteria').where('project_id', '=', projectId).execute();
  if (criteria.length > 0)
    await trx
      .insertInto('project_criteria')
      .values(criteria.map((c, i) => ({ id: c.id, project_id: projectId, position: i + 1, text: c.text })))
      .execute();
}

export function listSkillIds(db: Executor, projectId: string) {
  return db.selectFrom('project_skills').select('skill_id').where('project_id', '=', projectId).execute();
}

export async function replaceSkills(trx: Executor, projectId: string, skillIds: string[]) {
  await trx.deleteFrom('project_skills').where('project_id', '=', projectId).execute();
  if (skillIds.length > 0)
    await trx
      .insertInto('project_skills')
      .values(skillIds.map((skill_id) => ({ project_id: projectId, skill_id })))
      .execute();
}

export function listMeasures(db: Executor, projectId: string) {
  return db.selectFrom('project_measures').selectAll().where('project_id', '=', projectId).orderBy('position').execute();
}

export async function insertMeasure(trx: Executor, row: Insertable<ProjectMeasuresTable>) {
  await trx.insertInto('project_measures').values(row).execute();
}

export async function updateMeasure(
  trx: Executor,
  id: string,
  values: Pick<Updateable<ProjectMeasuresTable>, 'name' | 'unit' | 'baseline_value' | 'baseline_on' | 'target_value'>,
) {
  await trx.updateTable('project_measures').set(values).where('id', '=', id).execute();
}

/** Outcomes of the given measures, oldest first. */
export function listOutcomes(db: Executor, measureIds: string[]) {
  if (measureIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_outcomes')
    .select(['id', 'measure_id', 'measured_on', 'value'])
    .where('measure_id', 'in', measureIds)
    .orderBy('measured_on')
    .orderBy('created_at')
    .execute();
}

/**
 * A project's measures (in order) with their outcomes (oldest first), in one statement: a measure
 * with no outcomes yet comes once, with the outcome columns null.
 */
export function listMeasuresWithOutcomes(db: Executor, projectId: string) {
  return db
    .selectFrom('project_measures as m')
    .leftJoin('project_outcomes as o', 'o.measure_id', 'm.id')
    .select(['m.id', 'm.name', 'm.unit', 'm.baseline_value', 'm.baseline_on', 'm.target_value', 'o.id as outcome_id', 'o.measured_on', 'o.value'])
    .where('m.project_id', '=', projectId)
    .orderBy('m.position')
    .orderBy('o.measured_on')
    .orderBy('o.created_at')
    .execute();
}

export async function insertOutcome(trx: Executor, row: { id: string; measure_id: string; measured_on: string; value: number; created_at: string }) {
  await trx.insertInto('project_outcomes').values(row).execute();
}

export function listMilestones(db: Executor, projectId: string) {
  return db.selectFrom('project_milestones').selectAll().where('project_id', '=', projectId).orderBy('due_on').orderBy('title').execute();
}

export async function insertMilestone(trx: Executor, row: Insertable<ProjectMilestonesTable>) {
  await trx.insertInto('project_milestones').values(row).execute();
}

export async function updateMilestoneStatus(trx: Executor, projectId: string, id: string, status: MilestoneStatus, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('project_milestones')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listNotes(db: Executor, projectId: string) {
  return db.selectFrom('project_notes').selectAll().where('project_id', '=', projectId).orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function insertNote(trx: Executor, row: Insertable<ProjectNotesTable>) {
  await trx.insertInto('project_notes').values(row).execute();
}

/** Every submission, first first, with the judgements given on each. */
export function listSubmissions(db: Executor, projectId: string) {
  return db.selectFrom('project_submissions').selectAll().where('project_id', '=', projectId).orderBy('number').execute();
}

export function listJudgements(db: Executor, submissionIds: string[]) {
  if (submissionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('project_judgements').selectAll().where('submission_id', 'in', submissionIds).execute();
}

export async function insertSubmission(trx: Executor, row: Insertable<ProjectSubmissionsTable>) {
  await trx.insertInto('project_submissions').values(row).execute();
}

/** Records the assessment of a submission not yet assessed; false when someone else already did. */
export async function assessSubmission(
  trx: Executor,
  id: string,
  values: { outcome: 'met' | 'not_yet'; feedback: string; assessed_by: string; assessed_at: string },
  judgements: { criterion_id: string; judgement: 'met' | 'not_yet'; feedback: string }[],
): Promise<boolean> {
  const result = await trx.updateTable('project_submissions').set(values).where('id', '=', id).where('outcome', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  if (judgements.length > 0)
    await trx
      .insertInto('project_judgements')
      .values(judgements.map((j) => ({ submission_id: id, ...j })))
      .execute();
  return true;
}
