import type { Executor } from '../../platform/db/database';
import * as q from './auth.queries';
import { type ThrottleLimits, waitSteps } from './throttle';

// Attempt counting: sign-in's own counters, and other features' (self check-in codes, feedback
// links) under a prefixed key in the same sign_in_throttles table, so one table and one rule set
// serve every limit.
//
// An attempt is counted before it is tried, in one statement that also sets any lock it earns,
// and refused if a lock is already in force. Reading the count and writing it back let thirty
// attempts made at the same moment all be tried; counting first means only as many as the limits
// allow get through. An attempt that turns out not to be a failure is refunded.

/** One attempt counted against a key, as counted (to refund it). */
export interface CountedAttempt {
  key: string;
  windowStartedAt: string;
  /** The lock this attempt set, if any. */
  lockedUntil: string | null;
}

export type AttemptReservation = { admitted: true; attempts: CountedAttempt[] } | { admitted: false; lockedUntil: Date };

async function countAttempt(db: Executor, key: string, now: Date, limits: ThrottleLimits): Promise<CountedAttempt | undefined> {
  const row = await q.countThrottleAttempt(db, {
    key,
    now: now.toISOString(),
    windowCutoff: new Date(now.getTime() - limits.windowMs).toISOString(),
    steps: waitSteps(limits).map((step) => ({ from: step.from, until: new Date(now.getTime() + step.waitMs).toISOString() })),
  });
  return row && { key, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
}

/** The latest lock in force at `now` on any of `keys`. */
async function latestLock(db: Executor, keys: readonly string[], now: Date): Promise<Date | null> {
  let latest: Date | null = null;
  for (const row of await q.findThrottleLocks(db, keys)) {
    const until = row.locked_until ? new Date(row.locked_until) : null;
    if (until && until > now && (!latest || until > latest)) latest = until;
  }
  return latest;
}

/**
 * Counts one attempt against each key (with its limits), before the attempt is made. Admitted
 * only if no key is locked at `now`; when one is, nothing stays counted and the answer says until
 * when the latest lock lasts. Call `refundAttempts` if the attempt turns out not to be a failure.
 */
export async function reserveAttempt(db: Executor, now: Date, limitsByKey: readonly (readonly [string, ThrottleLimits])[]): Promise<AttemptReservation> {
  // A lock lifted between our count and our look (a refund) is worth one more try.
  for (let tries = 0; tries < 3; tries++) {
    const attempts: CountedAttempt[] = [];
    let refused = false;
    for (const [key, limits] of limitsByKey) {
      const attempt = await countAttempt(db, key, now, limits);
      if (!attempt) {
        refused = true;
        break;
      }
      attempts.push(attempt);
    }
    if (!refused) return { admitted: true, attempts };
    await refundAttempts(db, attempts);
    const until = await latestLock(
      db,
      limitsByKey.map(([key]) => key),
      now,
    );
    if (until) return { admitted: false, lockedUntil: until };
  }
  return { admitted: false, lockedUntil: new Date(now.getTime() + 1000) };
}

/** Takes back attempts that turned out not to be failures (a right password, a link that works). */
export async function refundAttempts(db: Executor, attempts: readonly CountedAttempt[]): Promise<void> {
  for (const attempt of attempts) await q.refundThrottleAttempt(db, attempt);
}

/** Forgets the failures for `key` (after a success). */
export async function clearFailedAttempts(db: Executor, key: string): Promise<void> {
  await q.clearThrottle(db, key);
}

export type LookUpResult<T> = { admitted: true; found: T | undefined } | { admitted: false; lockedUntil: Date };

/**
 * For public links whose codes can't be guessed (a certificate's code): looks the code up and
 * checks the key's lock side by side, and counts an attempt only when nothing matched — a reader
 * opening a real link writes nothing. A key already locked is refused whether or not the code
 * matched, so a locked-out address learns nothing. Misses are counted as `reserveAttempt` counts
 * them (one statement that also sets the lock), so concurrent misses can't outrun the limits.
 */
export async function lookUpCountingMisses<T>(
  db: Executor,
  now: Date,
  key: string,
  limits: ThrottleLimits,
  lookUp: () => Promise<T | undefined>,
): Promise<LookUpResult<T>> {
  const [lockedUntil, found] = await Promise.all([latestLock(db, [key], now), lookUp()]);
  if (lockedUntil) return { admitted: false, lockedUntil };
  if (found !== undefined) return { admitted: true, found };
  const reservation = await reserveAttempt(db, now, [[key, limits]]);
  return reservation.admitted ? { admitted: true, found: undefined } : reservation;
}
