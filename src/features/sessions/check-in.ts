import { createHmac, timingSafeEqual } from 'node:crypto';
import { MINUTE } from '../../platform/db/clock';

/**
 * The rotating self check-in code: six digits from HMAC-SHA256 of the session's check-in secret
 * and the number of whole minutes since 1970 (UTC), truncated as in HOTP (RFC 4226). A code is
 * accepted during its own minute and the next one, so one shown at 4:30:59pm still works at 4:31:40pm.
 */

/** Minutes since the Unix epoch: the moving factor of the code. */
export function minuteNumber(at: Date): number {
  return Math.floor(at.getTime() / MINUTE);
}

/** The code for one minute, always six digits ("004271"). */
export function checkInCodeFor(secret: string, minute: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(minute));
  const digest = createHmac('sha256', secret).update(counter).digest();
  // Dynamic truncation: the last byte's low four bits pick four bytes (of 32), read without their top bit.
  const offset = digest.readUInt8(digest.length - 1) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** The code to show now. */
export function currentCheckInCode(secret: string, at: Date): string {
  return checkInCodeFor(secret, minuteNumber(at));
}

/** Seconds until the code shown at `at` changes (1–60). */
export function secondsUntilNextCode(at: Date): number {
  return Math.max(1, Math.ceil(((minuteNumber(at) + 1) * MINUTE - at.getTime()) / 1000));
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export type CodeCheck = 'accepted' | 'expired' | 'wrong';

/** How far back a code is recognised as "expired" rather than "wrong", for a clearer message. */
const RECOGNISED_MINUTES = 15;

/**
 * Checks a typed code at `at`: the current or the previous minute's code is accepted; one from
 * the last quarter of an hour is "expired" (they read an old screen); anything else is "wrong".
 */
export function checkCheckInCode(secret: string, given: string, at: Date): CodeCheck {
  const code = given.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) return 'wrong';
  const now = minuteNumber(at);
  if (same(code, checkInCodeFor(secret, now)) || same(code, checkInCodeFor(secret, now - 1))) return 'accepted';
  for (let m = now - 2; m >= now - RECOGNISED_MINUTES; m--) if (same(code, checkInCodeFor(secret, m))) return 'expired';
  return 'wrong';
}

/** Check-in opens this long before the start… */
export const CHECK_IN_OPENS_BEFORE_MS = 15 * MINUTE;
/** …and someone checking in more than this long after the start is marked late. */
export const LATE_AFTER_MS = 10 * MINUTE;

export type CheckInWindow = 'not_open' | 'open' | 'closed';

/** Self check-in is open from 15 minutes before the start until the end. */
export function checkInWindow(session: { startsAt: string; endsAt: string }, at: Date): CheckInWindow {
  const t = at.getTime();
  if (t < new Date(session.startsAt).getTime() - CHECK_IN_OPENS_BEFORE_MS) return 'not_open';
  if (t > new Date(session.endsAt).getTime()) return 'closed';
  return 'open';
}

/** Present, or late when checking in more than 10 minutes after the start. */
export function checkInStatus(startsAt: string, at: Date): 'present' | 'late' {
  return at.getTime() - new Date(startsAt).getTime() > LATE_AFTER_MS ? 'late' : 'present';
}
