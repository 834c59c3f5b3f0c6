import type { Kysely } from 'kysely';

// Files a participant attaches to a self-assessment as evidence for a skill (the bytes are in
// stored_files, as session materials are). Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('self_assessment_evidence_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('self_assessment_id', 'text', (c) => c.notNull().references('self_assessments.id'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('framework_skills.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('stored_files.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('self_assessment_evidence_files_assessment')
    .on('self_assessment_evidence_files')
    .columns(['self_assessment_id', 'skill_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('self_assessment_evidence_files').execute();
}
