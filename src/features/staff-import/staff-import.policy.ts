import { adminSchoolIds, isOrgAdmin } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/** An import is seen by its organisation's admins and by the school admin who uploaded it. */
export function canSeeImport(viewer: Viewer, staffImport: { organisation_id: string; created_by: string | null }): boolean {
  if (staffImport.organisation_id !== viewer.organisationId) return false;
  return isOrgAdmin(viewer) || staffImport.created_by === viewer.id;
}

/** Schools the viewer may import into: every school (null) for an organisation admin, else those they administer. */
export function importableSchoolIds(viewer: Viewer): ReadonlySet<string> | null {
  return isOrgAdmin(viewer) ? null : new Set(adminSchoolIds(viewer));
}

/** Organisation admins see every import of the organisation; school admins see their own. */
export function recentImportsUploader(viewer: Viewer): string | null {
  return isOrgAdmin(viewer) ? null : viewer.id;
}
