import { type Kysely, type Migration, sql } from 'kysely';
import { connectDatabase } from './connect';
import { MIGRATION_TABLES, migrateToLatest } from './migrate';
import { assertSchemaCurrent } from './schema-check';

// biome-ignore lint/suspicious/noExplicitAny: copying works on any schema, table by table.
type AnyDb = Kysely<any>;

interface TablePlan {
  name: string;
  primaryKey: string[];
  /** Columns that point at another row of the same table (a line manager): filled in afterwards. */
  selfReferences: string[];
}

const BATCH = 500;

/**
 * The tables in an order where every table comes after the tables it refers to, with their primary
 * keys and self-references, read from the migrations run on a scratch in-memory SQLite database
 * (the same migrations make the same tables on both engines).
 */
export async function copyPlan(migrations: Record<string, Migration>): Promise<TablePlan[]> {
  const scratch = connectDatabase<unknown>(':memory:');
  try {
    await migrateToLatest(scratch, migrations);
    // Ordinary tables only: a search index (an FTS5 virtual table and its shadow tables) is rebuilt
    // from the rows it indexes, by the target's own triggers or index.
    const { rows: tables } = await sql<{
      name: string;
    }>`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%'`.execute(scratch);
    const skip = new Set<string>([MIGRATION_TABLES.migrationTableName, MIGRATION_TABLES.migrationLockTableName]);
    const plans = new Map<string, TablePlan & { parents: Set<string> }>();
    for (const { name } of tables) {
      if (skip.has(name)) continue;
      const { rows: columns } = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name})`.execute(scratch);
      const { rows: keys } = await sql<{ table: string; from: string }>`select "table", "from" from pragma_foreign_key_list(${name})`.execute(scratch);
      plans.set(name, {
        name,
        primaryKey: columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        selfReferences: keys.filter((k) => k.table === name).map((k) => k.from),
        parents: new Set(keys.filter((k) => k.table !== name).map((k) => k.table)),
      });
    }
    const ordered: TablePlan[] = [];
    const placed = new Set<string>();
    while (placed.size < plans.size) {
      const ready = [...plans.values()].filter((p) => !placed.has(p.name) && [...p.parents].every((parent) => placed.has(parent) || !plans.has(parent)));
      if (ready.length === 0) throw new Error(`The tables refer to each other in a circle: ${[...plans.keys()].filter((n) => !placed.has(n)).join(', ')}`);
      for (const plan of ready.sort((a, b) => a.name.localeCompare(b.name))) {
        ordered.push({ name: plan.name, primaryKey: plan.primaryKey, selfReferences: plan.selfReferences });
        placed.add(plan.name);
      }
    }
    return ordered;
  } finally {
    await scratch.destroy();
  }
}

export interface CopyReport {
  table: string;
  rows: number;
}

/**
 * Copies every row of a Waymark database into another, empty one (SQLite to PostgreSQL or back):
 * the source must be current, the target is migrated first and must hold no rows. All in one
 * transaction on the target, so a failure leaves it as empty as it was.
 */
export async function copyDatabase(
  from: AnyDb,
  to: AnyDb,
  migrations: Record<string, Migration>,
  onTable?: (report: CopyReport) => void,
): Promise<CopyReport[]> {
  await assertSchemaCurrent(from, migrations);
  await migrateToLatest(to, migrations);
  const plan = await copyPlan(migrations);
  for (const table of plan) {
    const row = await to.selectFrom(table.name).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) throw new Error(`The database to copy into is not empty (table ${table.name} has rows): copy only into a new, empty database.`);
  }
  const reports: CopyReport[] = [];
  await to.transaction().execute(async (trx) => {
    for (const table of plan) {
      let copied = 0;
      const later: { key: Record<string, unknown>; values: Record<string, unknown> }[] = [];
      for (let offset = 0; ; offset += BATCH) {
        let query = from.selectFrom(table.name).selectAll();
        for (const column of table.primaryKey) query = query.orderBy(column);
        const rows: Record<string, unknown>[] = await query.limit(BATCH).offset(offset).execute();
        if (rows.length === 0) break;
        const values = rows.map((row) => {
          if (table.selfReferences.length === 0) return row;
          const pointers = Object.fromEntries(table.selfReferences.map((c) => [c, row[c]]));
          if (Object.values(pointers).some((v) => v !== null && v !== undefined))
            later.push({ key: Object.fromEntries(table.primaryKey.map((c) => [c, row[c]])), values: pointers });
          return { ...row, ...Object.fromEntries(table.selfReferences.map((c) => [c, null])) };
        });
        await trx.insertInto(table.name).values(values).execute();
        copied += rows.length;
        if (rows.length < BATCH) break;
      }
      for (const { key, values } of later) {
        let update = trx.updateTable(table.name).set(values);
        for (const [column, value] of Object.entries(key)) update = update.where(column, '=', value);
        await update.execute();
      }
      const report = { table: table.name, rows: copied };
      reports.push(report);
      onTable?.(report);
    }
  });
  return reports;
}
