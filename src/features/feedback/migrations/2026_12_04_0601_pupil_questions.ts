import type { Kysely } from 'kysely';

// Frozen once landed. Pupils answer a class link with questions worded for them, not the skills
// adults rate. A programme can keep its own set (feedback_pupil_questions; without rows the default
// set applies), and each round keeps a copy of the set it was opened with
// (feedback_round_pupil_questions), so editing the programme's set never changes a running round.
// Rounds opened before this migration have no copy: their pupils rated the skills, as before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback_pupil_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_pupil_questions_programme').on('feedback_pupil_questions').columns(['programme_id', 'position']).execute();
  await db.schema
    .createTable('feedback_round_pupil_questions')
    .addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_round_pupil_questions_pk', ['round_id', 'question_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feedback_round_pupil_questions').execute();
  await db.schema.dropTable('feedback_pupil_questions').execute();
}
