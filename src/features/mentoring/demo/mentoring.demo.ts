import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database';
import type { Clock } from '../../../platform/db/clock';
import type { DemoContext } from '../../../platform/module';

export async function seedMentoring(_trx: Transaction<Database>, _clock: Clock, _context: DemoContext): Promise<void> {}
