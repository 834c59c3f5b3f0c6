import { adminSchoolIds, isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/**
 * Who may see a person's programmes with their progress and attendance: the person, their line
 * manager, an admin of their school, and organisation admins and programme leads.
 */
export function canSeeProgress(
  viewer: Viewer,
  person: { id: string; organisation_id: string; school_id: string | null; line_manager_id: string | null },
): boolean {
  if (person.organisation_id !== viewer.organisationId) return false;
  if (person.id === viewer.id || person.line_manager_id === viewer.id || isProgrammeLead(viewer)) return true;
  return person.school_id !== null && adminSchoolIds(viewer).includes(person.school_id);
}

/**
 * Who may see a school's people on programmes: its school admins (the headteacher), organisation
 * admins and programme leads. `not-found` for an admin of another school, who may not know of it.
 */
export function schoolAccess(viewer: Viewer, schoolId: string): 'allowed' | 'forbidden' | 'not-found' {
  if (isProgrammeLead(viewer) || adminSchoolIds(viewer).includes(schoolId)) return 'allowed';
  return adminSchoolIds(viewer).length > 0 ? 'not-found' : 'forbidden';
}
