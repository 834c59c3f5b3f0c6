import { adminSchoolIds, isOrgAdmin } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';
import type { DirectoryScope } from './staff.queries';

interface PersonFacts {
  id: string;
  organisation_id: string;
  school_id: string | null;
  line_manager_id: string | null;
}

/** The part of the organisation the viewer may list. */
export function directoryScope(viewer: Viewer): DirectoryScope {
  return {
    organisationId: viewer.organisationId,
    wholeOrganisation: isOrgAdmin(viewer),
    schoolIds: adminSchoolIds(viewer),
    lineManagerId: viewer.isLineManager ? viewer.id : null,
  };
}

/** Themselves, their line manager, an admin of their school, or an organisation admin. */
export function canViewPerson(viewer: Viewer, person: PersonFacts): boolean {
  if (person.organisation_id !== viewer.organisationId) return false;
  return person.id === viewer.id || person.line_manager_id === viewer.id || canEditPerson(viewer, person);
}

/** An organisation admin, or an admin of the person's school. Central staff (no school) need an organisation admin. */
export function canEditPerson(viewer: Viewer, person: Pick<PersonFacts, 'organisation_id' | 'school_id'>): boolean {
  if (person.organisation_id !== viewer.organisationId) return false;
  if (isOrgAdmin(viewer)) return true;
  return person.school_id !== null && adminSchoolIds(viewer).includes(person.school_id);
}

/** School admins may place people only in schools they administer. */
export function canPlaceInSchool(viewer: Viewer, schoolId: string | null): boolean {
  if (isOrgAdmin(viewer)) return true;
  return schoolId !== null && adminSchoolIds(viewer).includes(schoolId);
}

/** Only organisation admins grant and remove roles. */
export const canManageRoles = isOrgAdmin;
