import { readFile } from 'node:fs/promises';
import { type CsvWords, decodeCsvBytes, parseLargeCsv, UnreadableFile } from '../../platform/csv';
import type { Clock } from '../../platform/db/clock';
import type { Db, Executor } from '../../platform/db/database';
import type { AppDeps } from '../../platform/http/env';
import { readGiasTable, type GiasRow, type RowProblem } from './establishments.gias';
import * as q from './establishments.queries';
import { refreshStatistics } from './establishments.queries';
import type { Establishment, NewEstablishment } from './establishments.tables';
import { COMMON_WORDS, indexWordsOf, looksLikePostcode, postcodeKeyOf, prefixUpperBound, searchTextOf, wordsOf } from './establishments.words';

/** The national list is about 50,000 rows; room to grow, and a stop for files that are something else. */
export const MAX_ESTABLISHMENTS = 120_000;

const GIAS_WORDS: CsvWords = {
  expected: 'the establishment file downloaded from Get information about schools (edubasealldata…csv)',
  howToExport: 'Download “All establishment data” as CSV from Get information about schools.',
  row: 'an establishment',
  whole: 'the establishment file',
  noRows: 'The file has column headings but no establishments in it.',
  tooManyRows: `Waymark loads up to ${MAX_ESTABLISHMENTS.toLocaleString('en-GB')} establishments.`,
};

/** What a load did, or why it did nothing. */
export type LoadResult = { ok: true; added: number; updated: number; unchanged: number; total: number } | { ok: false; reason: string; problems: RowProblem[] };

/**
 * Loads the Department for Education's establishment file into the school list: every row is checked
 * first, and if any is wrong nothing is loaded and each problem is reported with its line. Otherwise,
 * in one transaction, new URNs are added and known ones updated (establishments missing from the file
 * are kept, since people and schools may refer to them).
 */
export async function loadEstablishments(db: Db, clock: Clock, bytes: Uint8Array): Promise<LoadResult> {
  const reading = readEstablishmentFile(bytes);
  if (!reading.ok) return reading;
  const result = await db.transaction().execute((trx) => applyEstablishments(trx, clock, reading.rows));
  await refreshStatistics(db);
  return result;
}

/** Reads and checks the file, loading nothing. */
export function readEstablishmentFile(bytes: Uint8Array): { ok: true; rows: GiasRow[] } | Extract<LoadResult, { ok: false }> {
  try {
    const table = parseLargeCsv(decodeCsvBytes(bytes, GIAS_WORDS).text, GIAS_WORDS, { maxRows: MAX_ESTABLISHMENTS });
    const reading = readGiasTable(table);
    if (reading.ok) return reading;
    if ('missingColumns' in reading)
      return {
        ok: false,
        reason: `The file has no ${reading.missingColumns.join(', ')} column${reading.missingColumns.length > 1 ? 's' : ''}. Check you chose ${GIAS_WORDS.expected}.`,
        problems: [],
      };
    return {
      ok: false,
      reason: `${reading.problems.length} row${reading.problems.length > 1 ? 's are' : ' is'} wrong:`,
      problems: reading.problems,
    };
  } catch (error) {
    if (error instanceof UnreadableFile) return { ok: false, reason: error.message, problems: [] };
    throw error;
  }
}

/** Adds and updates checked rows, inside the caller's transaction (the demo's, or loadEstablishments'). */
export async function applyEstablishments(trx: Executor, clock: Clock, rows: GiasRow[]): Promise<Extract<LoadResult, { ok: true }>> {
  const loadedAt = clock.now().toISOString();
  const records: NewEstablishment[] = rows.map((r) => ({
    urn: r.urn,
    name: r.name,
    search_text: searchTextOf(r.name, r.town),
    type: r.type,
    phase: r.phase,
    local_authority: r.localAuthority,
    street: r.street,
    locality: r.locality,
    address3: r.address3,
    town: r.town,
    county: r.county,
    postcode: r.postcode,
    postcode_key: r.postcodeKey,
    status: r.status,
    is_open: /^open/i.test(r.status) ? 1 : 0,
    loaded_at: loadedAt,
  }));
  const known = new Map((await q.listEstablishments(trx)).map((e) => [e.urn, sameness(e)]));
  // Only new and changed rows are written: a monthly file changes a few hundred of 50,000.
  const changed = records.filter((r) => known.get(r.urn) !== sameness(r));
  const added = changed.filter((r) => !known.has(r.urn)).length;
  await q.upsertEstablishments(trx, changed);
  const changedUrns = new Set(changed.map((r) => r.urn));
  const words = rows.filter((r) => changedUrns.has(r.urn)).flatMap((r) => indexWordsOf(r.name, r.town).map((word) => ({ word, urn: r.urn })));
  await q.replaceWords(trx, [...changedUrns], words, known.size === 0);
  return { ok: true, added, updated: changed.length - added, unchanged: rows.length - changed.length, total: known.size + added };
}

/** Everything a load writes but the time it was loaded: equal when a file repeats what is there. */
function sameness(e: NewEstablishment): string {
  return JSON.stringify([e.name, e.type, e.phase, e.local_authority, e.street, e.locality, e.address3, e.town, e.county, e.postcode, e.status]);
}

/** Loads the establishment file at `path` (the `waymark schools load` command). */
export async function loadEstablishmentFile(db: Db, clock: Clock, path: string): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') return { ok: false, reason: `There is no file at ${path}.`, problems: [] };
    throw error;
  }
  return loadEstablishments(db, clock, bytes);
}

/** What a load did, or every reason it did nothing, as the command line prints it. */
export function formatLoadResult(result: LoadResult): string {
  if (result.ok)
    return `Loaded the school list: ${result.added.toLocaleString('en-GB')} added, ${result.updated.toLocaleString('en-GB')} updated, ${result.unchanged.toLocaleString('en-GB')} unchanged; ${result.total.toLocaleString('en-GB')} in all.`;
  const shown = result.problems.slice(0, 100).map((p) => `  Line ${p.line}: ${p.message}`);
  const more = result.problems.length > shown.length ? [`  …and ${result.problems.length - shown.length} more.`] : [];
  return [`Nothing was loaded. ${result.reason}`, ...shown, ...more].join('\n');
}

/** An establishment as the picker and other features show it. */
export interface SchoolListEntry {
  urn: string;
  name: string;
  phase: string;
  localAuthority: string;
  town: string;
  postcode: string;
  status: string;
  isOpen: boolean;
  /** The address on record, one line per part, ending with the postcode. */
  address: string[];
}

export function toEntry(e: Establishment): SchoolListEntry {
  return {
    urn: e.urn,
    name: e.name,
    phase: e.phase,
    localAuthority: e.local_authority,
    town: e.town,
    postcode: e.postcode,
    status: e.status,
    isOpen: e.is_open === 1,
    address: [e.street, e.locality, e.address3, e.town, e.county, e.postcode].filter((line) => line !== ''),
  };
}

/** Most results the picker shows for one query. */
export const PICKER_RESULTS = 20;

/**
 * Finds establishments by name (any words, in any order, each matching the start of a word of the
 * name or town), by URN (all digits) or by postcode; open ones first, then the closest names.
 */
export async function searchSchoolList(db: Executor, query: string): Promise<SchoolListEntry[]> {
  const text = query.trim().slice(0, 100);
  if (text === '') return [];
  let found: Establishment[] = [];
  if (/^\d+$/.test(text)) {
    found = text.length >= 6 ? ((await q.findEstablishments(db, [text])) as Establishment[]) : await q.searchByUrn(db, text, prefixUpperBound(text));
  } else {
    if (looksLikePostcode(text)) {
      const key = postcodeKeyOf(text);
      found = await q.searchByPostcode(db, key, prefixUpperBound(key));
    }
    const words = [...new Set(wordsOf(text))];
    if (words.length > 0) {
      // Lead with the longest uncommon word: the index then reads few rows.
      const byLength = [...words].sort((a, b) => b.length - a.length);
      const lead = byLength.find((w) => !COMMON_WORDS.has(w)) ?? (byLength[0] as string);
      const others = words.filter((w) => w !== lead);
      found = [...found, ...(await q.searchByWords(db, lead, prefixUpperBound(lead), others))];
    }
  }
  const seen = new Set<string>();
  const words = wordsOf(text);
  const unique = found.filter((e) => !seen.has(e.urn) && seen.add(e.urn));
  const startsWithQuery = (e: Establishment) => (words.length > 0 && e.search_text.startsWith(` ${words.join(' ')}`) ? 0 : 1);
  unique.sort((a, b) => b.is_open - a.is_open || startsWithQuery(a) - startsWithQuery(b) || a.name.localeCompare(b.name, 'en-GB'));
  return unique.slice(0, PICKER_RESULTS).map(toEntry);
}

/** One establishment by URN, or undefined when the school list has no such URN. */
export async function findSchoolOnList(db: Executor, urn: string): Promise<SchoolListEntry | undefined> {
  if (!/^\d{6}$/.test(urn.trim())) return undefined;
  const found = await q.findEstablishment(db, urn.trim());
  return found ? toEntry(found) : undefined;
}

/** What to call schools not on Waymark, by URN: their name on the school list (or "URN …" when the list lacks it), marked "(not on Waymark)". */
export async function outsideSchoolNamesByUrn(db: Executor, urns: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(urns)];
  const names = new Map((await q.findEstablishments(db, unique)).map((e) => [e.urn, e.name]));
  return new Map(unique.map((urn) => [urn, `${names.get(urn) ?? `URN ${urn}`} (not on Waymark)`]));
}

/** How many establishments the list holds. */
export function countSchoolList(db: Executor): Promise<number> {
  return q.countEstablishments(db);
}

/**
 * What to call the school of people from schools not on Waymark (outside applicants), by person id:
 * the school's name on the school list, marked as not on Waymark. People with a school of their
 * organisation, or none, are left out. For rosters and registers with participants from many schools.
 */
export async function outsideSchoolNames(deps: Pick<AppDeps, 'db' | 'outsideSchoolsOf'>, personIds: readonly string[]): Promise<Map<string, string>> {
  if (!deps.outsideSchoolsOf || personIds.length === 0) return new Map();
  const outside = await deps.outsideSchoolsOf(deps.db, [...new Set(personIds)]);
  if (outside.size === 0) return new Map();
  const names = new Map((await q.findEstablishments(deps.db, [...new Set([...outside.values()].map((o) => o.urn))])).map((e) => [e.urn, e.name]));
  return new Map([...outside].map(([personId, o]) => [personId, `${names.get(o.urn) ?? `URN ${o.urn}`} (not on Waymark)`]));
}

/** Rows with each outside applicant's school filled in (`outsideSchoolNames`) where their organisation has none for them. */
export async function withOutsideSchoolNames<T extends { school_name: string | null }>(
  deps: Pick<AppDeps, 'db' | 'outsideSchoolsOf'>,
  rows: readonly T[],
  personIdOf: (row: T) => string,
): Promise<T[]> {
  const names = await outsideSchoolNames(deps, rows.filter((r) => r.school_name === null).map(personIdOf));
  return rows.map((r) => (r.school_name === null && names.has(personIdOf(r)) ? { ...r, school_name: names.get(personIdOf(r)) ?? null } : r));
}
