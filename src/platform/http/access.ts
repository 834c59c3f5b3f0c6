import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { type AccessRule, allows, type Viewer } from './viewer';

export { type AccessRule, adminSchoolIds, allows, hasRole, isDataProtectionOfficer, isOrgAdmin, isProgrammeLead } from './viewer';
import { Forbidden, NotFound, Unauthenticated } from './errors';

export const ACCESS_RULE = Symbol('waymark.access');

/** Declares who may use a route; every route has exactly one (the authorisation matrix test checks). */
export function access(rule: AccessRule) {
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    const viewer = c.get('viewer');
    if (rule === 'development') {
      const { config, mailer } = c.get('deps');
      if (config.NODE_ENV === 'production' || config.SMTP_URL || !mailer.list) throw new NotFound();
    }
    if (rule === 'own-record' && !viewer && c.get('personal')) {
      await next();
      return;
    }
    // Someone signed in to their personal account only reaches nothing of a school's.
    if (rule !== 'anyone' && rule !== 'development' && !viewer && c.get('personal'))
      throw new Forbidden('Your Waymark account now holds only your own leadership record. Nothing of a school’s can be reached from it.');
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
