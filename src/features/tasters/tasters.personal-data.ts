import type { PersonalDataHook } from '../../platform/contributions';
import { eraseTables, exportTables, type PersonalTables } from '../../platform/personal-data';
import { deleteSignUpsOfEmail, listSignUpsOfEmail } from './tasters.queries';

const TABLES: PersonalTables = {
  own: [],
  cleared: [{ table: 'public_tasters', column: 'made_public_by' }],
};

/** Sign-ups to public tasters are kept by email address (anyone may sign up): found and deleted by it. */
export const tastersPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  export: async (db, subject) => {
    const part = await exportTables(db, TABLES, subject);
    const tasterSignUps = await listSignUpsOfEmail(db, subject.email.trim().toLowerCase());
    return { ...part, data: { ...part.data, tasterSignUps } };
  },
  erase: async (trx, subject, context) => {
    const done = await eraseTables(trx, TABLES, subject, context);
    const n = await deleteSignUpsOfEmail(trx, subject.email.trim().toLowerCase());
    if (n > 0) done.push(`Deleted ${n} sign-up${n === 1 ? '' : 's'} to taster sessions`);
    return done;
  },
};
