import type { Kysely } from 'kysely';

// Self-assessment checkpoints and ratings. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Which checkpoints a programme uses and when each opens; no row means the defaults.
  await db.schema
    .createTable('self_assessment_plans')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id'))
    // JSON: [{ checkpoint, opens, weeks }]
    .addColumn('checkpoints', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('self_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addUniqueConstraint('self_assessments_enrolment_checkpoint', ['enrolment_id', 'checkpoint'])
    .execute();

  await db.schema
    .createTable('self_assessment_ratings')
    .addColumn('self_assessment_id', 'text', (c) => c.notNull().references('self_assessments.id'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('framework_skills.id'))
    // 1 to 5; NULL when not answered or "not sure yet".
    .addColumn('rating', 'integer')
    .addColumn('not_sure', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_url', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('self_assessment_ratings_pk', ['self_assessment_id', 'skill_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('self_assessment_ratings').execute();
  await db.schema.dropTable('self_assessments').execute();
  await db.schema.dropTable('self_assessment_plans').execute();
}
