import { createHash, randomBytes } from 'node:crypto';

/** A random 256-bit token for a cookie or a link; only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The path with any token in it replaced, for logs: sign-in links, calendar feeds and 360
 * respondent links are secrets that must not sit in log files.
 */
export function redactTokens(path: string): string {
  return path
    .split('/')
    .map((segment) => (looksLikeToken(segment.replace(/\.[a-z]+$/, '')) ? `:token${segment.match(/\.[a-z]+$/)?.[0] ?? ''}` : segment))
    .join('/');
}

/** True for strings that could be one of our tokens; anything else is refused before a lookup. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
