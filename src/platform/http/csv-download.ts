import type { Context } from 'hono';
import { toCsvFile } from '../csv';
import type { AppEnv } from './env';

/** A table to download: its file name, its heading row and its rows, as the page shows them. */
export interface CsvDownload {
  fileName: string;
  headers: readonly string[];
  rows: readonly (readonly (string | number | null | undefined)[])[];
}

/** A file name made of words: "Towards middle leadership, 2026" → "towards-middle-leadership-2026". */
export function fileNameStem(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'download'
  );
}

/** The response for a CSV download (see toCsvFile: UTF-8 with a byte-order mark, RFC 4180, formulas defused); never cached. */
export function sendCsv(c: Context<AppEnv>, download: CsvDownload): Response {
  return c.body(toCsvFile(download.headers, download.rows), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${download.fileName}"`,
    'cache-control': 'private, no-store',
  });
}
