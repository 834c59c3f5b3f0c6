import { isOrgAdmin, isProgrammeLead } from '../../platform/http/access';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Forbidden, Invalid, NotFound } from '../../platform/http/errors';
import { BARRIERS } from '../careers';
import { CHARACTERISTICS, type Characteristic, reportGroupOf, reportGroupsOf } from '../equality';
import { parseStaffType, STAFF_TYPES, type StaffType } from '../staff';
import * as q from './reports.queries';
import { academicYearOf, type Download, reportFilter } from './reports.service';
import { clampThreshold, MAX_THRESHOLD, MIN_THRESHOLD, NOT_APPLICABLE, type Shown, SUPPRESSED, shownPercent, suppress } from './suppression';

type Percent = number | typeof SUPPRESSED | typeof NOT_APPLICABLE;

/** The percentage beside a total: 100, or `c` when it is hidden, `z` when it is zero. */
export const totalPercent = (t: Shown | null): Percent => (t === SUPPRESSED || t === null ? SUPPRESSED : t === 0 ? NOT_APPLICABLE : 100);

/** The threshold below which counts of people are hidden in the organisation's reports. */
export async function suppressionThreshold(deps: Pick<AppDeps, 'db'>, organisationId: string): Promise<number> {
  return clampThreshold(await q.findSuppressionThreshold(deps.db, organisationId));
}

/** Changes the organisation's threshold (organisation admins): a whole number from MIN_THRESHOLD to MAX_THRESHOLD. */
export async function saveThreshold(deps: Pick<AppDeps, 'db' | 'clock'>, viewer: Viewer, value: string | undefined) {
  if (!isOrgAdmin(viewer)) throw new Forbidden();
  const text = (value ?? '').trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < MIN_THRESHOLD || n > MAX_THRESHOLD)
    throw new Invalid({ threshold: `Enter a whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}` }, 'Enter a whole number');
  await q.saveSuppressionThreshold(deps.db, viewer.organisationId, n, viewer.id, deps.clock.now().toISOString());
}

/** The pipeline stages staff are counted in: each person in the furthest they have reached. */
export const STAGES = ['Not applied', 'Applied', 'On a programme', 'Completed'] as const;

/** The filters of the diversity and barriers reports: the trust report's, with a school and a staff type. */
export async function peopleFilter(deps: AppDeps, viewer: Viewer, query: { programme?: string; year?: string; school?: string; staffType?: string }) {
  const base = await reportFilter(deps, viewer, query);
  const schools = await q.schoolsOfOrganisation(deps.db, viewer.organisationId);
  const errors = { ...base.errors };
  const school = query.school ?? '';
  const staffTypeText = query.staffType ?? '';
  if (school !== '' && !schools.some((s) => s.id === school)) errors.school = 'Choose a school from the list';
  const staffType: StaffType | null = staffTypeText === '' ? null : parseStaffType(staffTypeText);
  if (staffTypeText !== '' && staffType === null) errors.staffType = 'Choose a type of staff from the list';
  return {
    ...base,
    errors,
    schools,
    staffTypes: Object.entries(STAFF_TYPES).map(([value, text]) => ({ value, text })),
    people: { schoolId: school !== '' && !errors.school ? school : null, staffType },
  };
}

export type PeopleFilter = Awaited<ReturnType<typeof peopleFilter>>;

/** One suppressed table of counts about people, as a page shows it and its CSV downloads it. */
export interface CountReport {
  key: string;
  caption: string;
  /** Row labels. */
  groups: string[];
  /** Column labels. */
  columns: string[];
  cells: Shown[][];
  /** Per row, when the table has row totals. */
  rowTotals: Shown[];
  rowTotalLabel: string | null;
  /** The label of the last row, the column totals: "Total", or what they count. */
  columnTotalLabel: string;
  columnTotals: Shown[];
  grandTotal: Shown | null;
  /** Per cell, the percentage of its column's total (or of its row total's share of the grand total). */
  percents: Percent[][];
  rowTotalPercents: Percent[];
  hidden: number;
}

/** The table's rows for the CSV: each column's count then its percentage, with a totals row. */
export function countReportDownload(report: CountReport, fileName: string): Download {
  const headers = ['Group'];
  if (report.rowTotalLabel) headers.push(report.rowTotalLabel, `${report.rowTotalLabel} (%)`);
  for (const c of report.columns) headers.push(c, `${c} (%)`);
  const rows = report.groups.map((g, i) => {
    const row: (string | number)[] = [g];
    if (report.rowTotalLabel) row.push(report.rowTotals[i] ?? SUPPRESSED, report.rowTotalPercents[i] ?? SUPPRESSED);
    report.columns.forEach((_, j) => {
      row.push(report.cells[i]?.[j] ?? SUPPRESSED, report.percents[i]?.[j] ?? SUPPRESSED);
    });
    return row;
  });
  if (report.columnTotals.length > 0) {
    const total: (string | number)[] = [report.columnTotalLabel];
    if (report.rowTotalLabel) total.push(report.grandTotal ?? SUPPRESSED, totalPercent(report.grandTotal));
    for (const t of report.columnTotals) total.push(t, totalPercent(t));
    rows.push(total);
  }
  return { fileName, headers, rows };
}

/**
 * The diversity of the pipeline against the staff body: for each characteristic, active staff
 * counted by group and by the furthest stage they reached in the cohorts chosen, with small
 * numbers suppressed. Never one person's answers.
 */
export async function diversityReport(deps: AppDeps, viewer: Viewer, query: Parameters<typeof peopleFilter>[2]) {
  if (!isProgrammeLead(viewer)) throw new Forbidden();
  const choices = await peopleFilter(deps, viewer, query);
  const org = viewer.organisationId;
  const [threshold, staff, enrolments, applications, cohorts] = await Promise.all([
    suppressionThreshold(deps, org),
    q.staffWithEquality(deps.db, org, choices.people),
    q.enrolmentStages(deps.db, org),
    q.applicationsSent(deps.db, org),
    q.cohortsOfOrganisation(deps.db, org),
  ]);
  const { programmeId, year } = choices.filter;
  const kept = new Set(
    cohorts.filter((c) => (programmeId === null || c.programme_id === programmeId) && (year === null || academicYearOf(c.starts_on) === year)).map((c) => c.id),
  );
  const stage = new Map<string, number>();
  const reach = (person: string, s: number) => stage.set(person, Math.max(stage.get(person) ?? 0, s));
  for (const a of applications) if (kept.has(a.cohort_id)) reach(a.person_id, 1);
  for (const e of enrolments)
    if (kept.has(e.cohort_id)) reach(e.person_id, e.status === 'completed' ? 3 : e.status === 'active' || e.status === 'deferred' ? 2 : 1);

  const reports = CHARACTERISTICS.map((c) => characteristicReport(c, staff, stage, threshold));
  return { choices, threshold, reports, staffCount: staff.length };
}

function characteristicReport(
  c: Characteristic,
  staff: Awaited<ReturnType<typeof q.staffWithEquality>>,
  stage: Map<string, number>,
  threshold: number,
): CountReport {
  const groups = reportGroupsOf(c);
  const cells = groups.map(() => STAGES.map(() => 0));
  for (const p of staff) {
    const i = groups.indexOf(reportGroupOf(c, p[c.column]));
    const row = cells[i];
    const j = stage.get(p.id) ?? 0;
    if (row) row[j] = (row[j] ?? 0) + 1;
  }
  const shown = suppress({ cells, rowTotals: true, columnTotals: true }, threshold);
  return {
    key: c.key,
    caption: `${c.name}: all staff and the pipeline`,
    groups,
    columns: [...STAGES],
    cells: shown.cells,
    rowTotals: shown.rowTotals,
    rowTotalLabel: 'All staff',
    columnTotalLabel: 'Total',
    columnTotals: shown.columnTotals,
    grandTotal: shown.grandTotal,
    percents: shown.cells.map((row) => row.map((n, j) => shownPercent(n, shown.columnTotals[j] ?? SUPPRESSED, threshold))),
    rowTotalPercents: shown.rowTotals.map((n) => shownPercent(n, shown.grandTotal ?? SUPPRESSED, threshold)),
    hidden: shown.primary + shown.secondary,
  };
}

/** One characteristic's table as a download; NotFound for an unknown one. */
export async function diversityDownload(deps: AppDeps, viewer: Viewer, key: string, query: Parameters<typeof peopleFilter>[2]): Promise<Download> {
  const data = await diversityReport(deps, viewer, query);
  if (Object.keys(data.choices.errors).length > 0) throw new Invalid(data.choices.errors, Object.values(data.choices.errors)[0]);
  const report = data.reports.find((r) => r.key === key);
  if (!report) throw new NotFound();
  return countReportDownload(report, `diversity-${key.replace(/_/g, '-')}.csv`);
}

/**
 * Barriers to aspiring, from the aspirations people keep in their career plans: how many name
 * each barrier, by type of staff, with small numbers suppressed. People may name several, so the
 * rows don't add up; the column totals are the people with an aspiration.
 */
export async function barriersReport(deps: AppDeps, viewer: Viewer, query: Parameters<typeof peopleFilter>[2]) {
  if (!isProgrammeLead(viewer)) throw new Forbidden();
  const choices = await peopleFilter(deps, viewer, query);
  const org = viewer.organisationId;
  const [threshold, rows, staffTypes] = await Promise.all([
    suppressionThreshold(deps, org),
    q.barriersOfStaff(deps.db, org, choices.people),
    deps.db.selectFrom('people').select(['id', 'staff_type']).where('organisation_id', '=', org).where('status', '=', 'active').execute(),
  ]);
  const typeOf = new Map(staffTypes.map((p) => [p.id, p.staff_type]));
  const columns = Object.keys(STAFF_TYPES) as StaffType[];
  const keys = Object.keys(BARRIERS);
  const cells = keys.map(() => columns.map(() => 0));
  const people = columns.map(() => 0);
  for (const r of rows) {
    const j = columns.indexOf(typeOf.get(r.id) ?? 'teaching');
    people[j] = (people[j] ?? 0) + 1;
    let named: unknown = [];
    try {
      named = JSON.parse(r.barriers);
    } catch {
      named = [];
    }
    for (const b of Array.isArray(named) ? new Set(named) : []) {
      const row = cells[keys.indexOf(String(b))];
      if (row) row[j] = (row[j] ?? 0) + 1;
    }
  }
  // People may name several barriers, so no row or column adds up to a total shown: each count
  // stands alone (at most the column's people), and hiding the small ones is enough. A column's
  // people below the threshold are hidden too, and with them every count in it.
  const shown = suppress({ cells, rowTotals: false, columnTotals: false }, threshold);
  const columnTotals: Shown[] = people.map((n) => (n < threshold ? SUPPRESSED : n));
  const shownCells = shown.cells.map((row) => row.map((v, j) => (columnTotals[j] === SUPPRESSED ? SUPPRESSED : v)));
  const report: CountReport = {
    key: 'barriers',
    caption: 'Barriers people name to aspiring to leadership, by type of staff',
    groups: keys.map((k) => BARRIERS[k] ?? k),
    columns: columns.map((t) => STAFF_TYPES[t]),
    cells: shownCells,
    rowTotals: [],
    rowTotalLabel: null,
    columnTotalLabel: 'People with an aspiration',
    columnTotals,
    grandTotal: null,
    percents: shownCells.map((row) => row.map((n, j) => shownPercent(n, columnTotals[j] ?? SUPPRESSED, threshold))),
    rowTotalPercents: [],
    hidden: shownCells.flat().filter((c) => c === SUPPRESSED).length,
  };
  return { choices, threshold, report, peopleCount: rows.length };
}

export async function barriersDownload(deps: AppDeps, viewer: Viewer, query: Parameters<typeof peopleFilter>[2]): Promise<Download> {
  const data = await barriersReport(deps, viewer, query);
  if (Object.keys(data.choices.errors).length > 0) throw new Invalid(data.choices.errors, Object.values(data.choices.errors)[0]);
  return countReportDownload(data.report, 'barriers.csv');
}
