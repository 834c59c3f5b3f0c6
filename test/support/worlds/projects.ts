import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

/**
 * Records the projects matrix rows need (teacher = world.report, line managed by world.lineManager):
 * a project on the teacher's enrolment (programmes.enrolmentId), confirmed by the line manager and
 * submitted for assessment, with one success criterion, one impact measure with an outcome, and a
 * milestone. Returns the route parameters (`:name` → id) those rows use.
 */
export async function makeProjectsWorld(db: Db, world: World, programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const at = '2026-11-10T09:00:00.000Z';
  const projectId = newId();
  await db
    .insertInto('projects')
    .values({
      id: projectId,
      organisation_id: world.organisation.id,
      person_id: world.report.id,
      enrolment_id: programmes.enrolmentId,
      title: 'Reading for pleasure in Year 7',
      rationale: 'Reading is a school priority.',
      people_affected: 'Year 7 pupils',
      status: 'submitted',
      assessor_id: null,
      role_confirmed_by: world.lineManager.id,
      role_confirmed_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db.insertInto('project_criteria').values({ id: newId(), project_id: projectId, position: 1, text: 'More pupils read at home' }).execute();
  const measureId = newId();
  await db
    .insertInto('project_measures')
    .values({
      id: measureId,
      project_id: projectId,
      position: 1,
      name: 'Pupils reading at home weekly',
      unit: '%',
      baseline_value: 41,
      baseline_on: '2026-09-10',
      target_value: 60,
      created_at: at,
    })
    .execute();
  await db.insertInto('project_outcomes').values({ id: newId(), measure_id: measureId, measured_on: '2026-11-01', value: 48.5, created_at: at }).execute();
  const milestoneId = newId();
  await db
    .insertInto('project_milestones')
    .values({ id: milestoneId, project_id: projectId, title: 'Launch the reading club', due_on: '2026-10-01', status: 'done', updated_at: at })
    .execute();
  await db
    .insertInto('project_submissions')
    .values({
      id: newId(),
      project_id: projectId,
      number: 1,
      what_changed: 'More pupils read.',
      for_whom: 'Year 7.',
      evidence: 'Survey.',
      learned: 'A lot.',
      submitted_at: at,
      outcome: null,
      feedback: '',
      assessed_by: null,
      assessed_at: null,
    })
    .execute();
  return { projectId, measureId, milestoneId };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeProjectsWorld;
