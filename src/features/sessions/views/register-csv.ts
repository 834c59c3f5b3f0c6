import { formatTime, londonDate } from '../../../platform/dates';
import { type CsvDownload, fileNameStem } from '../../../platform/http/csv-download';
import { ATTENDANCE_STATUS_TEXT, type Register } from '../attendance.service';

/** What the register shows of each person, as the columns of its download. */
export const REGISTER_HEADINGS = ['Name', 'School', 'Attendance', 'Reason absent', 'Checked in at'] as const;

/**
 * The register as the page shows it: each person expected (and anyone marked since who no longer
 * is), their school, their mark ("Not marked yet" when there is none), the reason given for an
 * absence, and the time they checked in when they marked themselves present.
 */
export function registerCsv(register: Register): CsvDownload {
  const { session, entries } = register;
  return {
    fileName: `${fileNameStem(session.title)}-${londonDate(new Date(session.startsAt))}-register.csv`,
    headers: REGISTER_HEADINGS,
    rows: entries.map((entry) => [
      entry.name,
      entry.schoolName ?? '',
      entry.status ? ATTENDANCE_STATUS_TEXT[entry.status] : 'Not marked yet',
      entry.status === 'absent_with_reason' ? (entry.reason ?? '') : '',
      entry.method === 'check_in' && entry.markedAt ? formatTime(entry.markedAt) : '',
    ]),
  };
}
