import type { Kysely } from 'kysely';

// Places at public tasters, the waiting list and cancelled places. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // How many public places the taster has; NULL is no limit.
  await db.schema.alterTable('public_tasters').addColumn('places', 'integer').execute();
  // When a sign-up joined the waiting list (the order places are given in), and when a place was cancelled.
  await db.schema.alterTable('taster_sign_ups').addColumn('waiting_since', 'text').execute();
  await db.schema.alterTable('taster_sign_ups').addColumn('cancelled_at', 'text').execute();
  await db.schema.createIndex('taster_sign_ups_session_status').on('taster_sign_ups').columns(['session_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('taster_sign_ups_session_status').execute();
  await db.schema.alterTable('taster_sign_ups').dropColumn('cancelled_at').execute();
  await db.schema.alterTable('taster_sign_ups').dropColumn('waiting_since').execute();
  await db.schema.alterTable('public_tasters').dropColumn('places').execute();
}
