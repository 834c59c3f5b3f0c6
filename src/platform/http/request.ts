import type { Context } from 'hono';
import type { AppEnv } from './env';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's address from an X-Forwarded-For list, behind `hops` trusted proxies. Each proxy
 * appends the address it saw, so the last `hops` entries are theirs and the one `hops` from the
 * right is the client's as the furthest trusted proxy saw it; anything left of it came from the
 * client and may be made up. A shorter list (fewer proxies than expected) gives its first entry.
 */
export function forwardedClientAddress(header: string | undefined, hops: number): string | null {
  if (hops < 1 || !header) return null;
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries[Math.max(0, entries.length - hops)] ?? null;
}

/** The client's address: from X-Forwarded-For behind trusted proxies (`TRUST_PROXY`), else the socket. */
export function clientAddress(c: Context<AppEnv>): string | null {
  const forwarded = forwardedClientAddress(c.req.header('x-forwarded-for'), c.get('deps').config.TRUST_PROXY);
  if (forwarded) return forwarded;
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
