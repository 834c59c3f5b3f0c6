import { MINUTE } from '../../platform/db/clock';

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

/** How long the `failures`th failure in a window locks for, in milliseconds (0: not at all). */
export function waitAfter(failures: number, limits: ThrottleLimits): number {
  if (failures >= limits.refuseFrom) return limits.refusalMs;
  if (failures >= limits.slowFrom) return Math.min(limits.firstWaitMs * 2 ** (failures - limits.slowFrom), limits.refusalMs);
  return 0;
}

/** From which failure count each wait applies, in rising order: `waitAfter` as a short table. */
export function waitSteps(limits: ThrottleLimits): { from: number; waitMs: number }[] {
  const steps: { from: number; waitMs: number }[] = [];
  for (let failures = limits.slowFrom; failures <= limits.refuseFrom; failures++) {
    const waitMs = waitAfter(failures, limits);
    if (steps.at(-1)?.waitMs !== waitMs) steps.push({ from: failures, waitMs });
    // The waits only grow, and stop growing at the refusal.
    if (waitMs === limits.refusalMs) break;
  }
  return steps;
}

/** "15 minutes", "45 seconds": how long until `until`, rounded up. */
export function describeWait(until: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
