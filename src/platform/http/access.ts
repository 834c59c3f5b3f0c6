import { createMiddleware } from 'hono/factory';
import type { AppEnv, RoleName, Viewer } from './env';
import { Forbidden, NotFound, Unauthenticated } from './errors';

/**
 * Who may reach a route, before any check on the particular record:
 * - `anyone`: no sign-in needed (sign-in pages, public information)
 * - `signed-in`: any active member of staff
 * - `people-manager`: an organisation admin, a school admin, or a line manager
 * - `staff-admin`: an organisation admin or a school admin of at least one school
 * - `org-admin`: an organisation admin
 * - `programme-lead`: an organisation admin or a programme lead (designs programmes, runs cohorts)
 * - `development`: only when mail is written to disk outside production; otherwise 404
 */
export type AccessRule = 'anyone' | 'signed-in' | 'people-manager' | 'staff-admin' | 'org-admin' | 'programme-lead' | 'development';

export const ACCESS_RULE = Symbol('waymark.access');

export function hasRole(viewer: Viewer, role: RoleName, schoolId?: string | null): boolean {
  return viewer.roles.some((r) => r.role === role && (schoolId === undefined || r.schoolId === schoolId));
}

export const isOrgAdmin = (viewer: Viewer): boolean => hasRole(viewer, 'org_admin');

/** Organisation admins and programme leads design programmes and run cohorts. */
export const isProgrammeLead = (viewer: Viewer): boolean => isOrgAdmin(viewer) || hasRole(viewer, 'programme_lead');

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
      return viewer !== null;
    case 'people-manager':
      return viewer !== null && (isOrgAdmin(viewer) || adminSchoolIds(viewer).length > 0 || viewer.isLineManager);
    case 'staff-admin':
      return viewer !== null && (isOrgAdmin(viewer) || adminSchoolIds(viewer).length > 0);
    case 'org-admin':
      return viewer !== null && isOrgAdmin(viewer);
    case 'programme-lead':
      return viewer !== null && isProgrammeLead(viewer);
  }
}

/** Declares who may use a route; every route has exactly one (the authorisation matrix test checks). */
export function access(rule: AccessRule) {
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    const viewer = c.get('viewer');
    if (rule === 'development') {
      const { config, mailer } = c.get('deps');
      if (config.NODE_ENV === 'production' || config.SMTP_URL || !mailer.list) throw new NotFound();
    }
    if (rule !== 'anyone' && rule !== 'development' && !viewer) throw new Unauthenticated();
    if (!allows(rule, viewer)) throw new Forbidden();
    await next();
  });
  return Object.assign(middleware, { [ACCESS_RULE]: rule });
}

/** The viewer on a route that requires sign-in (access has already checked). */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new Unauthenticated();
  return viewer;
}
