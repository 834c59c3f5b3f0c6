import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { Forbidden } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins a form may come from: BASE_URL's own. On this machine (a localhost BASE_URL) also the
 * same address written as 127.0.0.1 or [::1], which a browser may be pointed at instead.
 */
export function formOrigins(baseUrl: string): string[] {
  const base = new URL(baseUrl);
  if (!LOOPBACK.includes(base.hostname)) return [base.origin];
  return LOOPBACK.map((host) => `${base.protocol}//${host}${base.port ? `:${base.port}` : ''}`);
}

/**
 * Refuses state-changing requests whose Origin (or, failing that, Referer) isn't one of the allowed
 * origins (BASE_URL's). Never the request's own Host header: a client chooses that, so comparing
 * with it would let any origin through whose requests arrive with a matching Host.
 * Together with SameSite=Lax cookies this stops cross-site form posts.
 */
export function originCheck(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin') ?? originOf(c.req.header('referer'));
      if (!origin || !allowed.has(origin)) {
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
