import type { Transaction } from 'kysely';
import type { Clock } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import type { DemoContext } from '../../../platform/module';

// Answers drawn from a fixed sequence so the demo is the same every time: most staff answer, some
// prefer not to say, some give nothing. Weighted so reports show some groups and hide the small ones.
const SEXES = ['female', 'female', 'female', 'male', 'female', 'male', 'female', 'prefer_not'];
const ETHNICITIES = [
  'white_british',
  'white_british',
  'white_british',
  'white_other',
  'asian_pakistani',
  'white_british',
  'asian_indian',
  'black_african',
  'white_british',
  'mixed_white_asian',
  'white_irish',
  'prefer_not',
];
const DISABILITY = ['no', 'no', 'no', 'no', 'yes', 'no', 'no', 'prefer_not', 'no'];
const AGES = ['30_to_39', '40_to_49', '25_to_29', '30_to_39', '50_to_59', '40_to_49', 'under_25', '30_to_39', '60_and_over'];
const PATTERNS = ['full_time', 'full_time', 'part_time', 'full_time', 'full_time', 'part_time', 'full_time'];

/** Demo data: equality information for most of the trust's staff (every seventh person gave none). */
export async function seedEquality(trx: Transaction<Database>, clock: Clock, context: DemoContext): Promise<void> {
  const people = await trx
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', context.organisationId)
    .where('status', '=', 'active')
    .orderBy('email')
    .execute();
  const at = clock.now().toISOString();
  const pick = (list: string[], i: number, step: number) => list[(i * step) % list.length] ?? null;
  const rows = people
    .map((p, i) => ({
      person_id: p.id,
      organisation_id: context.organisationId,
      sex: pick(SEXES, i, 3),
      ethnicity: pick(ETHNICITIES, i, 5),
      disability: pick(DISABILITY, i, 2),
      age_band: i % 11 === 4 ? null : pick(AGES, i, 4),
      working_pattern: pick(PATTERNS, i, 3),
      updated_at: at,
    }))
    .filter((_, i) => i % 7 !== 6);
  if (rows.length > 0) await trx.insertInto('equality_answers').values(rows).execute();
}
