import type { Kysely } from 'kysely';

// Frozen once landed. An organisation that signs its staff in with single sign-on can turn
// passwords (and emailed sign-in links) off for them: one row per such organisation, naming the
// one administrator who may still use a password if single sign-on breaks (break glass).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('password_sign_in_rules')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('break_glass_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('set_by', 'text', (c) => c.references('people.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('password_sign_in_rules').execute();
}
