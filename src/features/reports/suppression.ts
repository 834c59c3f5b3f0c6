/**
 * Small-number suppression for tables of counts about people (equality data, barriers): the one
 * place that decides what a page and its CSV may show. Pure: counts in, cells out.
 *
 * A table is a grid of counts with, optionally, a total for each row, a total for each column and
 * the grand total. Think of it as an extended grid: the totals are a last column and a last row.
 *
 * - Primary suppression: every count (cell or total) from 1 to below the threshold is hidden. Zero
 *   is shown (nobody is disclosed by it), and never hidden later: so a reader knows a hidden count
 *   is at least 1, and the search below allows for that.
 * - Secondary suppression: a hidden count must not be recoverable from what is shown. The sums
 *   that hold between cells and totals are linear equations; a hidden count is safe when another
 *   table of non-negative counts agrees with everything shown and differs in that count. We look
 *   for one such table directly: a cycle of hidden counts (rows and columns alternating) along which
 *   +1 and −1 can be moved without any count going below zero. Where a hidden count has no such
 *   cycle, the smallest shown count in its row or column is hidden too, and we look again.
 * - Percentages are shown only when both the count and its base are shown.
 */

/** DfE's symbols: `c` confidential (hidden to protect people), `x` not available, `z` not applicable. */
export const SUPPRESSED = 'c';
export const NOT_AVAILABLE = 'x';
export const NOT_APPLICABLE = 'z';

export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 2;
export const MAX_THRESHOLD = 50;

export interface CountTable {
  /** cells[row][column]: counts of people, whole numbers ≥ 0. */
  cells: number[][];
  /** Whether each row's total is published (rows add up: the columns don't overlap). */
  rowTotals: boolean;
  /** Whether each column's total is published (the rows don't overlap). */
  columnTotals: boolean;
}

/** A count as shown: the number, or hidden. */
export type Shown = number | typeof SUPPRESSED;

export interface SuppressedTable {
  cells: Shown[][];
  /** One a row, when rowTotals; else empty. */
  rowTotals: Shown[];
  /** One a column, when columnTotals; else empty. */
  columnTotals: Shown[];
  /** When both totals are published. */
  grandTotal: Shown | null;
  /** How many counts were hidden because they were small, and how many to protect them. */
  primary: number;
  secondary: number;
}

interface Grid {
  values: number[][];
  hidden: boolean[][];
  rows: number;
  columns: number;
  /** Which lines have an equation (a published or hidden total they add up to). */
  rowHasEquation: boolean[];
  columnHasEquation: boolean[];
  /** Which entries exist (the totals that aren't published don't). */
  exists: boolean[][];
}

/** The extended grid: cells, a total column, a total row and the grand total, where published. */
function extend(table: CountTable): Grid {
  const r = table.cells.length;
  const c = table.cells[0]?.length ?? 0;
  const values: number[][] = [];
  const exists: boolean[][] = [];
  for (let i = 0; i <= r; i++) {
    values.push([]);
    exists.push([]);
    for (let j = 0; j <= c; j++) {
      const isCell = i < r && j < c;
      const isRowTotal = i < r && j === c;
      const isColumnTotal = i === r && j < c;
      let value = 0;
      if (isCell) value = table.cells[i]?.[j] ?? 0;
      else if (isRowTotal) value = (table.cells[i] ?? []).reduce((s, n) => s + n, 0);
      else if (isColumnTotal) value = table.cells.reduce((s, row) => s + (row[j] ?? 0), 0);
      else value = table.cells.reduce((s, row) => s + row.reduce((t, n) => t + n, 0), 0);
      values[i]?.push(value);
      exists[i]?.push(
        isCell ||
          (isRowTotal && table.rowTotals) ||
          (isColumnTotal && table.columnTotals) ||
          (!isCell && !isRowTotal && !isColumnTotal && table.rowTotals && table.columnTotals),
      );
    }
  }
  const both = table.rowTotals && table.columnTotals;
  return {
    values,
    hidden: values.map((row) => row.map(() => false)),
    rows: r + 1,
    columns: c + 1,
    rowHasEquation: Array.from({ length: r + 1 }, (_, i) => (i < r ? table.rowTotals : both)),
    columnHasEquation: Array.from({ length: c + 1 }, (_, j) => (j < c ? table.columnTotals : both)),
    exists,
  };
}

/**
 * Signs that turn the extended grid into one where every line sums to zero: cells and the grand
 * total +1, the totals −1. Moving +1, −1 alternately along a cycle in that signed grid keeps every
 * sum true; in real counts an entry changes by its sign times that.
 */
function sign(grid: Grid, i: number, j: number): number {
  const lastRow = i === grid.rows - 1;
  const lastColumn = j === grid.columns - 1;
  return lastRow !== lastColumn ? -1 : 1;
}

// Vertices: rows 0..rows-1, columns rows..rows+columns-1, and one "free" vertex standing for every
// line without an equation (a path may end on such lines: nothing there has to add up).
type Edge = { i: number; j: number };

/**
 * Whether some other table of non-negative counts agrees with everything shown but differs at
 * hidden entry (i, j): a cycle of hidden entries through it along which ±1 can move.
 */
export function hasAlternative(grid: Grid, i0: number, j0: number): boolean {
  const free = grid.rows + grid.columns;
  const vertexOfRow = (i: number) => (grid.rowHasEquation[i] ? i : free);
  const vertexOfColumn = (j: number) => (grid.columnHasEquation[j] ? grid.rows + j : free);
  const edgesAt = new Map<number, Edge[]>();
  for (let i = 0; i < grid.rows; i++)
    for (let j = 0; j < grid.columns; j++) {
      if (!grid.exists[i]?.[j] || !grid.hidden[i]?.[j]) continue;
      for (const v of new Set([vertexOfRow(i), vertexOfColumn(j)])) {
        const list = edgesAt.get(v) ?? [];
        list.push({ i, j });
        edgesAt.set(v, list);
      }
    }
  const a = vertexOfRow(i0);
  const b = vertexOfColumn(j0);
  const countAt = (e: Edge) => grid.values[e.i]?.[e.j] ?? 0;
  // A hidden count stays at least 1: zeros are always shown, so a reader knows none is hidden.
  const fits = (e: Edge, delta: number) => countAt(e) + sign(grid, e.i, e.j) * delta >= 1;
  const other = (e: Edge, v: number) => {
    const r = vertexOfRow(e.i);
    return r === v ? vertexOfColumn(e.j) : r;
  };
  for (const start of [1, -1]) {
    if (!fits({ i: i0, j: j0 }, start)) continue;
    // An entry on a line without an equation (both ends free) can change on its own.
    if (a === free && b === free) return true;
    // Depth-first search from b back to a through hidden entries, alternating the signed change;
    // at the free vertex the next change may take either sign.
    const used = new Set<string>([`${i0} ${j0}`]);
    const visited = new Set<string>();
    const search = (v: number, lastDelta: number): boolean => {
      // Back at the start's other end: its sum holds if the change arriving undoes the start's.
      if (v === a && (a === free || lastDelta === -start)) return true;
      const key = `${v} ${lastDelta}`;
      if (visited.has(key)) return false;
      visited.add(key);
      for (const e of edgesAt.get(v) ?? []) {
        const id = `${e.i} ${e.j}`;
        if (used.has(id)) continue;
        for (const delta of v === free ? [1, -1] : [-lastDelta]) {
          if (!fits(e, delta)) continue;
          used.add(id);
          if (search(other(e, v), delta)) return true;
          used.delete(id);
        }
      }
      return false;
    };
    if (search(b, start)) return true;
  }
  return false;
}

/** Hides small counts and what would give them away. `threshold`: counts below it are hidden. */
export function suppress(table: CountTable, threshold: number): SuppressedTable {
  const grid = extend(table);
  const entries: Edge[] = [];
  for (let i = 0; i < grid.rows; i++) for (let j = 0; j < grid.columns; j++) if (grid.exists[i]?.[j]) entries.push({ i, j });
  const isHidden = (e: Edge) => grid.hidden[e.i]?.[e.j] === true;
  const hide = (e: Edge) => {
    const row = grid.hidden[e.i];
    if (row) row[e.j] = true;
  };
  const countAt = (e: Edge) => grid.values[e.i]?.[e.j] ?? 0;
  let primary = 0;
  for (const e of entries)
    if (countAt(e) > 0 && countAt(e) < threshold) {
      hide(e);
      primary++;
    }
  let secondary = 0;
  for (;;) {
    const exposed = entries.find((e) => isHidden(e) && !hasAlternative(grid, e.i, e.j));
    if (!exposed) break;
    // Hide the smallest shown count (never a zero) in its row or column, cells before totals; failing that, anywhere.
    const lastRow = grid.rows - 1;
    const lastColumn = grid.columns - 1;
    const byCost = (x: Edge, y: Edge) =>
      countAt(x) - countAt(y) || Number(x.i === lastRow || x.j === lastColumn) - Number(y.i === lastRow || y.j === lastColumn);
    const shown = entries.filter((e) => !isHidden(e) && countAt(e) > 0);
    const near = shown.filter((e) => e.i === exposed.i || e.j === exposed.j).sort(byCost);
    const next = near[0] ?? shown.sort(byCost)[0];
    if (!next) break; // everything is hidden already
    hide(next);
    secondary++;
  }
  const show = (i: number, j: number): Shown => (grid.hidden[i]?.[j] ? SUPPRESSED : (grid.values[i]?.[j] ?? 0));
  const r = table.cells.length;
  const c = table.cells[0]?.length ?? 0;
  return {
    cells: table.cells.map((row, i) => row.map((_, j) => show(i, j))),
    rowTotals: table.rowTotals ? table.cells.map((_, i) => show(i, c)) : [],
    columnTotals: table.columnTotals ? Array.from({ length: c }, (_, j) => show(r, j)) : [],
    grandTotal: table.rowTotals && table.columnTotals ? show(r, c) : null,
    primary,
    secondary,
  };
}

/**
 * A percentage of a base, rounded: `c` when the count or the base is hidden or the base below the
 * threshold, `z` (not applicable) when the base is zero.
 */
export function shownPercent(count: Shown, base: Shown, threshold: number): number | typeof SUPPRESSED | typeof NOT_APPLICABLE {
  if (base === 0) return NOT_APPLICABLE;
  if (count === SUPPRESSED || base === SUPPRESSED || base < threshold) return SUPPRESSED;
  return Math.round((count / base) * 100);
}

/** Reads an organisation's threshold, keeping it within the allowed range. */
export function clampThreshold(value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isInteger(value)) return DEFAULT_THRESHOLD;
  return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, value));
}
