import type { Kysely } from 'kysely';

// 360 feedback rounds, respondents, responses and sharing. Frozen once landed.
//
// Anonymity is kept by the shape of these tables: a response row holds the rater group and the
// answers but no respondent id and no time; a respondent row says only whether they answered.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id'))
    .addColumn('framework_version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('margin', 'real', (c) => c.notNull())
    .addColumn('self_ratings', 'text')
    .addColumn('class_token', 'text', (c) => c.unique())
    .addColumn('class_open', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_rounds_person').on('feedback_rounds').columns(['person_id', 'created_at']).execute();
  await db.schema.createIndex('feedback_rounds_enrolment').on('feedback_rounds').column('enrolment_id').execute();
  await db.schema.createIndex('feedback_rounds_open').on('feedback_rounds').columns(['closed_at', 'closes_on']).execute();

  await db.schema
    .createTable('feedback_round_skills')
    .addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('framework_skills.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_round_skills_pk', ['round_id', 'skill_id'])
    .execute();

  await db.schema
    .createTable('feedback_round_groups')
    .addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id'))
    .addColumn('rater_group', 'text', (c) => c.notNull())
    .addColumn('minimum', 'integer', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_round_groups_pk', ['round_id', 'rater_group'])
    .execute();

  await db.schema
    .createTable('feedback_respondents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id'))
    .addColumn('rater_group', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_normalised', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('draft', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('reminded_on', 'text')
    .addUniqueConstraint('feedback_respondents_round_email', ['round_id', 'email_normalised'])
    .execute();

  await db.schema
    .createTable('feedback_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id'))
    .addColumn('rater_group', 'text', (c) => c.notNull())
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('develop', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_responses_round').on('feedback_responses').column('round_id').execute();

  await db.schema
    .createTable('feedback_class_browsers')
    .addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id'))
    .addColumn('browser_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_class_browsers_pk', ['round_id', 'browser_hash'])
    .execute();

  await db.schema
    .createTable('feedback_shares')
    .addColumn('round_id', 'text', (c) => c.notNull().references('feedback_rounds.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_shares_pk', ['round_id', 'relationship'])
    .execute();
  await db.schema.createIndex('feedback_shares_person').on('feedback_shares').column('person_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['feedback_shares', 'feedback_class_browsers', 'feedback_responses', 'feedback_respondents', 'feedback_round_groups', 'feedback_round_skills', 'feedback_rounds']) {
    await db.schema.dropTable(table).execute();
  }
}
