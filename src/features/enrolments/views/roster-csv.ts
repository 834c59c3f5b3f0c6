import { REQUIREMENT_STATUS_TEXT } from '../../../platform/completion';
import { type CsvDownload, fileNameStem } from '../../../platform/http/csv-download';
import { ENROLMENT_STATUSES } from '../enrolments.schemas';
import type { getRoster } from '../enrolments.service';
import type { EnrolmentStatus } from '../enrolments.tables';

type Roster = Awaited<ReturnType<typeof getRoster>>;

/** The roster table's columns, on the page and in its download. */
export const ROSTER_HEADINGS = ['Participant', 'Status', 'Requirements', 'May graduate'] as const;

/** Where the roster's download is, with the status chosen on the page. */
export function rosterCsvHref(cohortId: string, status: EnrolmentStatus | null): string {
  return `/cohorts/${cohortId}/roster.csv${status ? `?status=${status}` : ''}`;
}

/**
 * The roster as the page shows it, with the page's columns: the participant's name, their status,
 * each requirement with its status and reason (one a line in the cell) and whether they may
 * graduate. (Reports has a fuller roster with email, school and line manager.)
 */
export function rosterCsv(roster: Roster, status: EnrolmentStatus | null): CsvDownload {
  const { cohort, columns, rows } = roster;
  return {
    fileName: `${fileNameStem(`${cohort.programme_title} ${cohort.name}`)}-roster${status ? `-${fileNameStem(status)}` : ''}.csv`,
    headers: ROSTER_HEADINGS,
    rows: rows.map((row) => [
      `${row.given_name} ${row.family_name}`,
      ENROLMENT_STATUSES[row.status],
      columns
        .flatMap((column) => {
          const result = row.report.requirements.find((r) => r.requirementId === column.requirementId);
          return result ? [`${column.title}: ${REQUIREMENT_STATUS_TEXT[result.status]}. ${result.reason}`] : [];
        })
        .join('\n'),
      row.report.mayGraduate ? 'Yes' : 'No',
    ]),
  };
}
