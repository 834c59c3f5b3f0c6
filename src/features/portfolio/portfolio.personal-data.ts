import type { PersonalDataHook } from '../../platform/module';
import { deleteFile } from '../../platform/files/files';
import { eraseTables, exportTables, type PersonalTables, repointColumn, selectOwnRows } from '../../platform/personal-data';

const entries = { table: 'portfolio_entries', column: 'person_id' };
const tables: PersonalTables = {
  own: [
    { table: 'portfolio_attachments', column: 'entry_id', in: entries, label: 'attachments' },
    { table: 'portfolio_verifications', column: 'entry_id', in: entries, label: 'verification requests' },
    { ...entries, label: 'portfolio entries' },
  ],
};

/** Portfolio entries with their files are the person's; verifications they gave others keep their statement, signed "a former member of staff". */
export const portfolioPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const part = await exportTables(db, tables, subject);
    const attachments = (part.data.attachments ?? []) as { file_id: string | null; title: string }[];
    part.files = attachments.flatMap((a) => (a.file_id ? [{ fileId: a.file_id, name: a.title }] : []));
    const requests = part.data['verification requests'];
    if (Array.isArray(requests)) part.data['verification requests'] = requests.map(({ token_hash: _hash, ...rest }: Record<string, unknown>) => rest);
    const given = await db
      .selectFrom('portfolio_verifications')
      .select(['relationship', 'verifier_role', 'statement', 'status', 'requested_at', 'answered_at'])
      .where((eb) => eb.or([eb('verifier_person_id', '=', subject.id), eb('verifier_email', '=', subject.email)]))
      .execute();
    if (given.length > 0) part.data['verifications you were asked for'] = given;
    return part;
  },
  async erase(trx, subject, context) {
    const attachments = (await selectOwnRows(trx, tables.own?.[0] ?? entries, subject.id)) as { file_id: string | null }[];
    const done = await eraseTables(trx, tables, subject, context);
    for (const a of attachments) if (a.file_id) await deleteFile(trx, a.file_id);
    const asked = await trx
      .updateTable('portfolio_verifications')
      .set({ verifier_name: 'A former member of staff', verifier_email: 'erased@erased.invalid' })
      .where((eb) => eb.or([eb('verifier_person_id', '=', subject.id), eb('verifier_email', '=', subject.email)]))
      .executeTakeFirst();
    if (Number(asked.numUpdatedRows) > 0) done.push(`${asked.numUpdatedRows} verifications they gave now say "a former member of staff"`);
    await repointColumn(trx, { table: 'portfolio_verifications', column: 'verifier_person_id' }, subject.id, context.formerPersonId);
    const cleared = await trx
      .updateTable('portfolio_entries')
      .set({ verification_cleared_name: 'A former member of staff' })
      .where('organisation_id', '=', subject.organisationId)
      .where((eb) => eb.or(subject.strings.map((s) => eb('verification_cleared_name', 'like', `%${s}%`))))
      .executeTakeFirst();
    if (Number(cleared.numUpdatedRows) > 0) done.push(`${cleared.numUpdatedRows} cleared verifications now say a former member of staff cleared them`);
    return done;
  },
};
