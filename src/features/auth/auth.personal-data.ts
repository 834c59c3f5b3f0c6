import type { PersonalDataHook } from '../../platform/module';
import { erasePersonalAccountLink, exportPersonalAccount } from './auth.personal';
import { eraseTables, exportTables, type PersonalTables } from '../../platform/personal-data';

const tables: PersonalTables = {
  own: [
    { table: 'sign_in_sessions', column: 'person_id', label: 'sign-in sessions' },
    { table: 'passwords', column: 'person_id', label: 'password (when set; the hash is not exported)' },
    { table: 'auth_tokens', column: 'person_id', label: 'sign-in links, resets and invitations' },
  ],
  // A break-glass administrator who is erased stays named as the former person (passwords stay off; the organisation names another).
  doneBy: [
    { table: 'auth_tokens', column: 'created_by' },
    { table: 'password_sign_in_rules', column: 'break_glass_person_id' },
  ],
  cleared: [{ table: 'password_sign_in_rules', column: 'set_by' }],
};

/** Sign-in sessions, the password hash, links and the failed-attempt counters keyed by the person's email. */
export const authPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const part = await exportTables(db, tables, subject);
    // A hash is no use to the person and would help someone guessing the password: say when it was set only.
    const passwords = part.data['password (when set; the hash is not exported)'];
    if (Array.isArray(passwords))
      part.data['password (when set; the hash is not exported)'] = passwords.map((p: { updated_at?: unknown }) => ({ updated_at: p.updated_at }));
    for (const key of ['sign-in sessions', 'sign-in links, resets and invitations']) {
      const rows = part.data[key];
      if (Array.isArray(rows)) part.data[key] = rows.map(({ token_hash: _hash, ...rest }: Record<string, unknown>) => rest);
    }
    const personal = await exportPersonalAccount(db, subject.id);
    if (personal) part.data['personal account'] = personal;
    return part;
  },
  async erase(trx, subject, context) {
    const done = [...(await erasePersonalAccountLink(trx, subject.id)), ...(await eraseTables(trx, tables, subject, context))];
    const throttles = await trx.deleteFrom('sign_in_throttles').where('key', 'like', `%${subject.email.toLowerCase()}%`).executeTakeFirst();
    if (Number(throttles.numDeletedRows) > 0) done.push(`Deleted ${throttles.numDeletedRows} failed sign-in counters`);
    return done;
  },
};
