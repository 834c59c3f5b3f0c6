import type { Kysely } from 'kysely';

// Frameworks, pathways, programmes, cohorts, applications and enrolments. Frozen once landed.
// Same conventions as the foundation: text ids and ISO timestamps, YYYY-MM-DD dates, integer booleans, JSON as text.
export async function up(db: Kysely<unknown>): Promise<void> {
  // ----- Skills frameworks -----
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_normalised', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('builtin_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('frameworks_org_title_unique').on('frameworks').columns(['organisation_id', 'title_normalised']).unique().execute();

  await db.schema
    .createTable('framework_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // 'draft' while a draft, NULL once published: the unique index allows one draft per framework.
    .addColumn('draft_slot', 'text')
    // JSON: [{ key, title }] — the stages level descriptors are written for.
    .addColumn('levels', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('based_on_version_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('people.id'))
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('framework_versions_number_unique').on('framework_versions').columns(['framework_id', 'number']).unique().execute();
  await db.schema.createIndex('framework_versions_one_draft').on('framework_versions').columns(['framework_id', 'draft_slot']).unique().execute();

  await db.schema
    .createTable('framework_domains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('framework_domains_version').on('framework_domains').columns(['version_id', 'position']).execute();

  await db.schema
    .createTable('framework_skills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('framework_versions.id'))
    .addColumn('domain_id', 'text', (c) => c.notNull().references('framework_domains.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // JSON: { [levelKey]: descriptor }
    .addColumn('descriptors', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('framework_skills_code_unique').on('framework_skills').columns(['version_id', 'code']).unique().execute();
  await db.schema.createIndex('framework_skills_domain').on('framework_skills').columns(['domain_id', 'position']).execute();

  // ----- Pathways and programmes -----
  await db.schema
    .createTable('pathways')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_normalised', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pathways_org_title_unique').on('pathways').columns(['organisation_id', 'title_normalised']).unique().execute();

  await db.schema
    .createTable('programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('pathway_id', 'text', (c) => c.references('pathways.id'))
    .addColumn('stage_position', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_normalised', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('duration', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('modules_required', 'integer')
    .addColumn('framework_version_id', 'text', (c) => c.references('framework_versions.id'))
    .addColumn('framework_level', 'text')
    // JSON: { staffTypes: [], leadershipLevels: [], minYears: n|null, maxYears: n|null }
    .addColumn('eligibility', 'text', (c) => c.notNull().defaultTo('{}'))
    // JSON: string[] — statements the applicant must confirm.
    .addColumn('declarations', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON: string[] — experiences and activities linked to the programme.
    .addColumn('experiences', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('asks_for_coach', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('asks_for_project', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('motivation_word_limit', 'integer', (c) => c.notNull().defaultTo(500))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programmes_org_title_unique').on('programmes').columns(['organisation_id', 'title_normalised']).unique().execute();
  await db.schema.createIndex('programmes_pathway').on('programmes').columns(['pathway_id', 'stage_position']).execute();

  await db.schema
    .createTable('programme_modules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('programme_modules_programme').on('programme_modules').columns(['programme_id', 'position']).execute();

  await db.schema
    .createTable('programme_focus_skills')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('skill_id', 'text', (c) => c.notNull().references('framework_skills.id'))
    .addPrimaryKeyConstraint('programme_focus_skills_pk', ['programme_id', 'skill_id'])
    .execute();

  await db.schema
    .createTable('programme_requirements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // JSON: the evaluator's settings, for example { minimum: 80 }.
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('programme_requirements_kind_unique').on('programme_requirements').columns(['programme_id', 'kind']).unique().execute();

  // ----- Cohorts -----
  await db.schema
    .createTable('cohorts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_normalised', 'text', (c) => c.notNull())
    .addColumn('applications_open_on', 'text', (c) => c.notNull())
    .addColumn('applications_close_on', 'text', (c) => c.notNull())
    .addColumn('endorsement_deadline', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('needs_line_manager', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('needs_headteacher', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cohorts_programme_name_unique').on('cohorts').columns(['programme_id', 'name_normalised']).unique().execute();
  await db.schema.createIndex('cohorts_org_window').on('cohorts').columns(['organisation_id', 'applications_close_on']).execute();

  await db.schema
    .createTable('cohort_leads')
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('cohort_leads_pk', ['cohort_id', 'person_id'])
    .execute();

  // ----- Recommendations and applications -----
  await db.schema
    .createTable('recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('recommended_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recommendations_person').on('recommendations').columns(['person_id', 'programme_id']).execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    // The applicant's school when the application was started; the review queue filters by it.
    .addColumn('school_id', 'text', (c) => c.references('schools.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // 'live' until withdrawn or declined, then NULL: one live application per person per cohort.
    .addColumn('live_slot', 'text')
    .addColumn('current_role', 'text')
    .addColumn('experience', 'text')
    .addColumn('motivation', 'text')
    // JSON: the declarations confirmed, as their text when confirmed.
    .addColumn('declarations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('coach_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('coach_name', 'text')
    .addColumn('coach_email', 'text')
    .addColumn('project_idea', 'text')
    // Eligibility against the staff record at submission: 1/0, and the reasons when not.
    .addColumn('eligible', 'integer')
    .addColumn('eligibility_notes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('recommendation_id', 'text', (c) => c.references('recommendations.id'))
    .addColumn('decision_reason', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('waitlisted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('applications_one_live').on('applications').columns(['cohort_id', 'person_id', 'live_slot']).unique().execute();
  await db.schema.createIndex('applications_cohort_status').on('applications').columns(['cohort_id', 'status', 'waitlisted_at']).execute();
  await db.schema.createIndex('applications_person').on('applications').column('person_id').execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('people.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_events_application').on('application_events').columns(['application_id', 'created_at']).execute();

  await db.schema
    .createTable('endorsements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    // 'line_manager' or 'headteacher'
    .addColumn('kind', 'text', (c) => c.notNull())
    // The line manager; NULL for the headteacher's support, which any admin of the school may give.
    .addColumn('endorser_id', 'text', (c) => c.references('people.id'))
    .addColumn('school_id', 'text', (c) => c.references('schools.id'))
    // 'waiting' (not asked yet), 'requested', 'supported', 'not_supported', 'cancelled'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('people.id'))
    .addColumn('requested_at', 'text')
    .addColumn('due_on', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('endorsements_application_kind_unique').on('endorsements').columns(['application_id', 'kind']).unique().execute();
  await db.schema.createIndex('endorsements_endorser').on('endorsements').columns(['endorser_id', 'status']).execute();
  await db.schema.createIndex('endorsements_school').on('endorsements').columns(['school_id', 'status']).execute();

  // ----- Enrolments -----
  await db.schema
    .createTable('enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('application_id', 'text', (c) => c.references('applications.id'))
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    // 'active', 'deferred', 'withdrawn', 'completed'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_cohort_id', 'text', (c) => c.references('cohorts.id'))
    .addColumn('status_reason', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enrolments_cohort_person_unique').on('enrolments').columns(['cohort_id', 'person_id']).unique().execute();
  await db.schema.createIndex('enrolments_person').on('enrolments').column('person_id').execute();

  await db.schema
    .createTable('enrolment_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('people.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enrolment_events_enrolment').on('enrolment_events').columns(['enrolment_id', 'created_at']).execute();

  await db.schema
    .createTable('enrolment_modules')
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('module_id', 'text', (c) => c.notNull().references('programme_modules.id'))
    .addColumn('chosen_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text', (c) => c.references('people.id'))
    .addColumn('reflection', 'text')
    .addPrimaryKeyConstraint('enrolment_modules_pk', ['enrolment_id', 'module_id'])
    .execute();

  await db.schema
    .createTable('enrolment_signoffs')
    .addColumn('enrolment_id', 'text', (c) => c.primaryKey().references('enrolments.id'))
    .addColumn('signed_off_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'enrolment_signoffs',
    'enrolment_modules',
    'enrolment_events',
    'enrolments',
    'endorsements',
    'application_events',
    'applications',
    'recommendations',
    'cohort_leads',
    'cohorts',
    'programme_requirements',
    'programme_focus_skills',
    'programme_modules',
    'programmes',
    'pathways',
    'framework_skills',
    'framework_domains',
    'framework_versions',
    'frameworks',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
