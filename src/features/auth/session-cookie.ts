import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/env';
import { requestContext } from '../../platform/http/request';
import { endSignInSession, SESSION_LIFETIME_MS } from './auth.service';

export const SESSION_COOKIE = 'waymark_session';

function secure(c: Context<AppEnv>): boolean {
  const { config } = c.get('deps');
  // Secure everywhere but plain-http localhost, where browsers would drop a Secure cookie.
  return config.NODE_ENV === 'production' || config.BASE_URL.startsWith('https://');
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: secure(c), sameSite: 'Lax', path: '/', maxAge: Math.floor(SESSION_LIFETIME_MS / 1000) });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
}

/** Sets the new session's cookie, ending any session this browser already had (sessions rotate on sign-in). */
export async function beginSignInSession(c: Context<AppEnv>, sessionToken: string): Promise<void> {
  const previous = c.get('viewer');
  if (previous) await endSignInSession(c.get('deps'), previous, previous.sessionId, requestContext(c));
  writeSessionCookie(c, sessionToken);
}
