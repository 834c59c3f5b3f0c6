// The project the projects benchmark and profile load: 3 impact measures × 10 outcomes each, 3
// success criteria, 4 milestones and 5 updates, for a member of staff with a line manager.
import type { Db } from '../src/platform/db/database';
import { newId } from '../src/platform/db/ids';

export const MEASURES = 3;
export const OUTCOMES = 10;

/** A project with MEASURES × OUTCOMES figures, submitted and assessed once (not yet), for a member of staff. */
export async function seedProject(db: Db, organisationId: string): Promise<string> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'line_manager_id'])
    .where('organisation_id', '=', organisationId)
    .where('line_manager_id', 'is not', null)
    .executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  const projectId = newId();
  await db
    .insertInto('projects')
    .values({
      id: projectId,
      organisation_id: organisationId,
      person_id: person.id,
      enrolment_id: null,
      title: 'Reducing persistent absence in Year 9',
      rationale: 'Attendance is the first priority of the school development plan. '.repeat(4),
      people_affected: 'Year 9 pupils eligible for pupil premium',
      status: 'in_progress',
      assessor_id: null,
      role_confirmed_by: person.line_manager_id,
      role_confirmed_at: at,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('project_criteria')
    .values([1, 2, 3].map((position) => ({ id: newId(), project_id: projectId, position, text: `Success criterion ${position}: a clear, checkable change` })))
    .execute();
  for (let m = 0; m < MEASURES; m++) {
    const measureId = newId();
    await db
      .insertInto('project_measures')
      .values({
        id: measureId,
        project_id: projectId,
        position: m + 1,
        name: `Measure ${m + 1}`,
        unit: '%',
        baseline_value: 40 + m,
        baseline_on: '2025-09-01',
        target_value: 60,
        created_at: at,
      })
      .execute();
    await db
      .insertInto('project_outcomes')
      .values(
        Array.from({ length: OUTCOMES }, (_, i) => ({
          id: newId(),
          measure_id: measureId,
          measured_on: `2025-${String(10 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`,
          value: 40 + m + i * 1.7,
          created_at: at,
        })),
      )
      .execute();
  }
  await db
    .insertInto('project_milestones')
    .values(
      [1, 2, 3, 4].map((i) => ({
        id: newId(),
        project_id: projectId,
        title: `Milestone ${i}`,
        due_on: `2026-0${i}-15`,
        status: 'done' as const,
        updated_at: at,
      })),
    )
    .execute();
  await db
    .insertInto('project_notes')
    .values(
      [1, 2, 3, 4, 5].map((i) => ({
        id: newId(),
        project_id: projectId,
        author_id: person.id,
        kind: 'update' as const,
        author_role: 'participant' as const,
        body: `Update ${i}: what happened this half term. `.repeat(5),
        reflection: 'What I learned. '.repeat(5),
        created_at: new Date(Date.now() - i * 86_400_000).toISOString(),
      })),
    )
    .execute();
  return projectId;
}
