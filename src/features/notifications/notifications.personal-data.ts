import type { PersonalDataHook } from '../../platform/module';
import { eraseTables, exportTables, mentions, type PersonalTables, scrubText } from '../../platform/personal-data';

const tables: PersonalTables = {
  own: [
    { table: 'notifications', column: 'person_id', label: 'notifications' },
    { table: 'notification_preferences', column: 'person_id', label: 'email settings' },
  ],
};

/** Their notifications and settings; other people's notifications that name them say "a former member of staff" instead. */
export const notificationsPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  export: (db, subject) => exportTables(db, tables, subject),
  async erase(trx, subject, context) {
    const done = await eraseTables(trx, tables, subject, context);
    const naming = await trx
      .selectFrom('notifications')
      .select(['id', 'subject', 'body'])
      .where('organisation_id', '=', subject.organisationId)
      .where((eb) => eb.or(subject.strings.flatMap((s) => [eb('subject', 'like', `%${s}%`), eb('body', 'like', `%${s}%`)])))
      .execute();
    let n = 0;
    for (const row of naming) {
      if (!mentions(row.subject, subject.strings) && !mentions(row.body, subject.strings)) continue;
      await trx
        .updateTable('notifications')
        .set({ subject: scrubText(row.subject, subject.strings), body: scrubText(row.body, subject.strings) })
        .where('id', '=', row.id)
        .execute();
      n += 1;
    }
    if (n > 0) done.push(`Took their name out of ${n} notifications to other people`);
    return done;
  },
};
