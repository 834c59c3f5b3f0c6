import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngines } from '../../../test/support/database';
import { MINUTE } from '../../platform/db/clock';
import { refundAttempts, reserveAttempt } from './attempt-throttle';
import { ACCOUNT_LIMITS, ADDRESS_LIMITS, describeWait, waitAfter, waitSteps } from './throttle';

describe('sign-in throttling rules', () => {
  it('two failures are free, the third starts a short wait that doubles, then a 15-minute refusal', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => waitAfter(n, ACCOUNT_LIMITS))).toEqual([
      0,
      0,
      15_000,
      30_000,
      60_000,
      120_000,
      240_000,
      15 * MINUTE,
      15 * MINUTE,
    ]);
    expect(describeWait(new Date(15 * MINUTE), new Date(0))).toBe('15 minutes');
  });

  it('the table of waits says the same as the rule, and stops at the refusal', () => {
    for (const limits of [ACCOUNT_LIMITS, ADDRESS_LIMITS]) {
      const steps = waitSteps(limits);
      expect(steps.at(-1)?.waitMs).toBe(limits.refusalMs);
      for (let n = 1; n <= limits.refuseFrom + 5; n++) {
        const step = [...steps].reverse().find((s) => s.from <= n);
        expect(step?.waitMs ?? 0).toBe(waitAfter(n, limits));
      }
    }
  });
});

for (const engine of testEngines()) {
  describe(`counting attempts [${engine}]`, () => {
    let database: TestDatabase;
    const start = new Date('2026-11-24T10:00:00.000Z');
    const at = (ms: number) => new Date(start.getTime() + ms);

    beforeAll(async () => {
      database = await createTestDatabase(engine);
    });
    afterAll(async () => {
      await database?.destroy();
    });

    const row = (key: string) =>
      database.db.selectFrom('sign_in_throttles').select(['failures', 'window_started_at', 'locked_until']).where('key', '=', key).executeTakeFirst();

    it('each attempt is counted before it is made, and the one that earns a lock sets it', async () => {
      const key = 'account:counted@example.org';
      for (const n of [1, 2]) {
        expect((await reserveAttempt(database.db, start, [[key, ACCOUNT_LIMITS]])).admitted).toBe(true);
        expect(await row(key)).toEqual({ failures: n, window_started_at: start.toISOString(), locked_until: null });
      }
      const third = await reserveAttempt(database.db, start, [[key, ACCOUNT_LIMITS]]);
      expect(third).toEqual({ admitted: true, attempts: [{ key, windowStartedAt: start.toISOString(), lockedUntil: at(15_000).toISOString() }] });
      // Locked: refused, and not counted.
      expect(await reserveAttempt(database.db, at(14_999), [[key, ACCOUNT_LIMITS]])).toEqual({ admitted: false, lockedUntil: at(15_000) });
      expect((await row(key))?.failures).toBe(3);
      // The next one after the wait doubles it.
      expect(await reserveAttempt(database.db, at(15_000), [[key, ACCOUNT_LIMITS]])).toMatchObject({
        admitted: true,
        attempts: [{ lockedUntil: at(45_000).toISOString() }],
      });
    });

    it('failures older than the window are forgotten', async () => {
      const key = 'account:forgotten@example.org';
      for (let i = 0; i < 3; i++) await reserveAttempt(database.db, start, [[key, ACCOUNT_LIMITS]]);
      const later = at(61 * MINUTE);
      expect(await reserveAttempt(database.db, later, [[key, ACCOUNT_LIMITS]])).toMatchObject({ admitted: true, attempts: [{ lockedUntil: null }] });
      expect(await row(key)).toEqual({ failures: 1, window_started_at: later.toISOString(), locked_until: null });
    });

    it('an attempt that was not a failure is given back, with the lock it set', async () => {
      const key = 'address:10.0.0.9';
      for (let i = 0; i < 2; i++) await reserveAttempt(database.db, start, [[key, ACCOUNT_LIMITS]]);
      const third = await reserveAttempt(database.db, start, [[key, ACCOUNT_LIMITS]]);
      if (!third.admitted) throw new Error('the third attempt should be admitted');
      await refundAttempts(database.db, third.attempts);
      expect(await row(key)).toEqual({ failures: 2, window_started_at: start.toISOString(), locked_until: null });
    });

    it('when one of several keys is locked, none of them counts the attempt', async () => {
      const locked = 'account:locked@example.org';
      const free = 'address:10.0.0.10';
      for (let i = 0; i < 3; i++) await reserveAttempt(database.db, start, [[locked, ACCOUNT_LIMITS]]);
      const refused = await reserveAttempt(database.db, start, [
        [free, ADDRESS_LIMITS],
        [locked, ACCOUNT_LIMITS],
      ]);
      expect(refused).toEqual({ admitted: false, lockedUntil: at(15_000) });
      expect((await row(free))?.failures).toBe(0);
    });

    it('attempts made at the same moment are each counted, and only as many as the limits allow are admitted', async () => {
      const key = 'account:crowd@example.org';
      const results = await Promise.all(Array.from({ length: 40 }, () => reserveAttempt(database.db, start, [[key, ACCOUNT_LIMITS]])));
      expect(results.filter((r) => r.admitted)).toHaveLength(ACCOUNT_LIMITS.slowFrom);
      expect((await row(key))?.failures).toBe(ACCOUNT_LIMITS.slowFrom);
    });
  });
}
