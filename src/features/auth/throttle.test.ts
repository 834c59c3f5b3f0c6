import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMITS, describeWait, lockedUntil, recordFailure } from './throttle';

describe('sign-in throttling rules', () => {
  const start = new Date('2026-11-24T10:00:00Z');
  it('two failures are free, the third starts a short wait that doubles, then a 15-minute refusal', () => {
    let state = recordFailure(undefined, start, ACCOUNT_LIMITS);
    state = recordFailure(state, start, ACCOUNT_LIMITS);
    expect(lockedUntil(state, start)).toBeNull();
    state = recordFailure(state, start, ACCOUNT_LIMITS);
    expect(lockedUntil(state, start)?.getTime()).toBe(start.getTime() + 15_000);
    state = recordFailure(state, start, ACCOUNT_LIMITS);
    expect(lockedUntil(state, start)?.getTime()).toBe(start.getTime() + 30_000);
    for (let i = 0; i < 4; i++) state = recordFailure(state, start, ACCOUNT_LIMITS);
    expect(lockedUntil(state, start)?.getTime()).toBe(start.getTime() + 15 * 60_000);
    expect(describeWait(lockedUntil(state, start) as Date, start)).toBe('15 minutes');
  });

  it('failures older than the window are forgotten', () => {
    const state = recordFailure({ failures: 7, windowStartedAt: '2026-11-24T08:00:00Z', lockedUntil: null }, start, ACCOUNT_LIMITS);
    expect(state.failures).toBe(1);
  });
});
