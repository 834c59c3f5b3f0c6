import type { Context } from 'hono';
import { type Migration, sql } from 'kysely';
import type { Clock } from '../db/clock';
import type { Db } from '../db/database';
import type { AppEnv } from './env';
import { pendingMigrations } from '../db/schema-check';

/** A due message waiting longer than this means no worker is sending (or every send is failing). */
export const OUTBOX_STUCK_AFTER_MINUTES = 15;

export interface Readiness {
  ready: boolean;
  checks: { database: string; schema: string; outbox: string };
}

/**
 * Whether this instance can do its work: the database answers, no migration is waiting, and the
 * outbox is moving. For a load balancer or monitoring (`/ready`); `/health` only says the process is up.
 * The full table-by-table schema check runs at start-up (Waymark refuses to start without it).
 */
export async function readiness(db: Db, clock: Clock, migrations: Record<string, Migration>): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db);
  } catch {
    return { ready: false, checks: { database: 'unreachable', schema: 'unknown', outbox: 'unknown' } };
  }
  const pending = await pendingMigrations(db, migrations);
  const stuckBefore = new Date(clock.now().getTime() - OUTBOX_STUCK_AFTER_MINUTES * 60_000).toISOString();
  const stuck = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .where('available_at', '<', stuckBefore)
    .executeTakeFirstOrThrow();
  const checks = {
    database: 'ok',
    schema: pending.length ? `${pending.length} migration${pending.length === 1 ? '' : 's'} not run` : 'ok',
    outbox: Number(stuck.n) > 0 ? `${stuck.n} message${Number(stuck.n) === 1 ? '' : 's'} due more than ${OUTBOX_STUCK_AFTER_MINUTES} minutes ago` : 'ok',
  };
  return { ready: Object.values(checks).every((v) => v === 'ok'), checks };
}

/** GET /ready: 200 when ready, 503 with what is wrong when not. */
export function readyHandler(migrations: Record<string, Migration>) {
  return async (c: Context<AppEnv>) => {
    const { db, clock } = c.get('deps');
    const result = await readiness(db, clock, migrations);
    return c.json({ status: result.ready ? 'ready' : 'not ready', checks: result.checks }, result.ready ? 200 : 503);
  };
}
