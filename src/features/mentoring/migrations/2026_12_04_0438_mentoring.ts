import type { Kysely } from 'kysely';

// Mentoring and coaching: profiles (places and strengths), pairings, agreements, meetings, private
// notes, actions and progress reviews. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mentoring_profiles')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mentoring_pairings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('mentee_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text', (c) => c.references('people.id'))
    .addColumn('end_reason', 'text')
    .addColumn('replaced_by_id', 'text')
    .addColumn('signed_off_at', 'text')
    .addColumn('signed_off_comment', 'text')
    .execute();
  await db.schema.createIndex('mentoring_pairings_mentor').on('mentoring_pairings').columns(['mentor_id', 'status']).execute();
  await db.schema.createIndex('mentoring_pairings_mentee').on('mentoring_pairings').columns(['mentee_id', 'status']).execute();
  await db.schema.createIndex('mentoring_pairings_enrolment').on('mentoring_pairings').column('enrolment_id').execute();

  await db.schema
    .createTable('mentoring_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('mentoring_pairings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('mentor_agreed_at', 'text')
    .addColumn('mentee_agreed_at', 'text')
    .addUniqueConstraint('mentoring_agreements_version', ['pairing_id', 'version'])
    .execute();

  await db.schema
    .createTable('mentoring_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('mentoring_pairings.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('focus_skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('shared_notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_meeting_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.references('people.id'))
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('mentoring_meetings_pairing').on('mentoring_meetings').columns(['pairing_id', 'held_on']).execute();

  await db.schema
    .createTable('mentoring_private_notes')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('mentoring_meetings.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentoring_private_notes_pk', ['meeting_id', 'author_id'])
    .execute();

  await db.schema
    .createTable('mentoring_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('mentoring_pairings.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('mentoring_meetings.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_actions_pairing').on('mentoring_actions').columns(['pairing_id', 'done_at']).execute();

  await db.schema
    .createTable('mentoring_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('mentoring_pairings.id'))
    .addColumn('checkpoint', 'text', (c) => c.notNull())
    .addColumn('overall', 'text', (c) => c.notNull())
    .addColumn('comments', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'mentoring_reviews',
    'mentoring_actions',
    'mentoring_private_notes',
    'mentoring_meetings',
    'mentoring_agreements',
    'mentoring_pairings',
    'mentoring_profiles',
  ])
    await db.schema.dropTable(table).execute();
}
