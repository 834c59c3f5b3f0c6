import { MINUTE } from '../../platform/db/clock';

export interface ThrottleState {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

export interface ThrottleLimits {
  /** Failures are counted within this window from the first one. */
  windowMs: number;
  /** From this many failures, each further one locks for a short, doubling wait ("slowed"). */
  slowFrom: number;
  firstWaitMs: number;
  /** From this many failures, sign-in is refused for `refusalMs`. */
  refuseFrom: number;
  refusalMs: number;
}

/** Per account: a person mistyping gets three tries free, then short waits, then 15 minutes out. */
export const ACCOUNT_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 3, firstWaitMs: 15_000, refuseFrom: 8, refusalMs: 15 * MINUTE };

/** Per address: generous, because a whole school's staff often share one address. */
export const ADDRESS_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 30, firstWaitMs: 15_000, refuseFrom: 60, refusalMs: 15 * MINUTE };

/** The state after one more failure at `now`. */
export function recordFailure(state: ThrottleState | undefined, now: Date, limits: ThrottleLimits): ThrottleState {
  const windowExpired = !state || now.getTime() - new Date(state.windowStartedAt).getTime() > limits.windowMs;
  const failures = windowExpired ? 1 : state.failures + 1;
  const windowStartedAt = windowExpired ? now.toISOString() : state.windowStartedAt;
  let waitMs = 0;
  if (failures >= limits.refuseFrom) waitMs = limits.refusalMs;
  else if (failures >= limits.slowFrom) waitMs = Math.min(limits.firstWaitMs * 2 ** (failures - limits.slowFrom), limits.refusalMs);
  return { failures, windowStartedAt, lockedUntil: waitMs > 0 ? new Date(now.getTime() + waitMs).toISOString() : null };
}

/** When the lock ends, if it is still in force at `now`. */
export function lockedUntil(state: ThrottleState | undefined, now: Date): Date | null {
  if (!state?.lockedUntil) return null;
  const until = new Date(state.lockedUntil);
  return until > now ? until : null;
}

/** "15 minutes", "45 seconds": how long until `until`, rounded up. */
export function describeWait(until: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
