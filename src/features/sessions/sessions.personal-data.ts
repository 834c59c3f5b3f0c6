import type { PersonalDataHook } from '../../platform/module';
import { eraseTables, exportTables, type PersonalTables } from '../../platform/personal-data';

const tables: PersonalTables = {
  own: [
    { table: 'session_facilitators', column: 'person_id', label: 'sessions you facilitate' },
    { table: 'session_bookings', column: 'person_id', label: 'bookings' },
    { table: 'session_attendance', column: 'person_id', label: 'attendance' },
    { table: 'calendar_feeds', column: 'person_id', label: 'calendar feed' },
  ],
  doneBy: [
    { table: 'sessions_events', column: 'created_by' },
    { table: 'session_materials', column: 'added_by' },
    { table: 'session_attendance', column: 'marked_by' },
  ],
};

/** Bookings, attendance and the calendar feed are theirs; sessions they created or registers they marked say a former member of staff. */
export const sessionsPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const part = await exportTables(db, tables, subject);
    const feeds = part.data['calendar feed'];
    if (Array.isArray(feeds)) part.data['calendar feed'] = feeds.map((f: { created_at?: unknown }) => ({ created_at: f.created_at }));
    return part;
  },
  erase: (trx, subject, context) => eraseTables(trx, tables, subject, context),
};
