import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import type { PersonalDataHook } from '../../platform/module';
import { endAllSignInSessions } from '../auth';
import { eraseTables, exportTables, type PersonalTables } from '../../platform/personal-data';

// The person's own row in `people` is exported here but deleted by `removeErasedPerson`, which the
// erasure calls last of all: sign-in (auth, first in the list) and the platform's audit log and files
// still point at it until then.
const tables: PersonalTables = {
  own: [
    { table: 'role_grants', column: 'person_id', label: 'roles' },
    { table: 'roles_held', column: 'person_id', label: 'roles held' },
    { table: 'people', column: 'id', label: 'staff record' },
  ],
  doneBy: [{ table: 'role_grants', column: 'granted_by' }],
  cleared: [{ table: 'people', column: 'line_manager_id' }],
};

/** The staff record and roles; people they line-managed lose their line manager. */
export const staffPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const part = await exportTables(db, { own: tables.own, doneBy: tables.doneBy }, subject);
    const record = part.data['staff record'];
    if (Array.isArray(record))
      part.data['staff record'] = record.map(({ search_text: _search, email_normalised: _email, ...rest }: Record<string, unknown>) => rest);
    return part;
  },
  erase: (trx, subject, context) => eraseTables(trx, { own: tables.own?.slice(0, 2), doneBy: tables.doneBy, cleared: tables.cleared }, subject, context),
};

/**
 * Marks a person as being erased, when an admin asks for it (in the same transaction as the erasure
 * job): they can no longer sign in by any means (every sign-in checks the person is active), their
 * live sign-in sessions end, and their record can no longer be changed. Gives false when they were
 * already being erased (a second request changes nothing).
 */
export async function markBeingErased(trx: Executor, personId: string, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('people')
    .set({ status: 'being_erased', updated_at: now })
    .where('id', '=', personId)
    .where('status', '!=', 'being_erased')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await endAllSignInSessions(trx, personId);
  return true;
}

/** Deletes an erased person's own row, once nothing else points at it (the last step of an erasure). */
export async function removeErasedPerson(trx: Executor, personId: string): Promise<void> {
  await trx.deleteFrom('people').where('id', '=', personId).execute();
}

/**
 * Adds the deactivated "Former member of staff" who stands in for an erased person in other people's
 * records (a mentee's log, a signed-off enrolment). One per erasure, so it names no one and links only
 * that erased person's past actions together; its email is a made-up address that can receive nothing.
 */
export async function addFormerPerson(trx: Executor, organisationId: string, now: string): Promise<string> {
  const id = newId();
  const email = `former-${id}@erased.invalid`;
  await trx
    .insertInto('people')
    .values({
      id,
      organisation_id: organisationId,
      school_id: null,
      title: null,
      given_name: 'Former',
      family_name: 'member of staff',
      email,
      email_normalised: email,
      job_title: null,
      staff_type: 'teaching',
      started_in_schools_on: null,
      leadership_level: 'none',
      line_manager_id: null,
      trn: null,
      mis_staff_id: null,
      search_text: 'former member of staff',
      status: 'deactivated',
      created_at: now,
      updated_at: now,
      deactivated_at: now,
    })
    .execute();
  return id;
}
