import { londonDate } from '../../../platform/dates';
import { type CsvDownload, fileNameStem } from '../../../platform/http/csv-download';
import type { getReviewQueue } from '../cohorts.service';
import { APPLICATION_STATUSES, ENDORSEMENT_STATUSES, type QueueQuery } from '../cohorts.schemas';

type Queue = Awaited<ReturnType<typeof getReviewQueue>>;

/** The application list's columns, on the page and in its download. */
export const QUEUE_HEADINGS = ['Applicant', 'School', 'Status', 'Endorsements', 'Eligibility', 'Submitted'] as const;

/** The filters chosen on the page, as a query string ("?status=endorsed"), or "". */
export function queueQueryString(filters: QueueQuery): string {
  const params = new URLSearchParams();
  for (const key of ['school', 'status', 'eligibility'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One application's endorsements, as the page lists them (line manager first); "None needed" when none was asked for. */
export function endorsementsText(endorsements: Queue['rows'][number]['endorsements']): string {
  if (endorsements.length === 0) return 'None needed';
  return [...endorsements]
    .sort((a, b) => (a.kind === 'line_manager' ? -1 : b.kind === 'line_manager' ? 1 : 0))
    .map((e) => `${e.kind === 'line_manager' ? 'Line manager' : 'Headteacher'}: ${ENDORSEMENT_STATUSES[e.status].toLowerCase()}`)
    .join('\n');
}

/** The application list with the filters chosen, in the page's columns (the date sent as YYYY-MM-DD, as spreadsheets sort it). */
export function queueCsv(queue: Queue, filters: QueueQuery): CsvDownload {
  const { cohort, rows } = queue;
  const chosen = [filters.status, filters.eligibility].filter(Boolean).join('-');
  return {
    fileName: `${fileNameStem(`${cohort.programme_title} ${cohort.name}`)}-applications${chosen ? `-${fileNameStem(chosen)}` : ''}.csv`,
    headers: QUEUE_HEADINGS,
    rows: rows.map((row) => [
      `${row.given_name} ${row.family_name}`,
      row.school_name ?? 'Central team',
      APPLICATION_STATUSES[row.status],
      endorsementsText(row.endorsements),
      row.eligible === 0 ? 'Not eligible' : row.eligible === 1 ? 'Eligible' : 'Not checked',
      row.submitted_at ? londonDate(new Date(row.submitted_at)) : '',
    ]),
  };
}
