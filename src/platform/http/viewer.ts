/** Who is signed in, and what their roles let them reach: plain data and rules, used by the access middleware, navigation and policies. */

export type RoleName = 'org_admin' | 'school_admin' | 'programme_lead' | 'data_protection_officer';

/** The signed-in person, as every handler and view sees them. */
export interface Viewer {
  id: string;
  sessionId: string;
  organisationId: string;
  organisationName: string;
  schoolId: string | null;
  givenName: string;
  familyName: string;
  email: string;
  roles: { role: RoleName; schoolId: string | null }[];
  /** True when at least one active person names them as line manager. */
  isLineManager: boolean;
}

/**
 * Someone signed in to their personal account only (with a sign-in link sent to their personal
 * address): typically a leaver. It reaches their own leadership record, its exports and links, and
 * their account, and nothing of any school's: every other signed-in route refuses them.
 */
export interface PersonalViewer {
  accountId: string;
  sessionId: string;
  givenName: string;
  familyName: string;
  /** The confirmed personal address they signed in with. */
  personalEmail: string;
}

/**
 * Who may reach a route, before any check on the particular record:
 * - `anyone`: no sign-in needed (sign-in pages, public information)
 * - `signed-in`: any active member of staff
 * - `people-manager`: an organisation admin, a school admin, or a line manager
 * - `staff-admin`: an organisation admin or a school admin of at least one school
 * - `org-admin`: an organisation admin
 * - `programme-lead`: an organisation admin or a programme lead (designs programmes, runs cohorts)
 * - `data-protection`: an organisation admin or the data protection officer (reads the audit log, the retention settings)
 * - `own-record`: any active member of staff, and someone signed in to their personal account only (a leaver): their own record and account
 * - `development`: only when mail is written to disk outside production; otherwise 404
 */
export type AccessRule =
  | 'anyone'
  | 'signed-in'
  | 'own-record'
  | 'people-manager'
  | 'staff-admin'
  | 'org-admin'
  | 'programme-lead'
  | 'data-protection'
  | 'development';

export function hasRole(viewer: Viewer, role: RoleName, schoolId?: string | null): boolean {
  return viewer.roles.some((r) => r.role === role && (schoolId === undefined || r.schoolId === schoolId));
}

export const isOrgAdmin = (viewer: Viewer): boolean => hasRole(viewer, 'org_admin');

/** Organisation admins and programme leads design programmes and run cohorts. */
export const isProgrammeLead = (viewer: Viewer): boolean => isOrgAdmin(viewer) || hasRole(viewer, 'programme_lead');

/** The organisation's data protection officer (a role an organisation admin grants; read-only on data protection pages). */
export const isDataProtectionOfficer = (viewer: Viewer): boolean => hasRole(viewer, 'data_protection_officer');

/** Schools the viewer administers; every school of the organisation for an org admin is handled by callers. */
export function adminSchoolIds(viewer: Viewer): string[] {
  return viewer.roles.filter((r) => r.role === 'school_admin' && r.schoolId).map((r) => r.schoolId as string);
}

export function allows(rule: AccessRule, viewer: Viewer | null): boolean {
  switch (rule) {
    case 'anyone':
    case 'development':
      return true;
    case 'signed-in':
    case 'own-record':
      return viewer !== null;
    case 'people-manager':
      return viewer !== null && (isOrgAdmin(viewer) || adminSchoolIds(viewer).length > 0 || viewer.isLineManager);
    case 'staff-admin':
      return viewer !== null && (isOrgAdmin(viewer) || adminSchoolIds(viewer).length > 0);
    case 'org-admin':
      return viewer !== null && isOrgAdmin(viewer);
    case 'programme-lead':
      return viewer !== null && isProgrammeLead(viewer);
    case 'data-protection':
      return viewer !== null && (isOrgAdmin(viewer) || isDataProtectionOfficer(viewer));
  }
}
