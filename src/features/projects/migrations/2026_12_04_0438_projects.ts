import type { Kysely } from 'kysely';

// Work-based and whole-school change projects, their impact measures, milestones, updates, comments,
// and the final report with its assessment. Frozen once landed. Only aggregate figures are kept:
// there is no column for anything about an individual pupil.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    // NULL for a person's own project, outside any programme.
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('people_affected', 'text', (c) => c.notNull())
    // draft, in_progress, submitted, met, not_yet (see projects.lifecycle.ts)
    .addColumn('status', 'text', (c) => c.notNull())
    // Named by a programme lead; NULL means the programme's leads assess it.
    .addColumn('assessor_id', 'text', (c) => c.references('people.id'))
    .addColumn('role_confirmed_by', 'text', (c) => c.references('people.id'))
    .addColumn('role_confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('projects_person').on('projects').column('person_id').execute();
  await db.schema.createIndex('projects_enrolment').on('projects').column('enrolment_id').execute();

  await db.schema
    .createTable('project_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_criteria_project').on('project_criteria').column('project_id').execute();

  await db.schema
    .createTable('project_skills')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('framework_skills.id'))
    .addPrimaryKeyConstraint('project_skills_pk', ['project_id', 'skill_id'])
    .execute();

  await db.schema
    .createTable('project_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline_value', 'double precision', (c) => c.notNull())
    .addColumn('baseline_on', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_measures_project').on('project_measures').column('project_id').execute();

  await db.schema
    .createTable('project_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('measure_id', 'text', (c) => c.notNull().references('project_measures.id'))
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_outcomes_measure').on('project_outcomes').column('measure_id').execute();

  await db.schema
    .createTable('project_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    // not_started, in_progress, done
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_milestones_project').on('project_milestones').column('project_id').execute();

  // Updates (the participant's, with a reflection) and comments (coach's, line manager's) in one stream.
  await db.schema
    .createTable('project_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    // update, comment
    .addColumn('kind', 'text', (c) => c.notNull())
    // For a comment, the author's part: coach, line_manager, assessor
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reflection', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_notes_project').on('project_notes').column('project_id').execute();

  await db.schema
    .createTable('project_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('what_changed', 'text', (c) => c.notNull())
    .addColumn('for_whom', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('learned', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    // NULL until assessed; then met or not_yet
    .addColumn('outcome', 'text')
    .addColumn('feedback', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('assessed_by', 'text', (c) => c.references('people.id'))
    .addColumn('assessed_at', 'text')
    .addUniqueConstraint('project_submissions_number', ['project_id', 'number'])
    .execute();

  await db.schema
    .createTable('project_judgements')
    .addColumn('submission_id', 'text', (c) => c.notNull().references('project_submissions.id'))
    .addColumn('criterion_id', 'text', (c) => c.notNull().references('project_criteria.id'))
    // met, not_yet
    .addColumn('judgement', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_judgements_pk', ['submission_id', 'criterion_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'project_judgements',
    'project_submissions',
    'project_notes',
    'project_milestones',
    'project_outcomes',
    'project_measures',
    'project_skills',
    'project_criteria',
    'projects',
  ])
    await db.schema.dropTable(table).execute();
}
