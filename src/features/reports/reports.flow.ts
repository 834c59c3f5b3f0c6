import type { Executor } from '../../platform/db/database';
import { londonDate } from '../../platform/dates';
import * as q from './reports.queries';
import { clampThreshold, type Shown, suppress } from './suppression';

/**
 * The pipeline's flow between stages over the years: for each pathway's stage and the next, how
 * many people who completed the stage in each academic year then enrolled on the next stage (that
 * year or later). Counted per person; small counts hidden with secondary suppression.
 */

/** The academic year (its first calendar year, from 1 September) a moment falls in, in London. */
export function academicYearOf(at: string): number {
  const day = londonDate(new Date(at));
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year : year - 1;
}

/** Completed enrolments in scope on a programme that is a stage of a pathway: who, which stage, when. */
function completedStages(db: Executor, scope: q.ReportScope) {
  return db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select(['enrolments.person_id', 'programmes.pathway_id', 'programmes.stage_position', 'enrolments.completed_at'])
    .where('enrolments.id', 'in', q.enrolmentsInScope(db, scope))
    .where('enrolments.status', '=', 'completed')
    .where('enrolments.completed_at', 'is not', null)
    .where('programmes.pathway_id', 'is not', null)
    .where('programmes.stage_position', 'is not', null)
    .execute();
}

/** Every enrolment on the organisation's cohorts of a pathway's stage (any status, any year): who, which stage, when. */
function stageEnrolments(db: Executor, organisationId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select(['enrolments.person_id', 'programmes.pathway_id', 'programmes.stage_position', 'enrolments.created_at'])
    .where('cohorts.organisation_id', '=', organisationId)
    .where('programmes.pathway_id', 'is not', null)
    .where('programmes.stage_position', 'is not', null)
    .execute();
}

/** The organisation's pathways with their stages' programmes, in stage order. */
function pathwayStages(db: Executor, organisationId: string) {
  return db
    .selectFrom('programmes')
    .innerJoin('pathways', 'pathways.id', 'programmes.pathway_id')
    .select(['pathways.id as pathway_id', 'pathways.title as pathway_title', 'programmes.stage_position', 'programmes.title'])
    .where('programmes.organisation_id', '=', organisationId)
    .where('programmes.stage_position', 'is not', null)
    .orderBy('pathways.title')
    .orderBy('programmes.stage_position')
    .orderBy('programmes.title')
    .execute();
}

/** One move between stages: its label and, for each academic year, how many people made it. */
export interface FlowRow {
  label: string;
  counts: Map<number, number>;
}

/** The moves from each stage to the next, by the academic year the earlier stage was completed in. */
export function countMoves(
  stages: { pathway_id: string; pathway_title: string; stage_position: number | null; title: string }[],
  completed: { person_id: string; pathway_id: string | null; stage_position: number | null; completed_at: string | null }[],
  enrolled: { person_id: string; pathway_id: string | null; stage_position: number | null; created_at: string }[],
): { rows: FlowRow[]; years: number[] } {
  // Each pathway's stages, each with its programmes' titles.
  const pathways = new Map<string, { title: string; stages: Map<number, string[]> }>();
  for (const s of stages) {
    if (s.stage_position === null) continue;
    const p = pathways.get(s.pathway_id) ?? { title: s.pathway_title, stages: new Map<number, string[]>() };
    p.stages.set(s.stage_position, [...(p.stages.get(s.stage_position) ?? []), s.title]);
    pathways.set(s.pathway_id, p);
  }
  // A person's first completion of each stage (the year they finished it).
  const firstCompletion = new Map<string, string>();
  for (const c of completed) {
    if (!c.pathway_id || c.stage_position === null || !c.completed_at) continue;
    const key = `${c.person_id} ${c.pathway_id} ${c.stage_position}`;
    const earlier = firstCompletion.get(key);
    if (!earlier || c.completed_at < earlier) firstCompletion.set(key, c.completed_at);
  }
  // A person's enrolments on each stage, by when they were made.
  const enrolledOn = new Map<string, string[]>();
  for (const e of enrolled) {
    if (!e.pathway_id || e.stage_position === null) continue;
    const key = `${e.person_id} ${e.pathway_id} ${e.stage_position}`;
    enrolledOn.set(key, [...(enrolledOn.get(key) ?? []), e.created_at]);
  }
  const moves = new Map<string, Map<number, number>>();
  const years = new Set<number>();
  for (const [key, completedAt] of firstCompletion) {
    const [person, pathway, stage] = key.split(' ') as [string, string, string];
    const year = academicYearOf(completedAt);
    years.add(year);
    // Enrolled on the next stage in the year they completed this one, or later.
    const next = enrolledOn.get(`${person} ${pathway} ${Number(stage) + 1}`) ?? [];
    if (!next.some((at) => academicYearOf(at) >= year)) continue;
    const row = moves.get(`${pathway} ${stage}`) ?? new Map<number, number>();
    row.set(year, (row.get(year) ?? 0) + 1);
    moves.set(`${pathway} ${stage}`, row);
  }
  const rows: FlowRow[] = [];
  for (const [pathwayId, p] of pathways) {
    const positions = [...p.stages.keys()].sort((a, b) => a - b);
    for (const position of positions) {
      const next = p.stages.get(position + 1);
      if (!next) continue;
      // A move is listed when someone completed the stage in scope, even if nobody moved on.
      const anyCompleted = [...firstCompletion.keys()].some((k) => k.endsWith(` ${pathwayId} ${position}`));
      if (!anyCompleted) continue;
      const from = (p.stages.get(position) ?? []).join(' or ');
      rows.push({ label: `${from} to ${next.join(' or ')}`, counts: moves.get(`${pathwayId} ${position}`) ?? new Map() });
    }
  }
  return { rows, years: [...years].sort((a, b) => a - b) };
}

const yearText = (year: number) => `${year} to ${year + 1}`;

/** A table as the report pages show them (the shape of reports.service's ReportTable, which imports this file). */
export interface FlowTable {
  key: string;
  caption: string;
  headers: string[];
  numeric: boolean[];
  rows: (string | number | null)[][];
  empty: string;
}

/** The flow table with small counts hidden (`c`), and the same hidden in the chart. */
export interface PipelineFlow {
  table: FlowTable;
  /** For the chart: each move, each year's count as shown. */
  moves: { label: string; years: { year: string; shown: Shown }[]; total: Shown }[];
  threshold: number;
}

/** The flow between stages for the report's scope (its cohorts are those of the stage completed). */
export async function pipelineFlow(db: Executor, scope: q.ReportScope): Promise<PipelineFlow> {
  const [stages, completed, enrolled, saved] = await Promise.all([
    pathwayStages(db, scope.organisationId),
    completedStages(db, scope),
    stageEnrolments(db, scope.organisationId),
    q.findSuppressionThreshold(db, scope.organisationId),
  ]);
  const threshold = clampThreshold(saved);
  const { rows, years } = countMoves(stages, completed, enrolled);
  const shown = suppress({ cells: rows.map((r) => years.map((y) => r.counts.get(y) ?? 0)), rowTotals: true, columnTotals: true }, threshold);
  const tableRows: (string | number | null)[][] = rows.map((r, i) => [r.label, ...(shown.cells[i] ?? []), shown.rowTotals[i] ?? null]);
  if (rows.length > 0) tableRows.push(['All moves', ...shown.columnTotals, shown.grandTotal]);
  return {
    threshold,
    table: {
      key: 'pipeline-flow',
      caption: 'People who moved on to the next stage, by the academic year they completed the stage before',
      headers: ['From stage to next stage', ...years.map(yearText), 'All years'],
      numeric: [false, ...years.map(() => true), true],
      rows: tableRows,
      empty: 'Nobody has completed a stage of a pathway with a next stage yet.',
    },
    moves: rows.map((r, i) => ({
      label: r.label,
      years: years.map((y, j) => ({ year: yearText(y), shown: shown.cells[i]?.[j] ?? 0 })),
      total: shown.rowTotals[i] ?? 0,
    })),
  };
}
