import { isUtf8 } from 'node:buffer';
import { CsvError, parse } from 'csv-parse/sync';

/** More rows than this is not one school's or trust's list of anything; ask for smaller files. */
export const MAX_ROWS = 20_000;
function isBlank(record: string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

/** An export from a school's systems has a few dozen columns at most; far more means it isn't one. */
export const MAX_COLUMNS = 500;
/** Longest single row, in characters: generous for any record, small enough to stop junk early. */
const MAX_ROW_CHARACTERS = 100_000;

/** Why a file can't be read as CSV, in words for the person who uploaded it. */
export class UnreadableFile extends Error {}

/** How the messages name what the file should hold: each feature that reads CSV says it in its own words. */
export interface CsvWords {
  /** Ends "Check you chose …": "the staff list exported from your MIS". */
  expected: string;
  /** Said of a PDF: "Export the staff list from your MIS as CSV." */
  howToExport: string;
  /** "far too long to be …": "a staff record". */
  row: string;
  /** "too many for …": "a staff list". */
  whole: string;
  /** When there is a heading row but nothing under it: "The file has column headings but no staff in it. …". */
  noRows: string;
  /** After "The file has more than 20,000 rows.": "Waymark imports up to 20,000 people at a time: split the file and import each part." */
  tooManyRows: string;
}

/** The staff list's words (the first reader of CSV files, and the default). */
export const STAFF_LIST_WORDS: CsvWords = {
  expected: 'the staff list exported from your MIS',
  howToExport: 'Export the staff list from your MIS as CSV.',
  row: 'a staff record',
  whole: 'a staff list',
  noRows: 'The file has column headings but no staff in it. Check you exported the staff list with its rows.',
  tooManyRows: `Waymark imports up to ${MAX_ROWS.toLocaleString('en-GB')} people at a time: split the file and import each part.`,
};

export interface DecodedFile {
  text: string;
  /** Excel's plain "CSV" is windows-1252; "CSV UTF-8" and most MIS exports are UTF-8. */
  encoding: 'utf-8' | 'windows-1252';
}

/** One data row of the file. */
export interface CsvRow {
  /** The row as a spreadsheet shows it: the heading row is 1, blank rows count. */
  rowNumber: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
}

const SAVE_AS_CSV = 'Save it as “CSV UTF-8 (Comma delimited)” or “CSV (Comma delimited)” and upload that file.';

// Bytes 0x80–0x9F of windows-1252; the five it leaves undefined map to the C1 controls, as browsers do.
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Windows-1252 to text. Node's TextDecoder treats 'windows-1252' as Latin-1 (it turns Excel's curly
 * quotes and € into control characters), so the 32 bytes where the two differ are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009F]/g, (ch) => WINDOWS_1252_HIGH.charAt(ch.charCodeAt(0) - 0x80));
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** UTF-16 text without a byte-order mark has a zero in every other byte of its ASCII characters. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 400));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const half = sample.length / 2;
  return Math.max(evenZeros, oddZeros) > half * 0.6 && Math.min(evenZeros, oddZeros) < half * 0.05;
}

/**
 * Turns an uploaded file's bytes into text: UTF-8 (with or without a byte-order mark), or
 * windows-1252 when the bytes aren't valid UTF-8. Refuses, with a reason a person can act on,
 * spreadsheets, UTF-16 "Unicode text", and anything binary.
 */
export function decodeCsvBytes(bytes: Uint8Array, words: CsvWords = STAFF_LIST_WORDS): DecodedFile {
  if (bytes.length === 0) throw new UnreadableFile('The selected file is empty.');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UnreadableFile(`The selected file is an Excel workbook, not a CSV file. ${SAVE_AS_CSV}`);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new UnreadableFile(`The selected file is a PDF, not a CSV file. ${words.howToExport}`);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new UnreadableFile(`The selected file is saved as “Unicode text” (UTF-16), which Waymark cannot read. ${SAVE_AS_CSV}`);
  }
  if (bytes.includes(0)) {
    if (looksLikeUtf16(bytes)) throw new UnreadableFile(`The selected file is saved as “Unicode text” (UTF-16), which Waymark cannot read. ${SAVE_AS_CSV}`);
    throw new UnreadableFile(`The selected file is not a CSV file: it contains binary data. Check you chose ${words.expected}.`);
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  const utf8 = isUtf8(body);
  const text = utf8 ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') : decodeWindows1252(body);
  // Text files have tabs and line breaks but almost no other control characters; junk has plenty.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point: they tell binary data from text.
  const controls = text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > Math.max(2, text.length / 200)) {
    throw new UnreadableFile(`The selected file is not a CSV file: it contains binary data. Check you chose ${words.expected}.`);
  }
  if (text.trim() === '') throw new UnreadableFile('The selected file is empty.');
  return { text, encoding: utf8 ? 'utf-8' : 'windows-1252' };
}

/** Limits for a reader whose files are larger than a staff list (the national school list has about 50,000 rows). */
export interface CsvLimits {
  /** Data rows accepted; MAX_ROWS unless given. */
  maxRows?: number;
}

/** Comma, semicolon (Excel in some locales) or tab: whichever the heading row uses most. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 10_000; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/**
 * Parses CSV text into a heading row and data rows. Rows with every cell blank are left out (but
 * still counted in row numbers, as a spreadsheet would). Throws UnreadableFile with a reason.
 */
export function parseCsv(text: string, words: CsvWords = STAFF_LIST_WORDS, limits: CsvLimits = {}): CsvTable {
  const maxRows = limits.maxRows ?? MAX_ROWS;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      // Blank lines stay in as records of one empty cell, so a record's index is its spreadsheet row.
      skip_empty_lines: false,
      max_record_size: MAX_ROW_CHARACTERS,
      // Stop early on huge files: room for the heading, MAX_ROWS rows and as many blank ones.
      to: 2 * maxRows + 1,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const where = line ? ` near line ${line}` : '';
      if (error.code === 'CSV_MAX_RECORD_SIZE')
        throw new UnreadableFile(`The file has a row${where} far too long to be ${words.row}. Check you chose ${words.expected}.`);
      if (error.code === 'CSV_QUOTE_NOT_CLOSED')
        throw new UnreadableFile(`The file could not be read: a value${where} starts with a quotation mark that is never closed. ${SAVE_AS_CSV}`);
      throw new UnreadableFile(`The file could not be read as CSV (problem${where}). ${SAVE_AS_CSV}`);
    }
    throw error;
  }
  return tableOf(records, words, maxRows);
}

/** The heading row and the data rows of parsed records, with the checks every reader makes. */
function tableOf(records: string[][], words: CsvWords, maxRows: number): CsvTable {
  // The first record with something in it is the heading (none when all are blank); the rest are rows.
  const first = records.findIndex((record) => !isBlank(record));
  const headers = records[first]?.map((h) => h.trim());
  const rows: CsvRow[] = [];
  for (const [i, cells] of records.entries()) {
    if (first >= 0 && i > first && !isBlank(cells)) rows.push({ rowNumber: i + 1, cells });
  }
  if (rows.length > maxRows || records.length > 2 * maxRows) {
    throw new UnreadableFile(`The file has more than ${maxRows.toLocaleString('en-GB')} rows. ${words.tooManyRows}`);
  }
  if (!headers) throw new UnreadableFile('The selected file is empty.');
  if (headers.length > MAX_COLUMNS)
    throw new UnreadableFile(`The file has ${headers.length} columns, which is too many for ${words.whole}. Check you chose ${words.expected}.`);
  if (rows.length === 0) throw new UnreadableFile(words.noRows);
  return { headers, rows };
}

/**
 * Like `parseCsv`, for files of tens of thousands of rows (the national school list): a plain
 * RFC 4180 reader (quoted values, doubled quotation marks, line breaks inside quotes, CRLF or LF),
 * several times faster than csv-parse on a 50,000-row file. Row numbers and messages are the same.
 */
export function parseLargeCsv(text: string, words: CsvWords, limits: CsvLimits = {}): CsvTable {
  const maxRows = limits.maxRows ?? MAX_ROWS;
  return tableOf(readRecords(text, detectDelimiter(text), 2 * maxRows + 1), words, maxRows);
}

function readRecords(text: string, delimiter: string, maxRecords: number): string[][] {
  const separator = delimiter.charCodeAt(0);
  const records: string[][] = [];
  const n = text.length;
  let record: string[] = [];
  let i = 0;
  while (records.length < maxRecords) {
    let value: string;
    if (text.charCodeAt(i) === 34) {
      value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          const line = text.slice(0, i).split('\n').length;
          throw new UnreadableFile(`The file could not be read: a value near line ${line} starts with a quotation mark that is never closed. ${SAVE_AS_CSV}`);
        }
        if (text.charCodeAt(quote + 1) === 34) {
          value += text.slice(from, quote + 1);
          from = quote + 2;
          continue;
        }
        value += text.slice(from, quote);
        i = quote + 1;
        break;
      }
      // Anything between the closing quotation mark and the delimiter is kept (`"x"y` reads as xy).
      const rest = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === separator || c === 10 || c === 13) break;
        i++;
      }
      if (i > rest) value += text.slice(rest, i);
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === separator || c === 10 || c === 13) break;
        i++;
      }
      value = text.slice(start, i);
    }
    if (value.length > MAX_ROW_CHARACTERS) {
      const line = text.slice(0, i).split('\n').length;
      throw new UnreadableFile(`The file has a row near line ${line} far too long to be a record. ${SAVE_AS_CSV}`);
    }
    record.push(value);
    if (i >= n) {
      records.push(record);
      break;
    }
    if (text.charCodeAt(i) === separator) {
      i++;
      continue;
    }
    i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) break;
  }
  return records;
}

// ----- Writing -----

/** A value a spreadsheet would run as a formula: it starts with =, +, -, @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which a spreadsheet reads as a number rather than a formula, even with its minus sign. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One cell as RFC 4180 writes it. Text a spreadsheet would take for a formula (`=HYPERLINK(…)`,
 * `@SUM(…)`, `+1-2`) is neutralised with a leading apostrophe, which Excel, LibreOffice and Google
 * Sheets show as plain text; plain numbers are left alone. Cells with a comma, quotation mark, line
 * break or leading/trailing space are quoted, with quotation marks doubled.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n;\t]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file of a heading row and data rows: UTF-8 with a byte-order mark (so Excel reads accented
 * names correctly; other readers skip it), cells as `csvCell` writes them, CRLF line ends as RFC 4180 says.
 */
export function toCsvFile(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [headers, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
