import type { PersonalDataHook } from '../../platform/module';
import { mentions, repointColumn } from '../../platform/personal-data';

/**
 * An uploaded staff list holds a line for everyone in it until it is applied or discarded. The
 * person's lines are what is theirs: exported as they are, and taken out of the file on erasure
 * (the rest of the list stays for whoever is importing it).
 */
export const staffImportPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const imports = await db
      .selectFrom('staff_imports')
      .select(['id', 'file_name', 'content', 'created_at'])
      .where('organisation_id', '=', subject.organisationId)
      .execute();
    const lines = imports.flatMap((i) =>
      i.content
        .split(/\r?\n/)
        .filter((line) => mentions(line, [subject.email]))
        .map((line) => ({ file: i.file_name, uploaded: i.created_at, line })),
    );
    const uploaded = await db.selectFrom('staff_imports').select(['file_name', 'status', 'created_at']).where('created_by', '=', subject.id).execute();
    return {
      data: lines.length + uploaded.length > 0 ? { 'your lines in uploaded staff lists': lines, 'staff lists you uploaded': uploaded } : {},
      files: [],
      withheld: [],
    };
  },
  async erase(trx, subject, context) {
    const done: string[] = [];
    const imports = await trx.selectFrom('staff_imports').select(['id', 'content', 'summary']).where('organisation_id', '=', subject.organisationId).execute();
    for (const i of imports) {
      if (!mentions(i.content, [subject.email]) && !mentions(i.summary, subject.strings)) continue;
      const content = i.content
        .split('\n')
        .filter((line) => !mentions(line, [subject.email]))
        .join('\n');
      const summary = i.summary && mentions(i.summary, subject.strings) ? null : i.summary;
      await trx.updateTable('staff_imports').set({ content, summary }).where('id', '=', i.id).execute();
      done.push('Took their line out of an uploaded staff list');
    }
    const n = await repointColumn(trx, { table: 'staff_imports', column: 'created_by' }, subject.id, context.formerPersonId);
    if (n > 0) done.push(`${n} uploaded staff lists now say a former member of staff uploaded them`);
    return done;
  },
};
