import type { Kysely } from 'kysely';

// 360 feedback rounds, respondents, responses and sharing. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  void db;
}
