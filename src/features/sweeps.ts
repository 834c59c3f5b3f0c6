import type { Config } from '../config';
import type { Sweep } from '../platform/jobs/outbox';
import { HOUR } from '../platform/db/clock';
import { sendAwaitedEndorsementReminders, sendEndorsementReminders, sendRoundClosingReminders } from './cohorts';
import { sendSessionReminders } from './sessions';
import { sweepFeedbackRounds } from './feedback';

/** Everything the worker does on a timer, besides sending what's in the outbox. */
export function sweeps(config: Pick<Config, 'BASE_URL'>): Sweep[] {
  return [
    { name: 'endorsement-reminders', everyMs: HOUR, run: (db, clock) => sendEndorsementReminders(db, clock) },
    { name: 'endorsement-awaited-reminders', everyMs: HOUR, run: (db, clock) => sendAwaitedEndorsementReminders(db, clock) },
    { name: 'round-closing-reminders', everyMs: HOUR, run: (db, clock) => sendRoundClosingReminders(db, clock) },
    { name: 'session-reminders', everyMs: HOUR, run: (db, clock) => sendSessionReminders(db, clock) },
    { name: 'feedback-rounds', everyMs: HOUR, run: (db, clock) => sweepFeedbackRounds(db, clock, config.BASE_URL) },
  ];
}
