import type { Kysely } from 'kysely';

// The school list: every establishment in England from the Department for Education's "Get
// information about schools" file, keyed by URN, and the words of each name and town for the
// school picker's search. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('establishments')
    .addColumn('urn', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phase', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('local_authority', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('street', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locality', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address3', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('town', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('county', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('establishments_postcode_key').on('establishments').column('postcode_key').execute();

  await db.schema
    .createTable('establishment_words')
    .addColumn('word', 'text', (c) => c.notNull())
    // No foreign key: the words are the list's own index, rewritten with it, and a key check per word would double a load's time.
    .addColumn('urn', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('establishment_words_pk', ['word', 'urn'])
    .execute();
  await db.schema.createIndex('establishment_words_urn').on('establishment_words').column('urn').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('establishment_words').execute();
  await db.schema.dropTable('establishments').execute();
}
