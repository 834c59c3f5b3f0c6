import type { Executor } from '../../platform/db/database';
import * as q from './auth.queries';
import { lockedUntil, recordFailure, type ThrottleLimits, type ThrottleState } from './throttle';

// Failed-attempt counting: sign-in's own counters, and other features' (self check-in codes) under
// a prefixed key in the same sign_in_throttles table, so one table and one rule set serve both.

function toState(row: Awaited<ReturnType<typeof q.findThrottle>>): ThrottleState | undefined {
  return row ? { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until } : undefined;
}

/** When the lock on `key` ends, if one is in force at `now`. */
export async function attemptsLockedUntil(db: Executor, key: string, now: Date): Promise<Date | null> {
  return lockedUntil(toState(await q.findThrottle(db, key)), now);
}

/** Counts one more failure for `key`; returns when it is locked until, if it now is. */
export async function countFailedAttempt(db: Executor, key: string, now: Date, limits: ThrottleLimits): Promise<Date | null> {
  const next = recordFailure(toState(await q.findThrottle(db, key)), now, limits);
  await q.saveThrottle(db, { key, failures: next.failures, window_started_at: next.windowStartedAt, locked_until: next.lockedUntil });
  return lockedUntil(next, now);
}

/** Forgets the failures for `key` (after a success). */
export async function clearFailedAttempts(db: Executor, key: string): Promise<void> {
  await q.clearThrottle(db, key);
}
