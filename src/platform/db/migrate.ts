import { Migrator, type Kysely, type Migration } from 'kysely';

/** Where the migrator records what has run. */
export const MIGRATION_TABLES = { migrationTableName: 'waymark_migrations', migrationLockTableName: 'waymark_migration_lock' } as const;

/**
 * Runs every pending migration of the list (the platform's and every feature module's, composed
 * in name order by `composeFeatures`); throws with the failing migration's name on error.
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema (Kysely<Database> is not assignable to Kysely<unknown>).
export async function migrateToLatest(db: Kysely<any>, migrations: Record<string, Migration>, options: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...MIGRATION_TABLES,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
