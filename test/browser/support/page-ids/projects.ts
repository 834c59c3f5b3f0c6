import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the projects routes' `:params` stand for, and
 * whom to open the participant-only pages as. `:projectId` is Hannah Jones's project on Leadership
 * Pathways (in progress, three impact measures with outcomes), so its forms open for her; an
 * organisation admin opens the project page, its PDF and the assessment page (which says the
 * project is not waiting for an assessment).
 */
export async function projectPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const project = await h.db
    .selectFrom('projects')
    .innerJoin('people', 'people.id', 'projects.person_id')
    .select(['projects.id', 'people.email'])
    .where('people.given_name', '=', 'Hannah')
    .where('projects.status', '=', 'in_progress')
    .executeTakeFirstOrThrow();
  const measure = await h.db.selectFrom('project_measures').select('id').where('project_id', '=', project.id).orderBy('position').executeTakeFirstOrThrow();
  return { ids: { ':projectId': project.id, ':measureId': measure.id }, owners: { '/projects/:projectId': project.email } };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = projectPageIds;
