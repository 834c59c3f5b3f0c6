// Reading the Department for Education's "Get information about schools" establishment file
// (edubasealldata*.csv): about 50,000 rows and some 140 columns, of which the school list keeps a few.
import type { CsvTable } from '../../platform/csv';
import { looksLikePostcode, postcodeKeyOf } from './establishments.words';

/** The columns read, by their headings in the GIAS file. */
export const GIAS_COLUMNS = {
  urn: 'URN',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (name)',
  status: 'EstablishmentStatus (name)',
  phase: 'PhaseOfEducation (name)',
  localAuthority: 'LA (name)',
  street: 'Street',
  locality: 'Locality',
  address3: 'Address3',
  town: 'Town',
  county: 'County (name)',
  postcode: 'Postcode',
} as const;

type Field = keyof typeof GIAS_COLUMNS;
const REQUIRED: Field[] = ['urn', 'name', 'status'];

/** One establishment as read from the file. */
export interface GiasRow {
  urn: string;
  name: string;
  type: string;
  status: string;
  phase: string;
  localAuthority: string;
  street: string;
  locality: string;
  address3: string;
  town: string;
  county: string;
  postcode: string;
  postcodeKey: string;
}

/** A row the loader refused, with the line it is on in the file (the heading row is line 1). */
export interface RowProblem {
  line: number;
  message: string;
}

export type GiasReading = { ok: true; rows: GiasRow[] } | { ok: false; missingColumns: string[] } | { ok: false; problems: RowProblem[] };

const LIMITS: Record<Exclude<Field, 'urn'>, number> = {
  name: 200,
  type: 120,
  status: 60,
  phase: 60,
  localAuthority: 120,
  street: 200,
  locality: 200,
  address3: 200,
  town: 120,
  county: 120,
  postcode: 10,
};

/**
 * Checks every row of the file: a 6-digit URN given once, a name and a status, postcodes that look
 * like postcodes, nothing absurdly long. Returns every problem (with its line), or the rows.
 */
export function readGiasTable(table: CsvTable): GiasReading {
  const index = new Map(table.headers.map((h, i) => [h.trim().toLowerCase(), i]));
  const at = {} as Record<Field, number>;
  const missingColumns: string[] = [];
  for (const [field, heading] of Object.entries(GIAS_COLUMNS) as [Field, string][]) {
    const i = index.get(heading.toLowerCase());
    if (i === undefined) {
      if (REQUIRED.includes(field)) missingColumns.push(heading);
      at[field] = -1;
    } else at[field] = i;
  }
  if (missingColumns.length > 0) return { ok: false, missingColumns };

  const rows: GiasRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of table.rows) {
    const cell = (field: Field) => (at[field] < 0 ? '' : (cells[at[field]] ?? '').trim());
    const urn = cell('urn');
    const wrong: string[] = [];
    if (urn === '') wrong.push('the URN is missing');
    else if (!/^\d{6}$/.test(urn)) wrong.push(`the URN “${urn.slice(0, 20)}” is not 6 digits`);
    else if (seen.has(urn)) wrong.push(`URN ${urn} is also on line ${seen.get(urn)}`);
    if (cell('name') === '') wrong.push('the establishment name is missing');
    if (cell('status') === '') wrong.push('the establishment status is missing');
    for (const [field, limit] of Object.entries(LIMITS) as [Exclude<Field, 'urn'>, number][]) {
      if (cell(field).length > limit) wrong.push(`the ${GIAS_COLUMNS[field]} is longer than ${limit} characters`);
    }
    const postcode = cell('postcode');
    if (postcode !== '' && postcode.length <= LIMITS.postcode && !looksLikePostcode(postcode)) wrong.push(`the postcode “${postcode}” is not a UK postcode`);
    if (wrong.length > 0) {
      problems.push({ line: rowNumber, message: `${wrong.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()) });
      continue;
    }
    seen.set(urn, rowNumber);
    rows.push({
      urn,
      name: cell('name'),
      type: cell('type'),
      status: cell('status'),
      phase: cell('phase'),
      localAuthority: cell('localAuthority'),
      street: cell('street'),
      locality: cell('locality'),
      address3: cell('address3'),
      town: cell('town'),
      county: cell('county'),
      postcode,
      postcodeKey: postcodeKeyOf(postcode),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
