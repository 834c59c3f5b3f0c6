import type { Clock } from './db/clock';
import type { Db } from './db/database';
import { newId } from './db/ids';
import type { DemoContext, DemoSignIn, DemoStep } from './contributions';

/** Every demo account's password (printed by `waymark demo`). */
export const DEMO_PASSWORD = 'waymark-demo-password';

/**
 * The item `n` places along a fixed list, going round again past its end: how the demo spreads its
 * made-up comments and patterns over however many people it has. The list is never empty.
 */
export function inTurn<T>(list: readonly [T, ...T[]], n: number): T {
  return list[n % list.length] ?? list[0];
}

/**
 * Seeds the demo trust: every module's demo step in list order, in one transaction (so a failure
 * leaves the database empty). Returns the sign-ins the steps want printed.
 */
export async function seedDemo(db: Db, clock: Clock, steps: readonly DemoStep[]): Promise<DemoSignIn[]> {
  const context: DemoContext = { organisationId: newId(), ids: new Map() };
  const signIns: DemoSignIn[] = [];
  await db.transaction().execute(async (trx) => {
    for (const step of steps) signIns.push(...((await step.seed(trx, clock, context)) ?? []));
  });
  return signIns;
}
