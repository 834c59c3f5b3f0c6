import type { Kysely } from 'kysely';

// Frozen once landed. How each sign-in session began (password, sign-in link, password reset,
// invitation, single sign-on), so that turning passwords off for an organisation ends the sessions
// that were not signed in with single sign-on. Sessions from before this column have none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sign_in_sessions').addColumn('method', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sign_in_sessions').dropColumn('method').execute();
}
