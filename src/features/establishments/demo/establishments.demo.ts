import type { DemoStep } from '../../../platform/module';
import { applyEstablishments, readEstablishmentFile } from '../establishments.service';
import { GIAS_SAMPLE_CSV } from './gias-sample';

/** The demo's school list: a small file in the shape of the national one. */
export const seedSchoolList: DemoStep['seed'] = async (trx, clock) => {
  const reading = readEstablishmentFile(new TextEncoder().encode(GIAS_SAMPLE_CSV));
  if (!reading.ok) throw new Error(`The demo school list is wrong: ${reading.reason}`);
  await applyEstablishments(trx, clock, reading.rows);
};
