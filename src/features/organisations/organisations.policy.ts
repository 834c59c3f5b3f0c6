import { adminSchoolIds, isOrgAdmin } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/** Organisation admins see every school; school admins see the schools they administer. */
export function visibleSchoolIds(viewer: Viewer): string[] | undefined {
  return isOrgAdmin(viewer) ? undefined : adminSchoolIds(viewer);
}

/** An organisation admin edits any school; a school admin edits their own schools' details. */
export function canEditSchool(viewer: Viewer, schoolId: string): boolean {
  return isOrgAdmin(viewer) || adminSchoolIds(viewer).includes(schoolId);
}

export const canAddSchool = isOrgAdmin;
