import type { Kysely } from 'kysely';

// The school list by local authority: the postcode districts of an organisation's local authorities
// (which vacancies are near its schools) are read through it. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('establishments_local_authority').on('establishments').columns(['local_authority', 'is_open']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('establishments_local_authority').execute();
}
