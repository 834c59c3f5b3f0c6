import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../platform/http/env';
import { loadPersonalViewer } from './auth.personal';
import { loadViewer } from './auth.service';
import { readSessionCookie } from './session-cookie';

/** Puts the signed-in person (or null) on every request. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const token = readSessionCookie(c);
  const viewer = await loadViewer(c.get('deps'), token);
  c.set('viewer', viewer);
  // A cookie that is no staff sign-in may be a personal account's (a leaver's own record).
  c.set('personal', viewer || !token ? null : await loadPersonalViewer(c.get('deps'), token));
  await next();
});
