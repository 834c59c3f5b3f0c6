import { z } from 'zod';
import {
  IMPORT_FIELDS,
  FIELD_LABELS,
  STAFF_TYPE_FOR_FILE,
  STAFF_TYPE_OPTION_PREFIX,
  type ColumnMapping,
  type ImportField,
  type StaffTypeForFile,
} from './staff-import.columns';

/** A column mapping as stored: the columns, and the staff type for a file with no staff-type column. */
export type StoredMapping = ColumnMapping & { staffTypeForFile?: StaffTypeForFile };

function staffTypeChoice(value: string): StaffTypeForFile | undefined {
  const choice = value.startsWith(STAFF_TYPE_OPTION_PREFIX) ? value.slice(STAFF_TYPE_OPTION_PREFIX.length) : '';
  return Object.hasOwn(STAFF_TYPE_FOR_FILE, choice) ? (choice as StaffTypeForFile) : undefined;
}

// A Map, not an object: a word such as "constructor" must not find something on the prototype.
const MONTHS = new Map(
  Object.entries({
    jan: 1,
    january: 1,
    feb: 2,
    february: 2,
    mar: 3,
    march: 3,
    apr: 4,
    april: 4,
    may: 5,
    jun: 6,
    june: 6,
    jul: 7,
    july: 7,
    aug: 8,
    august: 8,
    sep: 9,
    sept: 9,
    september: 9,
    oct: 10,
    october: 10,
    nov: 11,
    november: 11,
    dec: 12,
    december: 12,
  }),
);

// A time after the date appears when Excel saves a date-time cell ("01/09/2019 00:00").
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`);
const YEAR_MONTH_DAY = new RegExp(String.raw`^(\d{4})[/-](\d{1,2})[/-](\d{1,2})${TIME}$`);
const DAY_MONTH_NAME_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$/i;

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one, leap years included.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as MIS exports and spreadsheets write it, as YYYY-MM-DD: DD/MM/YYYY (UK order, also with
 * dashes or dots), YYYY-MM-DD, or "1 September 2019" / "01-Sep-2019". Blank text gives null.
 */
export function parseImportDate(text: string): { date: string } | { error: string } | null {
  const value = text.trim();
  if (value === '') return null;
  const parts = dateParts(value);
  if (!parts) return { error: `“${value}” is not a date Waymark recognises: use day/month/year, like 01/09/2019` };
  const iso = isoDate(...parts);
  return iso ? { date: iso } : { error: `“${value}” is not a real date` };
}

function dateParts(value: string): [year: number, month: number, day: number] | undefined {
  let match = DAY_MONTH_YEAR.exec(value);
  if (match) return [Number(match[3]), Number(match[2]), Number(match[1])];
  match = YEAR_MONTH_DAY.exec(value);
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3])];
  const [, day, monthName, year] = DAY_MONTH_NAME_YEAR.exec(value) ?? [];
  const month = monthName ? MONTHS.get(monthName.toLowerCase()) : undefined;
  if (month) return [Number(year), month, Number(day)];
  return undefined;
}

/** Teacher reference numbers are sometimes written "12/34567" or with spaces. */
export function normaliseTrn(text: string): string {
  const compact = text.replace(/[\s/]/g, '');
  return /^\d{7}$/.test(compact) ? compact : text.trim();
}

/** The upload form (the file itself is read separately). */
export const uploadForm = z.object({
  /** One of the organisation's schools, for rows that don't name one; blank for none. */
  defaultSchoolId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
});

/**
 * The column-matching form: one select per Waymark field, named `column-<field>`, holding one of the
 * file's headings or blank for "not in this file". Staff type may instead be one choice for the file.
 */
export function mappingForm(headers: string[]) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const field of IMPORT_FIELDS) {
    shape[field.key] = z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v && field.key === 'staffType' && !headers.includes(v) && staffTypeChoice(v)) return v;
        if (!v) {
          if (field.required) ctx.addIssue({ code: 'custom', message: `Select the column that holds each person’s ${field.label.toLowerCase()}` });
          return undefined;
        }
        if (!headers.includes(v)) {
          ctx.addIssue({ code: 'custom', message: `Select one of the file’s columns for ${field.label.toLowerCase()}` });
          return z.NEVER;
        }
        return v;
      });
  }
  return z
    .object(shape)
    .transform((chosen): StoredMapping => {
      const mapping = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined)) as StoredMapping;
      const forFile = mapping.staffType && !headers.includes(mapping.staffType) ? staffTypeChoice(mapping.staffType) : undefined;
      if (forFile) {
        delete mapping.staffType;
        mapping.staffTypeForFile = forFile;
      }
      return mapping;
    })
    .superRefine((mapping, ctx) => {
      const seen = new Map<string, ImportField>();
      for (const field of IMPORT_FIELDS) {
        const header = mapping[field.key];
        if (header === undefined) continue;
        const earlier = seen.get(header);
        if (earlier)
          ctx.addIssue({
            code: 'custom',
            path: [field.key],
            message: `“${header}” is already chosen for ${FIELD_LABELS[earlier].toLowerCase()}: choose a different column for ${field.label.toLowerCase()}`,
          });
        else seen.set(header, field.key);
      }
    });
}

/** Reads `column-<field>` form values into the shape mappingForm parses. */
export function mappingValues(values: Record<string, string>): Record<string, string | undefined> {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, values[`column-${f.key}`]]));
}

/** A stored mapping: JSON text from staff_imports.column_mapping, checked on the way out. */
export const storedMapping = z
  .record(z.string(), z.string())
  .transform((m) => Object.fromEntries(Object.entries(m).filter(([k]) => IMPORT_FIELDS.some((f) => f.key === k))) as ColumnMapping);

/** The staff type chosen for a file with no staff-type column, from staff_imports.column_mapping. */
export const storedStaffTypeForFile = z
  .object({
    staffTypeForFile: z
      .enum(Object.keys(STAFF_TYPE_FOR_FILE) as [StaffTypeForFile, ...StaffTypeForFile[]])
      .optional()
      .catch(undefined),
  })
  .transform((m) => m.staffTypeForFile ?? null);

/** The counts kept in staff_imports.summary once an import is applied. */
export const importSummary = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  warnings: z.number(),
});
export type ImportSummary = z.infer<typeof importSummary>;
