import { type CsvDownload, fileNameStem } from '../../../platform/http/csv-download';
import type { DirectoryQuery } from '../staff.schemas';

/** The directory's columns, on the page and in its download. */
export const DIRECTORY_HEADINGS = ['Name', 'Job title', 'School'] as const;

/** The search and filters chosen on the page (not the page of results), as a query string, or "". */
export function directoryFilterQuery(filters: DirectoryQuery): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'school', 'staffType', 'level', 'role'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.status !== 'active') params.set('status', filters.status);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Everyone the search and filters find (every page of them), in the directory's order and columns. */
export function directoryCsv(
  rows: { given_name: string; family_name: string; job_title: string | null; school_name: string | null }[],
  filters: DirectoryQuery,
): CsvDownload {
  const searched = filters.q || filters.school || filters.staffType || filters.level || filters.role || filters.status !== 'active';
  return {
    fileName: searched ? `staff-${fileNameStem(filters.q ?? 'filtered')}.csv` : 'staff.csv',
    headers: DIRECTORY_HEADINGS,
    rows: rows.map((row) => [`${row.family_name}, ${row.given_name}`, row.job_title ?? '', row.school_name ?? 'Central team']),
  };
}
