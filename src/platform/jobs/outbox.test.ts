import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectAgain, createTestDatabase, testEngines, type TestDatabase } from '../../../test/support/database';
import type { Db } from '../db/database';
import { DAY, FixedClock, MINUTE } from '../db/clock';
import { silentLogger } from '../log';
import { memoryMailer } from '../mail/mailer';
import { drainOutbox, enqueue, LEASE_MS, MAX_ATTEMPTS, outboxTidySweep, platformHandlers, retryDelayMs, type OutboxHandler } from './outbox';

const drain = (db: Db, clock: FixedClock, handlers: Record<string, OutboxHandler>, workerId?: string) =>
  drainOutbox({ db, clock, handlers, logger: silentLogger, workerId });

const outboxRow = (db: Db, kind: string) =>
  db.selectFrom('outbox').select(['status', 'attempts', 'available_at', 'last_error']).where('kind', '=', kind).executeTakeFirstOrThrow();

for (const engine of testEngines()) {
  describe(`the outbox worker [${engine}]`, () => {
    let database: TestDatabase;
    let clock: FixedClock;

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      clock = new FixedClock();
    });
    afterAll(async () => {
      await database?.destroy();
    });

    it('retries a failed send only after its back-off, and gives up as failed after the last attempt', async () => {
      const { db } = database;
      let calls = 0;
      const handlers = {
        refused: async () => {
          calls += 1;
          throw new Error('550 mailbox unavailable');
        },
      };
      await enqueue(db, clock, { kind: 'refused', payload: {} });
      await drain(db, clock, handlers);
      expect(calls).toBe(1);
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
        const row = await outboxRow(db, 'refused');
        expect(row).toMatchObject({ status: 'pending', attempts: attempt, last_error: '550 mailbox unavailable' });
        expect(Date.parse(row.available_at) - clock.now().getTime()).toBe(retryDelayMs(attempt));
        // Not before its delay is up…
        clock.advance(retryDelayMs(attempt) - 1);
        await drain(db, clock, handlers);
        expect(calls).toBe(attempt);
        // …and as soon as it is.
        clock.advance(1);
        await drain(db, clock, handlers);
        expect(calls).toBe(attempt + 1);
      }
      expect(await outboxRow(db, 'refused')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
      clock.advance(24 * 60 * MINUTE);
      await drain(db, clock, handlers);
      expect(calls).toBe(MAX_ATTEMPTS);
    });

    it('a message whose hold ran out while it was being sent is left to the worker that took it', async () => {
      const { db } = database;
      const sends: string[] = [];
      let slowFirst = true;
      const handlers: Record<string, OutboxHandler> = {
        slow: async (payload) => {
          const { n } = payload as { n: number };
          sends.push(`${n}`);
          if (slowFirst) {
            slowFirst = false;
            // Worker A is stuck on its first message past its hold (its renewals stalled too); worker B takes it.
            clock.advance(6 * MINUTE);
            await drain(db, clock, handlers, 'worker-b');
          }
        },
      };
      await enqueue(db, clock, { kind: 'slow', payload: { n: 1 } });
      clock.advance(1);
      await enqueue(db, clock, { kind: 'slow', payload: { n: 2 } });
      await drain(db, clock, handlers, 'worker-a');
      // B sent the second, and the first again (the documented at-least-once edge of a send that
      // outlives its hold); A, finishing late, neither overwrote B's outcome nor sent the second.
      expect(sends.filter((n) => n === '2')).toEqual(['2']);
      const rows = await db.selectFrom('outbox').select(['status', 'locked_by']).where('kind', '=', 'slow').execute();
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    });

    it('a worker that dies while sending holds up only the email in flight, for a minute, and the repeat has the same Message-ID', async () => {
      const { db } = database;
      const mailer = memoryMailer();
      const sendFor = (worker: string): Record<string, OutboxHandler> => {
        const email = platformHandlers(mailer).email;
        if (!email) throw new Error('no email handler');
        return {
          crash: async (payload, outboxId) => {
            await email(payload, outboxId);
            // The SMTP server has taken it; now worker A is killed before it records that. Its
            // timers stop too (faked below), so nothing renews its hold on the message.
            if (worker === 'worker-a') await new Promise(() => {});
          },
        };
      };
      for (let n = 1; n <= 5; n++) {
        await enqueue(db, clock, { kind: 'crash', payload: { to: `person${n}@example.org`, subject: `Message ${n}`, text: `Link ${n}` } });
        clock.advance(1);
      }
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        void drain(db, clock, sendFor('worker-a'), 'worker-a');
        await vi.waitFor(() => expect(mailer.sent).toHaveLength(1), { timeout: 10_000 });
        // Another worker sends the other four at once…
        expect(await drain(db, clock, sendFor('worker-b'), 'worker-b')).toBe(4);
        expect(mailer.sent.map((m) => m.subject).sort()).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4', 'Message 5']);
        // …and the one in flight a minute later (delivery is at least once), with the same Message-ID.
        clock.advance(30_000);
        expect(await drain(db, clock, sendFor('worker-b'), 'worker-b')).toBe(0);
        clock.advance(31_000);
        expect(await drain(db, clock, sendFor('worker-b'), 'worker-b')).toBe(1);
      } finally {
        vi.useRealTimers();
      }
      const first = mailer.sent.filter((m) => m.subject === 'Message 1');
      expect(first).toHaveLength(2);
      expect(first[0]?.messageId).toMatch(/^<[0-9a-f-]+@waymark\.localhost>$/);
      expect(first[1]?.messageId).toBe(first[0]?.messageId);
      expect(new Set(mailer.sent.map((m) => m.messageId)).size).toBe(5);
    });

    it('a worker renews its hold on a message for as long as the send takes', async () => {
      const { db } = database;
      let finish = () => {};
      const slowSend: Record<string, OutboxHandler> = { 'slow-send': () => new Promise<void>((resolve) => (finish = resolve)) };
      const sent: string[] = [];
      await enqueue(db, clock, { kind: 'slow-send', payload: {} });
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        const a = drain(db, clock, slowSend, 'worker-a');
        const row = () => db.selectFrom('outbox').select(['locked_by', 'locked_until']).where('kind', '=', 'slow-send').executeTakeFirstOrThrow();
        await vi.waitFor(async () => expect((await row()).locked_by).toBe('worker-a'), { timeout: 10_000 });
        // Ten minutes of a slow SMTP server, with worker A alive throughout.
        for (let i = 0; i < 30; i++) {
          clock.advance(20_000);
          await vi.advanceTimersByTimeAsync(20_000);
          // This tick's renewal has landed: the lease runs a full LEASE_MS from now.
          await vi.waitFor(async () => expect(Date.parse((await row()).locked_until ?? '')).toBe(clock.now().getTime() + LEASE_MS), { timeout: 10_000 });
        }
        expect(await drain(db, clock, { 'slow-send': async () => void sent.push('b') }, 'worker-b')).toBe(0);
        finish();
        expect(await a).toBe(1);
      } finally {
        vi.useRealTimers();
      }
      expect(sent).toEqual([]);
    });

    it('once sent, a message keeps only whom it was for and what it was about: no body, no links', async () => {
      const { db } = database;
      const token = 'k'.repeat(43);
      await enqueue(db, clock, {
        kind: 'keep-email',
        payload: { to: 'a@example.org', subject: 'Your sign-in link', text: `https://waymark.example.org/sign-in/link/${token}` },
      });
      await enqueue(db, clock, {
        kind: 'keep-notification',
        payload: {
          personId: 'p-1',
          kind: 'feedback_update',
          subject: 'Your report is ready',
          paragraphs: ['Read it.'],
          link: `/feedback/${token}`,
          at: '2026-11-24T10:00:00.000Z',
        },
      });
      await drain(db, clock, { 'keep-email': async () => {}, 'keep-notification': async () => {} });
      const rows = await db.selectFrom('outbox').selectAll().where('kind', 'like', 'keep-%').orderBy('kind').execute();
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows.map((r) => JSON.parse(r.payload))).toEqual([
        { to: 'a@example.org', subject: 'Your sign-in link', redacted: true },
        { personId: 'p-1', kind: 'feedback_update', subject: 'Your report is ready', at: '2026-11-24T10:00:00.000Z', redacted: true },
      ]);
    });

    it('a message that failed for good loses its body too, keeping its error', async () => {
      const { db } = database;
      const token = 'f'.repeat(43);
      await enqueue(db, clock, {
        kind: 'never-sent',
        payload: { to: 'b@example.org', subject: 'Your invitation', text: `https://waymark.example.org/invitation/${token}` },
      });
      const handlers = {
        'never-sent': async () => {
          throw new Error('550 no such mailbox');
        },
      };
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await drain(db, clock, handlers);
        const row = await db.selectFrom('outbox').select(['status', 'payload']).where('kind', '=', 'never-sent').executeTakeFirstOrThrow();
        // Still to be retried: the body is needed.
        if (attempt < MAX_ATTEMPTS) expect(row.payload).toContain(token);
        clock.advance(retryDelayMs(attempt));
      }
      const failed = await db.selectFrom('outbox').selectAll().where('kind', '=', 'never-sent').executeTakeFirstOrThrow();
      expect(failed).toMatchObject({ status: 'failed', last_error: '550 no such mailbox' });
      expect(JSON.parse(failed.payload)).toEqual({ to: 'b@example.org', subject: 'Your invitation', redacted: true });
    });

    it('the tidying sweep removes sent messages older than the period kept, and nothing else', async () => {
      const { db } = database;
      const kept = 30;
      const sweep = outboxTidySweep(kept);
      await enqueue(db, clock, { kind: 'tidy-old', payload: { to: 'old@example.org', subject: 'Old', text: 'old link' } });
      await enqueue(db, clock, { kind: 'tidy-failed', payload: {} });
      await drain(db, clock, {
        'tidy-old': async () => {},
        'tidy-failed': async () => {
          throw new Error('refused');
        },
      });
      await db.updateTable('outbox').set({ status: 'failed' }).where('kind', '=', 'tidy-failed').execute();
      clock.advance(kept * DAY - MINUTE);
      await enqueue(db, clock, { kind: 'tidy-recent', payload: {} });
      await enqueue(db, clock, { kind: 'tidy-pending', payload: {}, availableAt: new Date(clock.now().getTime() + 60 * DAY) });
      await drain(db, clock, { 'tidy-recent': async () => {} });
      const kinds = async () => (await db.selectFrom('outbox').select('kind').where('kind', 'like', 'tidy-%').orderBy('kind').execute()).map((r) => r.kind);
      await sweep.run(db, clock);
      expect(await kinds()).toEqual(['tidy-failed', 'tidy-old', 'tidy-pending', 'tidy-recent']);
      clock.advance(2 * MINUTE);
      await sweep.run(db, clock);
      expect(await kinds()).toEqual(['tidy-failed', 'tidy-pending', 'tidy-recent']);
    });

    it('the tidying sweep also clears the bodies of messages sent before bodies were cleared on sending', async () => {
      const { db } = database;
      const token = 'o'.repeat(43);
      await enqueue(db, clock, { kind: 'sent-long-ago', payload: { to: 'c@example.org', subject: 'Welcome', text: `/invitation/${token}` } });
      // As a worker of an earlier release left it.
      await db.updateTable('outbox').set({ status: 'sent', processed_at: clock.now().toISOString() }).where('kind', '=', 'sent-long-ago').execute();
      await outboxTidySweep(30).run(db, clock);
      const row = await db.selectFrom('outbox').select('payload').where('kind', '=', 'sent-long-ago').executeTakeFirstOrThrow();
      expect(JSON.parse(row.payload)).toEqual({ to: 'c@example.org', subject: 'Welcome', redacted: true });
    });

    it('two workers draining the same database at once send every message exactly once', async () => {
      const second = connectAgain(database);
      try {
        const total = 200;
        await database.db.transaction().execute(async (trx) => {
          for (let n = 0; n < total; n++) await enqueue(trx, clock, { kind: 'race', payload: { n } });
        });
        const sends = new Map<number, string[]>();
        const handlerFor =
          (worker: string): OutboxHandler =>
          async (payload) => {
            const { n } = payload as { n: number };
            sends.set(n, [...(sends.get(n) ?? []), worker]);
            await new Promise((resolve) => setTimeout(resolve, 1 + Math.floor(Math.random() * 3)));
          };
        const [a, b] = await Promise.all([
          drain(database.db, clock, { race: handlerFor('a') }, 'worker-a'),
          drain(second.db, clock, { race: handlerFor('b') }, 'worker-b'),
        ]);
        expect(a + b).toBe(total);
        expect(sends.size).toBe(total);
        const twice = [...sends].filter(([, workers]) => workers.length !== 1);
        expect(twice).toEqual([]);
        // Both took part (each message takes at least a millisecond, so neither can drain all 200 before the other starts).
        expect(a).toBeGreaterThan(0);
        expect(b).toBeGreaterThan(0);
        const statuses = await database.db
          .selectFrom('outbox')
          .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
          .where('kind', '=', 'race')
          .groupBy('status')
          .execute();
        expect(statuses).toEqual([{ status: 'sent', n: total }]);
      } finally {
        await second.destroy();
      }
    });
  });
}
