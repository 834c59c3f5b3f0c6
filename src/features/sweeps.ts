import type { Config } from '../config';
import type { Sweep } from '../platform/jobs/outbox';
import { HOUR } from '../platform/db/clock';
import { sendEndorsementReminders } from './cohorts';

/** Everything the worker does on a timer, besides sending what's in the outbox. */
export function sweeps(config: Pick<Config, 'BASE_URL'>): Sweep[] {
  return [{ name: 'endorsement-reminders', everyMs: HOUR, run: (db, clock) => sendEndorsementReminders(db, clock, config.BASE_URL) }];
}
