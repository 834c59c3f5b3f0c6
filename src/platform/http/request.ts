import type { Context } from 'hono';
import type { AppEnv } from './env';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The client's address: from X-Forwarded-For behind a trusted proxy, else the socket. */
export function clientAddress(c: Context<AppEnv>): string | null {
  if (c.get('deps').config.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? null;
}

/** What services record about the request that caused a change. */
export function requestContext(c: Context<AppEnv>) {
  return { ipAddress: clientAddress(c), userAgent: c.req.header('user-agent') ?? null, requestId: c.get('requestId') };
}

/** A safe place to go after signing in: a local path only, never another site. */
export function safeNext(value: string | undefined | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
