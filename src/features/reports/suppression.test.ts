import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountTable, SUPPRESSED, type SuppressedTable, shownPercent, suppress } from './suppression';

/**
 * What a reader knows from a published table: the shown counts, the sums that hold between cells
 * and totals, and that every hidden count is a whole number ≥ 1 (zeros are always shown). Hidden
 * counts are the unknowns.
 */
interface Puzzle {
  /** The true value of each unknown (for the test to compare with; the reader doesn't have it). */
  truth: number[];
  /** Each equation: sum of coefficient × unknown = constant. */
  equations: { terms: [number, number][]; constant: number }[];
}

function puzzleOf(table: CountTable, shown: SuppressedTable): Puzzle {
  const r = table.cells.length;
  const c = table.cells[0]?.length ?? 0;
  const truth: number[] = [];
  // Entry values and whether hidden, for cells, row totals, column totals and the grand total.
  const entry = (value: number, s: number | string) => {
    if (s === SUPPRESSED) {
      truth.push(value);
      return { unknown: truth.length - 1, value };
    }
    return { unknown: -1, value: s as number };
  };
  const cells = table.cells.map((row, i) => row.map((v, j) => entry(v, shown.cells[i]?.[j] ?? SUPPRESSED)));
  const rowSum = (i: number) => (table.cells[i] ?? []).reduce((s, n) => s + n, 0);
  const columnSum = (j: number) => table.cells.reduce((s, row) => s + (row[j] ?? 0), 0);
  const grand = table.cells.reduce((s, row) => s + row.reduce((t, n) => t + n, 0), 0);
  const rowTotals = table.rowTotals ? table.cells.map((_, i) => entry(rowSum(i), shown.rowTotals[i] ?? SUPPRESSED)) : [];
  const columnTotals = table.columnTotals ? Array.from({ length: c }, (_, j) => entry(columnSum(j), shown.columnTotals[j] ?? SUPPRESSED)) : [];
  const grandTotal = table.rowTotals && table.columnTotals ? entry(grand, shown.grandTotal ?? SUPPRESSED) : null;
  const equations: Puzzle['equations'] = [];
  // parts = total, as: sum(parts) - total = 0, moving known values to the constant.
  const equation = (parts: { unknown: number; value: number }[], total: { unknown: number; value: number }) => {
    const terms: [number, number][] = [];
    let constant = 0;
    for (const p of parts) {
      if (p.unknown >= 0) terms.push([p.unknown, 1]);
      else constant -= p.value;
    }
    if (total.unknown >= 0) terms.push([total.unknown, -1]);
    else constant += total.value;
    equations.push({ terms, constant });
  };
  for (let i = 0; i < r; i++) {
    const total = rowTotals[i];
    if (total) equation(cells[i] ?? [], total);
  }
  for (let j = 0; j < c; j++) {
    const total = columnTotals[j];
    if (total)
      equation(
        cells.map((row) => row[j] as { unknown: number; value: number }),
        total,
      );
  }
  if (grandTotal) {
    equation(rowTotals, grandTotal);
    equation(columnTotals, grandTotal);
  }
  return { truth, equations };
}

/**
 * Searches for whole numbers ≥ 1 for every unknown that satisfy every equation with unknown `x`
 * different from its true value: if there is one, the reader cannot work `x` out. Values are tried
 * within `cap`; an equation with one unknown left fixes it.
 */
function alternativeExists(puzzle: Puzzle, x: number, cap: number): boolean {
  const n = puzzle.truth.length;
  // An unknown in no equation with x's can keep its true value: only x's connected part matters.
  const connected = new Set([x]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const eq of puzzle.equations)
      if (eq.terms.some(([u]) => connected.has(u)))
        for (const [u] of eq.terms)
          if (!connected.has(u)) {
            connected.add(u);
            grown = true;
          }
  }
  const value: (number | null)[] = Array.from({ length: n }, (_, u) => (connected.has(u) ? null : (puzzle.truth[u] ?? 0)));
  let steps = 0;
  const consistent = (): boolean => {
    for (const eq of puzzle.equations) {
      // The sum can still reach the constant only if it lies between the lowest and highest the open unknowns allow.
      let low = 0;
      let high = 0;
      for (const [u, k] of eq.terms) {
        const v = value[u];
        if (v === null || v === undefined) {
          if (k > 0) {
            high += k * cap;
            low += k;
          } else {
            low += k * cap;
            high += k;
          }
        } else {
          low += k * v;
          high += k * v;
        }
      }
      if (eq.constant < low || eq.constant > high) return false;
    }
    return true;
  };
  const solve = (): boolean => {
    if (++steps > 200_000) throw new Error('search too long');
    if (!consistent()) return false;
    // Forced values first.
    for (const eq of puzzle.equations) {
      const open = eq.terms.filter(([u]) => value[u] === null);
      if (open.length !== 1) continue;
      const [u, k] = open[0] as [number, number];
      const rest = eq.terms.reduce((s, [w, kw]) => s + (value[w] === null ? 0 : kw * (value[w] as number)), 0);
      const forced = (eq.constant - rest) / k;
      if (forced < 1 || !Number.isInteger(forced) || (u === x && forced === puzzle.truth[x])) return false;
      value[u] = forced;
      const ok = solve();
      value[u] = null;
      return ok;
    }
    const u = value.indexOf(null);
    if (u === -1) return true;
    const truth = puzzle.truth[u] ?? 0;
    // Near the truth first: alternatives usually differ by one here and there.
    const order = Array.from({ length: cap }, (_, v) => v + 1).sort((p, q) => Math.abs(p - truth) - Math.abs(q - truth));
    for (const v of order) {
      if (u === x && v === truth) continue;
      value[u] = v;
      if (solve()) {
        value[u] = null;
        return true;
      }
    }
    value[u] = null;
    return false;
  };
  return solve();
}

const tables = fc
  .record({
    rows: fc.integer({ min: 1, max: 4 }),
    columns: fc.integer({ min: 1, max: 4 }),
    rowTotals: fc.boolean(),
    columnTotals: fc.boolean(),
    threshold: fc.integer({ min: 2, max: 6 }),
  })
  .chain((shape) =>
    fc.record({
      table: fc.record({
        cells: fc.array(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 14 })), { minLength: shape.columns, maxLength: shape.columns }),
          { minLength: shape.rows, maxLength: shape.rows },
        ),
        rowTotals: fc.constant(shape.rowTotals),
        columnTotals: fc.constant(shape.columnTotals),
      }),
      threshold: fc.constant(shape.threshold),
    }),
  );

describe('Suppressing small numbers', () => {
  it('hides every count from 1 to below the threshold, totals included, and shows zeros', () => {
    fc.assert(
      fc.property(tables, ({ table, threshold }) => {
        const shown = suppress(table, threshold);
        table.cells.forEach((row, i) => {
          row.forEach((v, j) => {
            if (v > 0 && v < threshold) expect(shown.cells[i]?.[j]).toBe(SUPPRESSED);
            if (v === 0) expect(shown.cells[i]?.[j]).toBe(0);
            else if (shown.cells[i]?.[j] !== SUPPRESSED) expect(shown.cells[i]?.[j]).toBe(v);
          });
        });
        for (const t of [...shown.rowTotals, ...shown.columnTotals, shown.grandTotal])
          if (typeof t === 'number' && t !== 0) expect(t).toBeGreaterThanOrEqual(threshold);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no hidden count that can be worked out exactly from the shown counts and totals', () => {
    fc.assert(
      fc.property(tables, ({ table, threshold }) => {
        const shown = suppress(table, threshold);
        const puzzle = puzzleOf(table, shown);
        const cap = Math.max(...puzzle.truth, 0) + threshold + 2;
        puzzle.truth.forEach((_, x) => {
          expect(alternativeExists(puzzle, x, cap), `hidden count ${x} of ${JSON.stringify({ table, threshold, shown })} can be worked out`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('recovers nothing in the classic case: one small cell in a row and column with published totals', () => {
    const shown = suppress(
      {
        cells: [
          [3, 10, 12],
          [9, 11, 20],
          [15, 8, 7],
        ],
        rowTotals: true,
        columnTotals: true,
      },
      5,
    );
    expect(shown.cells[0]?.[0]).toBe(SUPPRESSED);
    // Its row and its column each hide one more count, and so does the cell where those meet.
    expect(shown.cells.flat().filter((c) => c === SUPPRESSED).length).toBeGreaterThanOrEqual(4);
    expect(shown.secondary).toBeGreaterThan(0);
  });

  it('shows a table with nothing small as it is', () => {
    const shown = suppress(
      {
        cells: [
          [6, 10],
          [9, 11],
        ],
        rowTotals: true,
        columnTotals: true,
      },
      5,
    );
    expect(shown.cells).toEqual([
      [6, 10],
      [9, 11],
    ]);
    expect(shown.rowTotals).toEqual([16, 20]);
    expect(shown.columnTotals).toEqual([15, 21]);
    expect(shown.grandTotal).toBe(36);
  });

  it('hides a percentage when its count or its base is small', () => {
    expect(shownPercent(6, 12, 5)).toBe(50);
    expect(shownPercent(SUPPRESSED, 12, 5)).toBe(SUPPRESSED);
    expect(shownPercent(3, 4, 5)).toBe(SUPPRESSED);
    expect(shownPercent(6, SUPPRESSED, 5)).toBe(SUPPRESSED);
    expect(shownPercent(0, 0, 5)).toBe('z');
  });
});
