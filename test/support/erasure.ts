import { features } from '../../src/features';
import { copyPlan } from '../../src/platform/db/copy';
import type { Db } from '../../src/platform/db/database';

/** Every row of every table on this engine, each as lower-cased JSON text with its table. */
export async function everyRow(db: Db): Promise<{ table: string; text: string }[]> {
  const rows: { table: string; text: string }[] = [];
  for (const table of await copyPlan(features.migrations)) {
    // biome-ignore lint/suspicious/noExplicitAny: every table, whatever its columns.
    const found = await (db as any).selectFrom(table.name).selectAll().execute();
    for (const row of found) rows.push({ table: table.name, text: JSON.stringify(row).toLowerCase() });
  }
  return rows;
}

export interface ErasedPerson {
  id: string;
  name: string;
  email: string;
}

/** The rows anywhere that hold the person's id, email or full name (none, once they are erased). */
export function rowsNaming(rows: { table: string; text: string }[], person: ErasedPerson): string[] {
  const needles = [person.id, person.email, person.name].map((n) => n.toLowerCase());
  return rows.filter((r) => needles.some((n) => r.text.includes(n))).map((r) => `${r.table}: ${r.text.slice(0, 300)}`);
}
