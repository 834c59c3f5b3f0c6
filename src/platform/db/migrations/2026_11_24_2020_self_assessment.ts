import type { Kysely } from 'kysely';

// Self-assessment checkpoints and ratings. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  void db;
}
