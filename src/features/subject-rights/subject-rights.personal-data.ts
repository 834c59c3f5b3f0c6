import type { PersonalDataHook } from '../../platform/module';
import { eraseTables, exportTables, type PersonalTables } from '../../platform/personal-data';

const tables: PersonalTables = {
  own: [{ table: 'subject_access_exports', column: 'person_id', label: 'subject access exports made about you' }],
  doneBy: [
    { table: 'subject_access_exports', column: 'requested_by' },
    { table: 'erasures', column: 'requested_by' },
  ],
};

/** Exports about a person are theirs (and go when they are erased); exports and erasures an admin carried out keep "a former member of staff". */
export const subjectRightsPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const part = await exportTables(db, tables, subject);
    const key = 'subject access exports made about you';
    const rows = part.data[key];
    // The earlier ZIPs themselves are not repeated inside the new one.
    if (Array.isArray(rows)) part.data[key] = rows.map(({ zip: _zip, ...rest }: Record<string, unknown>) => rest);
    return part;
  },
  erase: (trx, subject, context) => eraseTables(trx, tables, subject, context),
};
