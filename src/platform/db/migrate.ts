import { Migrator, type Kysely, type Migration } from 'kysely';

/** Where the migrator records what has run. */
export const MIGRATION_TABLES = { migrationTableName: 'waymark_migrations', migrationLockTableName: 'waymark_migration_lock' } as const;

/**
 * Runs every pending migration of the list (the platform's and every feature module's, composed
 * in name order by `composeFeatures`); throws with the failing migration's name on error.
 */
export async function migrateToLatest(
  // biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema (Kysely<Database> is not assignable to Kysely<unknown>).
  db: Kysely<any>,
  migrations: Record<string, Migration>,
  /** `inTransaction`: the caller has begun a transaction on `db` (one connection) and ends it. */
  options: { schema?: string; inTransaction?: boolean } = {},
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...MIGRATION_TABLES,
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
    ...(options.inTransaction ? { disableTransactions: true } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
