import type { Kysely } from 'kysely';

// Careers: the role map, aspirations, career conversations and their actions, and "have a go"
// opportunities with the interest staff express in them. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('careers_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('starter_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('skill_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('careers_roles_starter', ['organisation_id', 'starter_key'])
    .execute();

  await db.schema
    .createTable('careers_aspirations')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('careers_roles.id'))
    .addColumn('timeframe', 'text', (c) => c.notNull())
    .addColumn('barriers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('support', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sharing', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('careers_conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('manager_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('discussed', 'text', (c) => c.notNull())
    .addColumn('aspiration_agreed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('careers_conversations_person').on('careers_conversations').columns(['person_id', 'held_on']).execute();

  await db.schema
    .createTable('careers_opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('posted_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('skill_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('time_needed', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('open_to', 'text', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('careers_opportunities_org').on('careers_opportunities').columns(['organisation_id', 'closes_on']).execute();

  await db.schema
    .createTable('careers_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('careers_conversations.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('opportunity_id', 'text', (c) => c.references('careers_opportunities.id'))
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('careers_actions_conversation').on('careers_actions').columns(['conversation_id', 'done_at']).execute();

  await db.schema
    .createTable('careers_interests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('careers_opportunities.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('people.id'))
    .addColumn('decided_at', 'text')
    .addColumn('verified_note', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('careers_interests_once', ['opportunity_id', 'person_id'])
    .execute();
  await db.schema.createIndex('careers_interests_person').on('careers_interests').columns(['person_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['careers_interests', 'careers_actions', 'careers_opportunities', 'careers_conversations', 'careers_aspirations', 'careers_roles'])
    await db.schema.dropTable(table).execute();
}
