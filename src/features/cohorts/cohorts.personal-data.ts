import type { PersonalDataHook } from '../../platform/module';
import { eraseTables, exportTables, type PersonalTables } from '../../platform/personal-data';

const applications = { table: 'applications', column: 'person_id' };
const tables: PersonalTables = {
  own: [
    { table: 'application_events', column: 'application_id', in: applications, label: 'application history' },
    { table: 'endorsements', column: 'application_id', in: applications, label: 'endorsements of your applications' },
    { ...applications, label: 'applications' },
    { table: 'cohort_leads', column: 'person_id', label: 'cohorts you lead' },
  ],
  doneBy: [
    { table: 'application_events', column: 'actor_id' },
    { table: 'endorsements', column: 'endorser_id' },
    { table: 'endorsements', column: 'answered_by' },
  ],
};

/** Applications are the applicant's; endorsements they gave others stay, by a former member of staff; where they were someone's nominated coach, the coach is forgotten. */
export const cohortsPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const part = await exportTables(db, tables, subject);
    const named = await db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) => eb.or([eb('coach_person_id', '=', subject.id), eb('coach_email', '=', subject.email)]))
      .executeTakeFirstOrThrow();
    if (Number(named.n) > 0)
      part.withheld.push(`${named.n} application${Number(named.n) === 1 ? '' : 's'} naming you as coach: the rest of each is the applicant’s`);
    return part;
  },
  async erase(trx, subject, context) {
    const done = await eraseTables(trx, tables, subject, context);
    const coached = await trx
      .updateTable('applications')
      .set({ coach_person_id: null, coach_name: null, coach_email: null })
      .where((eb) => eb.or([eb('coach_person_id', '=', subject.id), eb('coach_email', '=', subject.email)]))
      .executeTakeFirst();
    if (Number(coached.numUpdatedRows) > 0) done.push(`Removed them as nominated coach from ${coached.numUpdatedRows} applications`);
    return done;
  },
};
