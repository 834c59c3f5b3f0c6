import type { PersonalDataHook } from '../../platform/module';
import { deleteFile } from '../../platform/files/files';
import { eraseTables, exportTables, type PersonalTables, selectOwnRows } from '../../platform/personal-data';
import { enrolmentIdsOfPerson } from '../enrolments';

const assessments = { table: 'self_assessments', column: 'enrolment_id', in: { ids: enrolmentIdsOfPerson } };
const evidence = { table: 'self_assessment_evidence_files', column: 'self_assessment_id', in: assessments, label: 'evidence files' };
const tables: PersonalTables = {
  own: [
    evidence,
    { table: 'self_assessment_ratings', column: 'self_assessment_id', in: assessments, label: 'ratings' },
    { ...assessments, label: 'self-assessments' },
  ],
  doneBy: [{ table: 'self_assessment_plans', column: 'updated_by' }],
};

/** Self-assessments and their evidence files are the participant's. */
export const selfAssessmentPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  async export(db, subject) {
    const part = await exportTables(db, tables, subject);
    const files = (part.data['evidence files'] ?? []) as { file_id: string; file_name: string }[];
    part.files = files.map((f) => ({ fileId: f.file_id, name: f.file_name }));
    return part;
  },
  async erase(trx, subject, context) {
    const files = (await selectOwnRows(trx, evidence, subject.id)) as { file_id: string }[];
    const done = await eraseTables(trx, tables, subject, context);
    for (const f of files) await deleteFile(trx, f.file_id);
    return done;
  },
};
