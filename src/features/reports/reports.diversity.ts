import { isOrgAdmin } from '../../platform/http/access';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Forbidden, Invalid, NotFound } from '../../platform/http/errors';
import { BARRIERS } from '../careers';
import { CHARACTERISTICS, type Characteristic, reportGroupOf, reportGroupsOf } from '../equality';
import { STAFF_TYPES, type StaffType } from '../staff';
import * as q from './reports.queries';
import { cohortInScope, type FilterName, type ReportQuery, reportChoices, requireValid } from './reports.filters';
import { type Download, fileSuffix } from './reports.service';
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

/** The diversity report counts the organisation's own staff (whose equality information it holds): no choice of organisation. */
const DIVERSITY_FILTERS: FilterName[] = ['school', 'programme', 'cohort', 'year', 'staffType'];
/** Barriers are counted for all staff with an aspiration: by school and type of staff only. */
const BARRIER_FILTERS: FilterName[] = ['school', 'staffType'];

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
export async function diversityReport(deps: AppDeps, viewer: Viewer, query: ReportQuery) {
  const choices = await reportChoices(deps, viewer, query, DIVERSITY_FILTERS);
  const org = viewer.organisationId;
  const { scope } = choices;
  const [threshold, counts] = await Promise.all([
    suppressionThreshold(deps, org),
    Promise.all(CHARACTERISTICS.map((c) => q.stageCountsByAnswer(deps.db, scope, c.column, scope))),
  ]);
  const reports = CHARACTERISTICS.map((c, i) => characteristicReport(c, counts[i] ?? [], threshold));
  // Every characteristic counts every member of staff once.
  const staffCount = (counts[0] ?? []).reduce((sum, r) => sum + Number(r.n), 0);
  return { choices, threshold, reports, staffCount };
}

function characteristicReport(
  c: Characteristic,
  counts: { answer: string | null; stage: number | string | null; n: number | string }[],
  threshold: number,
): CountReport {
  const groups = reportGroupsOf(c);
  const cells = groups.map(() => STAGES.map(() => 0));
  for (const r of counts) {
    const row = cells[groups.indexOf(reportGroupOf(c, r.answer))];
    const j = Number(r.stage ?? 0);
    if (row) row[j] = (row[j] ?? 0) + Number(r.n);
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
export async function diversityDownload(deps: AppDeps, viewer: Viewer, key: string, query: ReportQuery): Promise<Download> {
  const data = await diversityReport(deps, viewer, query);
  requireValid(data.choices);
  const report = data.reports.find((r) => r.key === key);
  if (!report) throw new NotFound();
  return countReportDownload(report, `diversity-${key.replace(/_/g, '-')}.csv`);
}

/**
 * Barriers to aspiring, from the aspirations people keep in their career plans: how many name
 * each barrier, by type of staff, with small numbers suppressed. People may name several, so the
 * rows don't add up; the column totals are the people with an aspiration.
 */
export async function barriersReport(deps: AppDeps, viewer: Viewer, query: ReportQuery) {
  const choices = await reportChoices(deps, viewer, query, BARRIER_FILTERS);
  const org = viewer.organisationId;
  const [threshold, rows, staffTypes] = await Promise.all([
    suppressionThreshold(deps, org),
    q.barriersOfStaff(deps.db, org, choices.scope),
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

export async function barriersDownload(deps: AppDeps, viewer: Viewer, query: ReportQuery): Promise<Download> {
  const data = await barriersReport(deps, viewer, query);
  requireValid(data.choices);
  return countReportDownload(data.report, 'barriers.csv');
}

/**
 * Cohort skill profiles: for each cohort chosen and each skill, how many rated themselves at the
 * baseline and at the end, and the average of each. An average resting on fewer people than the
 * threshold is hidden (`c`), as are its count and the change.
 */
export async function skillsReport(deps: AppDeps, viewer: Viewer, query: ReportQuery) {
  const choices = await reportChoices(deps, viewer, query);
  const org = viewer.organisationId;
  const [threshold, totals, cohorts] = await Promise.all([
    suppressionThreshold(deps, org),
    q.selfAssessmentTotals(deps.db, choices.scope),
    q.cohortsOfOrganisation(deps.db, org),
  ]);
  const kept = cohorts.filter((c) => cohortInScope(choices.scope, c));
  const rows: (string | number)[][] = [];
  for (const c of kept) {
    const skills = new Map<
      string,
      { code: string; title: string; position: number; baseline?: { n: number; total: number }; final?: { n: number; total: number } }
    >();
    for (const t of totals) {
      if (t.cohort_id !== c.id) continue;
      const s = skills.get(t.skill_id) ?? { code: t.code, title: t.title, position: Number(t.position) };
      s[t.checkpoint as 'baseline' | 'final'] = { n: Number(t.n), total: Number(t.total) };
      skills.set(t.skill_id, s);
    }
    for (const s of [...skills.values()].sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }))) {
      const mean = (x?: { n: number; total: number }) => (x && x.n >= threshold ? Math.round((x.total / x.n) * 10) / 10 : SUPPRESSED);
      const count = (x?: { n: number }) => (!x ? 0 : x.n >= threshold ? x.n : SUPPRESSED);
      const before = mean(s.baseline);
      const after = mean(s.final);
      rows.push([
        `${c.programme_title}, ${c.name}`,
        `${s.code} ${s.title}`,
        count(s.baseline),
        s.baseline ? before : NOT_APPLICABLE,
        count(s.final),
        s.final ? after : NOT_APPLICABLE,
        typeof before === 'number' && typeof after === 'number' ? Math.round((after - before) * 10) / 10 : s.baseline && s.final ? SUPPRESSED : NOT_APPLICABLE,
      ]);
    }
  }
  return {
    choices,
    threshold,
    table: {
      key: 'skills',
      caption: 'Self-assessment by skill: the cohort’s average rating (1 to 5) at the baseline and at the end',
      headers: ['Cohort', 'Skill', 'Rated at the baseline', 'Baseline average', 'Rated at the end', 'Final average', 'Change'],
      numeric: [false, false, true, true, true, true, true],
      rows,
      empty: 'No self-assessments have been submitted for these cohorts yet.',
    },
  };
}

export async function skillsDownload(deps: AppDeps, viewer: Viewer, query: ReportQuery): Promise<Download> {
  const data = await skillsReport(deps, viewer, query);
  requireValid(data.choices);
  return { fileName: `skills${fileSuffix(data.choices)}.csv`, headers: data.table.headers, rows: data.table.rows };
}
