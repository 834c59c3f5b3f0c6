import { adminSchoolIds, allows, isOrgAdmin, isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';
import type { ProgrammeStatus } from './programmes.tables';

/** Only open programmes are shown to staff; leads also see drafts and archived ones. */
export function canSeeProgramme(viewer: Viewer, programme: { organisation_id: string; status: ProgrammeStatus }): boolean {
  if (programme.organisation_id !== viewer.organisationId) return false;
  return programme.status === 'open' || isProgrammeLead(viewer);
}

/** Organisation admins and programme leads design pathways and programmes. */
export const canDesignProgrammes = isProgrammeLead;

/** People managers (line managers, school admins, organisation admins) recommend colleagues. */
export function canRecommend(viewer: Viewer): boolean {
  return allows('people-manager', viewer);
}

/** Whom a viewer may recommend: their reports, staff of schools they administer, or anyone for an organisation admin. */
export interface RecommendScope {
  organisationId: string;
  wholeOrganisation: boolean;
  schoolIds: string[];
  lineManagerId: string | null;
  /** Never themselves. */
  excludeId: string;
}

export function recommendScope(viewer: Viewer): RecommendScope {
  return {
    organisationId: viewer.organisationId,
    wholeOrganisation: isOrgAdmin(viewer),
    schoolIds: adminSchoolIds(viewer),
    lineManagerId: viewer.isLineManager ? viewer.id : null,
    excludeId: viewer.id,
  };
}
