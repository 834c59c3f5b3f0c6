import type { Db, Executor } from '../db/database';
import type { Clock } from '../db/clock';
import { chunks } from '../db/batches';
import { engineOfDb } from '../db/connect';
import { newId } from '../db/ids';
import type { Logger } from '../log';
import { emailSchema, type Email, type Mailer } from '../mail/mailer';

export interface OutboxMessage {
  kind: string;
  payload: unknown;
  /** A second message with the same key is silently not written. */
  dedupeKey?: string;
  availableAt?: Date;
}

/**
 * Writes a message to the outbox. Call it with the same transaction as the change that causes
 * it, so the message exists exactly when the change does. Returns false when a message with the
 * same dedupe key was already there (nothing written).
 */
export async function enqueue(db: Executor, clock: Clock, message: OutboxMessage): Promise<boolean> {
  const now = clock.now().toISOString();
  const row = {
    id: newId(),
    kind: message.kind,
    payload: JSON.stringify(message.payload),
    dedupe_key: message.dedupeKey ?? null,
    status: 'pending' as const,
    attempts: 0,
    available_at: (message.availableAt ?? clock.now()).toISOString(),
    created_at: now,
  };
  if (message.dedupeKey) {
    const result = await db
      .insertInto('outbox')
      .values(row)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  await db.insertInto('outbox').values(row).execute();
  return true;
}

/** Queues an email through the outbox. */
export function enqueueEmail(db: Executor, clock: Clock, email: Email, dedupeKey?: string): Promise<boolean> {
  return enqueue(db, clock, { kind: 'email', payload: email, dedupeKey });
}

/** Queues many emails, a few hundred rows per statement (for invitations to a whole staff list). */
export async function enqueueEmails(db: Executor, clock: Clock, emails: readonly Email[]): Promise<void> {
  const now = clock.now().toISOString();
  for (const batch of chunks(emails, 500)) {
    await db
      .insertInto('outbox')
      .values(
        batch.map((email) => ({
          id: newId(),
          kind: 'email',
          payload: JSON.stringify(email),
          dedupe_key: null,
          status: 'pending' as const,
          attempts: 0,
          available_at: now,
          created_at: now,
        })),
      )
      .execute();
  }
}

/**
 * Delivers one message; `messageId` (the outbox message's id) lets a handler make its own writes
 * idempotent across retries, and gives each email it sends a Message-ID that a repeat keeps.
 */
export type OutboxHandler = (payload: unknown, messageId: string) => Promise<void>;

export const MAX_ATTEMPTS = 8;
/**
 * How long a claimed message is one worker's alone. The worker renews it every third of that while
 * the send runs, so a slow SMTP server keeps its message; a worker that dies holds it up no longer.
 */
export const LEASE_MS = 60_000;

/**
 * What a finished message keeps of its payload: whom it was for and what it was about, for the
 * record. Bodies go, because they hold live links (invitations last 14 days) that anyone reading
 * the database or a backup could use.
 */
const KEPT_ONCE_FINISHED = ['to', 'personId', 'kind', 'subject', 'at'] as const;

/** A payload with everything but `KEPT_ONCE_FINISHED` removed, marked as such. */
export function redactPayload(payload: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    parsed = null;
  }
  const kept: Record<string, unknown> = {};
  if (parsed && typeof parsed === 'object') {
    for (const field of KEPT_ONCE_FINISHED) {
      const value = (parsed as Record<string, unknown>)[field];
      if (typeof value === 'string') kept[field] = value;
    }
  }
  return JSON.stringify({ ...kept, redacted: true });
}

/** Back-off after the nth failure: 30 s, 1 min, 2 min … capped at 1 hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Claims the next due message for `workerId`, one at a time, in a single statement: on PostgreSQL
 * the row is picked with FOR UPDATE SKIP LOCKED, so workers never wait on each other; SQLite has one
 * writer. Claiming one at a time means a worker that dies holds up only the message it was sending.
 */
async function claimNext(db: Db, clock: Clock, workerId: string) {
  const now = clock.now().toISOString();
  let next = db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('available_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('available_at')
    .limit(1);
  if (engineOfDb(db) === 'postgres') next = next.forUpdate().skipLocked();
  return db
    .updateTable('outbox')
    .set({ locked_until: new Date(clock.now().getTime() + LEASE_MS).toISOString(), locked_by: workerId })
    .where('id', '=', next)
    .returning(['id', 'kind', 'payload', 'attempts'])
    .executeTakeFirst();
}

/** Extends our lease on a message we still hold; false when it isn't ours any more. */
async function renewLease(db: Db, clock: Clock, id: string, workerId: string): Promise<boolean> {
  const now = clock.now();
  const result = await db
    .updateTable('outbox')
    .set({ locked_until: new Date(now.getTime() + LEASE_MS).toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'pending')
    .where('locked_until', '>', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Runs `send` while renewing the lease on the message every third of `LEASE_MS`. */
async function withLease(options: DrainOptions & { workerId: string }, id: string, send: () => Promise<void>): Promise<void> {
  const { db, clock, logger, workerId } = options;
  const heartbeat = setInterval(() => {
    renewLease(db, clock, id, workerId)
      .then((held) => {
        if (!held) logger.warn({ outboxId: id }, 'outbox message lease lost while sending; another worker may send it again');
      })
      .catch((error: unknown) => logger.warn({ err: error, outboxId: id }, 'outbox lease renewal failed'));
  }, LEASE_MS / 3);
  try {
    await send();
  } finally {
    clearInterval(heartbeat);
  }
}

export interface DrainOptions {
  db: Db;
  clock: Clock;
  handlers: Record<string, OutboxHandler>;
  logger: Logger;
  workerId?: string;
}

/**
 * Processes every due message once, one at a time; returns how many were handled successfully.
 * Delivery is at least once: a worker that dies after sending but before recording it leaves the
 * message to be sent again when its lease runs out (emails keep their Message-ID; handlers that
 * write, like the inbox, are idempotent by message id). See docs/operating.md.
 */
export async function drainOutbox(options: DrainOptions): Promise<number> {
  const { db, clock, handlers, logger, workerId = newId() } = options;
  let sent = 0;
  for (;;) {
    const message = await claimNext(db, clock, workerId);
    if (!message) return sent;
    const handler = handlers[message.kind];
    try {
      if (!handler) throw new Error(`No handler for outbox kind "${message.kind}"`);
      await withLease({ ...options, workerId }, message.id, () => handler(JSON.parse(message.payload), message.id));
      // Checked against our lease, so a worker whose lease ran out never overwrites another's outcome.
      await db
        .updateTable('outbox')
        .set({
          status: 'sent',
          payload: redactPayload(message.payload),
          processed_at: clock.now().toISOString(),
          locked_until: null,
          attempts: message.attempts + 1,
        })
        .where('id', '=', message.id)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'pending')
        .execute();
      // What was done, never what it said: no addresses or links in the log.
      logger.info({ outboxId: message.id, kind: message.kind, attempts: message.attempts + 1 }, 'outbox message sent');
      sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      // Given up on is an error an operator must act on (docs/operating.md, monitoring); a retry is a warning.
      logger[failed ? 'error' : 'warn'](
        { err: error, outboxId: message.id, kind: message.kind, attempts },
        failed ? 'outbox message failed for good' : 'outbox message failed; will retry',
      );
      await db
        .updateTable('outbox')
        .set({
          status: failed ? 'failed' : 'pending',
          // Given up on: nothing retries it, and its links stay live. Send again from Waymark
          // (a new invitation or link), which makes fresh ones.
          ...(failed ? { payload: redactPayload(message.payload) } : {}),
          attempts,
          last_error: error instanceof Error ? error.message : String(error),
          available_at: new Date(clock.now().getTime() + retryDelayMs(attempts)).toISOString(),
          locked_until: null,
        })
        .where('id', '=', message.id)
        // Only while it is still ours: if our lease ran out and another worker took the message
        // (and perhaps sent it), our failure must not put it back in the queue.
        .where('locked_by', '=', workerId)
        .where('status', '=', 'pending')
        .execute();
    }
  }
}

/** The handlers every install has: sending email. Features add their own kinds. */
export function platformHandlers(mailer: Mailer): Record<string, OutboxHandler> {
  return {
    email: async (payload, outboxId) => mailer.send(emailSchema.parse(payload), outboxId),
  };
}

/** Periodic work the worker does besides sending: reminders and other sweeps that queue messages. */
export interface Sweep {
  name: string;
  everyMs: number;
  /** Returns how many things it did; must be safe to run on several workers at once (use dedupe keys). */
  run(db: Db, clock: Clock): Promise<number>;
}

/**
 * The platform's own sweep: deletes sent messages older than `keepDays` (the record of what was
 * sent, kept that long for questions and for dedupe keys, which stop reminders going twice), and
 * clears the body of any finished message that still has one (sent before bodies were cleared on
 * sending). Returns how many messages it deleted or cleared.
 */
export function outboxTidySweep(keepDays: number): Sweep {
  return {
    name: 'outbox-tidy',
    everyMs: 60 * 60_000,
    async run(db, clock) {
      const cutoff = new Date(clock.now().getTime() - keepDays * 24 * 60 * 60_000).toISOString();
      const purged = await db.deleteFrom('outbox').where('status', '=', 'sent').where('processed_at', '<', cutoff).executeTakeFirst();
      let cleared = 0;
      for (;;) {
        const rows = await db
          .selectFrom('outbox')
          .select(['id', 'payload'])
          .where('status', 'in', ['sent', 'failed'])
          .where('payload', 'not like', '%"redacted":true}')
          .limit(500)
          .execute();
        for (const row of rows) {
          await db
            .updateTable('outbox')
            .set({ payload: redactPayload(row.payload) })
            .where('id', '=', row.id)
            .execute();
        }
        cleared += rows.length;
        if (rows.length < 500) break;
      }
      return Number(purged.numDeletedRows) + cleared;
    },
  };
}

/** Runs the sweeps that are due, then `drainOutbox`, every `intervalMs` until stopped. */
export function startWorker(options: DrainOptions & { intervalMs?: number; sweeps?: Sweep[] }): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const lastSwept = new Map<string, number>();
  const sweep = async () => {
    for (const s of options.sweeps ?? []) {
      const now = options.clock.now().getTime();
      if (now - (lastSwept.get(s.name) ?? 0) < s.everyMs) continue;
      lastSwept.set(s.name, now);
      try {
        const done = await s.run(options.db, options.clock);
        if (done > 0) options.logger.info({ sweep: s.name, done }, 'sweep');
      } catch (error) {
        options.logger.error({ err: error, sweep: s.name }, 'sweep failed');
      }
    }
  };
  const tick = () => {
    if (stopped) return;
    running = sweep()
      .then(() => drainOutbox(options))
      .catch((error) => options.logger.error({ err: error }, 'outbox worker error'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 1000);
      });
  };
  let timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Forgets a person erased from Waymark: every message, waiting or finished, whose payload holds their
 * id, email or name is deleted (mail to them can no longer be wanted; mail about them would name them).
 */
export async function forgetInOutbox(trx: Executor, needles: readonly string[]): Promise<number> {
  const wanted = needles.filter((n) => n.length > 0);
  if (wanted.length === 0) return 0;
  const result = await trx
    .deleteFrom('outbox')
    .where((eb) => eb.or(wanted.map((n) => eb(eb.fn('lower', ['payload']), 'like', `%${n.toLowerCase()}%`))))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
