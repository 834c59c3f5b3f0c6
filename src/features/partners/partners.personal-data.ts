import type { PersonalDataHook } from '../../platform/contributions';
import { eraseTables, exportTables, type PersonalTables } from '../../platform/personal-data';
import { deleteSignUpsOf, listSignUpsOf } from './partners.queries';

const TABLES: PersonalTables = {
  own: [{ table: 'outside_applicants', column: 'person_id', label: 'your school and headteacher, as you gave them when you joined to apply' }],
  cleared: [{ table: 'programme_openings', column: 'updated_by' }],
};

/** An outside applicant's school and headteacher, and the sign-ups made with their email address. */
export const partnersPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  export: async (db, subject) => {
    const part = await exportTables(db, TABLES, subject);
    const signUps = await listSignUpsOf(db, subject.email.trim().toLowerCase());
    return { ...part, data: { ...part.data, signUps } };
  },
  erase: async (trx, subject, context) => {
    const done = await eraseTables(trx, TABLES, subject, context);
    const n = await deleteSignUpsOf(trx, subject.email.trim().toLowerCase());
    if (n > 0) done.push(`Deleted ${n} sign-up${n === 1 ? '' : 's'} to apply from another school`);
    return done;
  },
};
