import { type RawBuilder, sql } from 'kysely';
import type { DataSubject, ErasureContext, PersonalDataExport, PersonalDataHook } from './contributions';
import type { Executor } from './db/database';

/**
 * Rows of one table that are the person's own, found by a column holding their id, or by a column
 * holding the id of another row that is theirs (`in`: an enrolment's events through the enrolment).
 */
export interface OwnRows {
  table: string;
  column: string;
  /**
   * The rows whose `select` (default `id`) this column holds; without it, the column holds the
   * person's id. When those rows are another feature's, ask that feature for their ids (`ParentIds`)
   * rather than naming its table.
   */
  in?: (OwnRows & { select?: string }) | ParentIds;
  /** Said in the export's JSON instead of the table name. */
  label?: string;
}

/** The ids of the person's rows in another feature's table, from a function that feature exports (its enrolments, say). */
export interface ParentIds {
  ids(db: Executor, personId: string): Promise<readonly string[]>;
}

/** A column of someone else's record saying the person did something (signed off, marked, posted). */
export interface DoneBy {
  table: string;
  column: string;
}

/** How a feature's tables hold one person, for a hook built by `tablePersonalData`. */
export interface PersonalTables {
  /** Exported, then deleted on erasure, in this order: list children before their parents. */
  own?: OwnRows[];
  /** Pointed at the former person on erasure, so the other person's record still reads right; counted as withheld in the export. */
  doneBy?: DoneBy[];
  /** Set to NULL on erasure (nullable "done by" columns where no one is needed, e.g. a line manager). */
  cleared?: DoneBy[];
}

/** The SQL condition picking the person's rows of `rows.table`. */
async function ownedBy(db: Executor, rows: OwnRows, personId: string): Promise<RawBuilder<unknown>> {
  if (!rows.in) return sql`${sql.ref(rows.column)} = ${personId}`;
  const parent = rows.in;
  if ('ids' in parent) {
    const ids = await parent.ids(db, personId);
    return ids.length === 0 ? sql`1 = 0` : sql`${sql.ref(rows.column)} in (${sql.join(ids)})`;
  }
  return sql`${sql.ref(rows.column)} in (select ${sql.ref(parent.select ?? 'id')} from ${sql.table(parent.table)} where ${await ownedBy(db, parent, personId)})`;
}

/** Every row of the person's own rows of a table, as plain objects. */
export async function selectOwnRows(db: Executor, rows: OwnRows, personId: string): Promise<Record<string, unknown>[]> {
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(rows.table)} where ${await ownedBy(db, rows, personId)}`.execute(db);
  return result.rows;
}

/** Deletes the person's own rows of a table; gives how many. */
export async function deleteOwnRows(trx: Executor, rows: OwnRows, personId: string): Promise<number> {
  const result = await sql`delete from ${sql.table(rows.table)} where ${await ownedBy(trx, rows, personId)}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Points a "done by" column at someone else (the former person), or clears it; gives how many rows changed. */
export async function repointColumn(trx: Executor, column: DoneBy, fromId: string, toId: string | null): Promise<number> {
  const result = await sql`update ${sql.table(column.table)} set ${sql.ref(column.column)} = ${toId} where ${sql.ref(column.column)} = ${fromId}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

async function countDoneBy(db: Executor, column: DoneBy, personId: string): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(column.table)} where ${sql.ref(column.column)} = ${personId}`.execute(
    db,
  );
  return Number(result.rows[0]?.n ?? 0);
}

const readable = (table: string) => table.replaceAll('_', ' ');

/** Exports the rows a `PersonalTables` describes: own rows by table (or label), "done by" rows counted as withheld. */
export async function exportTables(db: Executor, tables: PersonalTables, subject: DataSubject): Promise<PersonalDataExport> {
  const data: Record<string, unknown> = {};
  for (const rows of tables.own ?? []) {
    const found = await selectOwnRows(db, rows, subject.id);
    if (found.length > 0) data[rows.label ?? rows.table] = found;
  }
  const withheld: string[] = [];
  for (const column of [...(tables.doneBy ?? []), ...(tables.cleared ?? [])]) {
    const n = await countDoneBy(db, column, subject.id);
    if (n > 0)
      withheld.push(
        `${n} ${readable(column.table)} record${n === 1 ? '' : 's'} naming you as ${readable(column.column)}: the rest of each is about someone else`,
      );
  }
  return { data, files: [], withheld };
}

/** Erases what a `PersonalTables` describes: own rows deleted (in order), "done by" columns pointed at the former person, cleared ones set to NULL. */
export async function eraseTables(trx: Executor, tables: PersonalTables, subject: DataSubject, context: ErasureContext): Promise<string[]> {
  const done: string[] = [];
  for (const column of tables.doneBy ?? []) {
    const n = await repointColumn(trx, column, subject.id, context.formerPersonId);
    if (n > 0) done.push(`${readable(column.table)}: ${n} now say "a former member of staff" (${readable(column.column)})`);
  }
  for (const column of tables.cleared ?? []) {
    const n = await repointColumn(trx, column, subject.id, null);
    if (n > 0) done.push(`${readable(column.table)}: ${readable(column.column)} cleared on ${n}`);
  }
  for (const rows of tables.own ?? []) {
    const n = await deleteOwnRows(trx, rows, subject.id);
    if (n > 0) done.push(`Deleted ${n} ${readable(rows.table)}`);
  }
  return done;
}

/** A personal-data hook's export and erase when only its tables need describing (most features); others compose `exportTables` and `eraseTables` with their own steps. */
export function tablePersonalData(tables: PersonalTables): Pick<PersonalDataHook, 'export' | 'erase'> {
  return {
    export: (db, subject) => exportTables(db, tables, subject),
    erase: (trx, subject, context) => eraseTables(trx, tables, subject, context),
  };
}

/** Whether free text holds any of the strings that identify a person (case-insensitive). */
export function mentions(text: string | null, strings: readonly string[]): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  return strings.some((s) => s.length > 0 && lower.includes(s.toLowerCase()));
}

/** Free text with every string that identifies a person replaced (longest first, so a full name goes before its parts). */
export function scrubText(text: string, strings: readonly string[], replacement = 'a former member of staff'): string {
  let out = text;
  for (const s of [...strings].filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), replacement);
  }
  return out;
}

/**
 * Replaces the person's name and email in a free-text column of other people's records (a snapshot
 * such as "Signed off by …"), row by row; `key` is the table's primary key column. Gives how many rows changed.
 */
export async function scrubColumn(trx: Executor, table: string, key: string, column: string, strings: readonly string[]): Promise<number> {
  const wanted = strings.filter((s) => s.length > 0);
  if (wanted.length === 0) return 0;
  const matches = sql.join(
    wanted.map((s) => sql`lower(${sql.ref(column)}) like ${`%${s.toLowerCase()}%`}`),
    sql` or `,
  );
  const rows = await sql<{ k: string; v: string }>`select ${sql.ref(key)} as k, ${sql.ref(column)} as v from ${sql.table(table)} where ${matches}`.execute(trx);
  for (const row of rows.rows) {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${scrubText(row.v, wanted)} where ${sql.ref(key)} = ${row.k}`.execute(trx);
  }
  return rows.rows.length;
}
