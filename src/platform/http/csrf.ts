import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { Forbidden } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests whose Origin (or, failing that, Referer) isn't this site.
 * Together with SameSite=Lax cookies this stops cross-site form posts.
 */
export function originCheck(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const own = new URL(c.req.url).origin;
      const origin = c.req.header('origin') ?? originOf(c.req.header('referer'));
      if (!origin || (origin !== own && !allowed.has(origin))) {
        throw new Forbidden('This form was sent from another site, so it was not accepted. Go back, reload the page and try again.');
      }
    }
    await next();
  });
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
