import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../platform/http/env';
import { loadViewer } from './auth.service';
import { readSessionCookie } from './session-cookie';

/** Puts the signed-in person (or null) on every request. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  c.set('viewer', await loadViewer(c.get('deps'), readSessionCookie(c)));
  await next();
});
