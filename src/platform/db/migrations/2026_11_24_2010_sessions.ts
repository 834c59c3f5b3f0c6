import type { Kysely } from 'kysely';

// Sessions and open events, facilitators, materials (and the stored files they use), bookings and
// waiting lists, attendance, calendar feeds. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stored_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // Base64: one text type behaves the same on both engines.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    // NULL for an open event of the organisation (taster, graduation, network meeting).
    .addColumn('cohort_id', 'text', (c) => c.references('cohorts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // JSON: framework skill ids the session focuses on.
    .addColumn('skill_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('online_url', 'text')
    // Open events only: places, then a waiting list. NULL = no limit.
    .addColumn('capacity', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_at', 'text')
    // iCalendar SEQUENCE: raised on every change people are told about.
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('check_in_secret', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_events_cohort_start').on('sessions_events').columns(['cohort_id', 'starts_at']).execute();
  await db.schema.createIndex('sessions_events_org_start').on('sessions_events').columns(['organisation_id', 'starts_at']).execute();

  await db.schema
    .createTable('session_facilitators')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions_events.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('session_facilitators_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('session_facilitators_person').on('session_facilitators').column('person_id').execute();

  await db.schema
    .createTable('session_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions_events.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // Exactly one of url and file_id.
    .addColumn('url', 'text')
    .addColumn('file_id', 'text', (c) => c.references('stored_files.id'))
    .addColumn('added_by', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_materials_session').on('session_materials').column('session_id').execute();

  await db.schema
    .createTable('session_bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions_events.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // Order on the waiting list: when they joined it.
    .addColumn('waiting_since', 'text')
    .addColumn('booked_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_bookings_one_each').on('session_bookings').columns(['session_id', 'person_id']).unique().execute();
  await db.schema.createIndex('session_bookings_person').on('session_bookings').column('person_id').execute();

  await db.schema
    .createTable('session_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions_events.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text', (c) => c.references('people.id'))
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_attendance_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('session_attendance_person').on('session_attendance').column('person_id').execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    // Held as given (the person copies the address again later), like a private calendar address elsewhere.
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['calendar_feeds', 'session_attendance', 'session_bookings', 'session_materials', 'session_facilitators', 'sessions_events', 'stored_files']) {
    await db.schema.dropTable(table).execute();
  }
}
