import { type RawBuilder, sql } from 'kysely';

/**
 * Keyset paging, shared by the long lists (the staff directory, the notifications inbox): a page
 * starts after (or before) a given row, named by its id, in a stable total order whose last column
 * is the id. A deep page reads only its own rows, and a page boundary inside a run of equal sort
 * keys neither skips nor repeats anything. Row-value comparisons (`(a, b, id) > (?, ?, ?)`) work
 * on both engines.
 */

/** Where a page starts: after or before a row (by id), or at the beginning. */
export type KeysetCursor = { after: string } | { before: string } | null;

/** The cursor a query string carries (`?after=<id>` wins over `?before=<id>`). */
export function keysetCursor(query: { after?: string; before?: string }): KeysetCursor {
  return query.after ? { after: query.after } : query.before ? { before: query.before } : null;
}

export interface KeysetPlan<Row> {
  /**
   * The sort columns, qualified (or an expression, such as a `coalesce` that keeps a nullable column
   * comparable), the id last; every column sorts the same way.
   */
  columns: readonly (string | RawBuilder<unknown>)[];
  order: 'asc' | 'desc';
  cursor: KeysetCursor;
  /** The sort-key values of the cursor's row, in `columns` order; undefined when it names nothing in scope (then the first page). */
  key: (id: string) => Promise<readonly unknown[] | undefined>;
  pageSize: number;
  /**
   * The total of matching rows and how many come before the page, in one statement: `before` is the
   * expression to sum (1 for a row that comes before the page, else 0), or null without a cursor.
   */
  count: (before: RawBuilder<number> | null) => Promise<{ total: number | string | bigint; before: number | string | bigint | null }>;
  /** At most `pageSize` rows matching `where` (none: from the start) in `order`, the columns all sorted that way. */
  rows: (where: RawBuilder<boolean> | null, order: 'asc' | 'desc') => Promise<Row[]>;
}

export interface KeysetPage<Row> {
  rows: Row[];
  total: number;
  /** How many matching rows come before this page (for "Showing 26 to 50 of N"). */
  position: number;
}

/**
 * One page by keyset. A cursor that names nothing in scope starts at the beginning; a page before a
 * cursor that would be short (rows added or filters changed since) is the first page instead.
 */
export async function keysetPage<Row>(plan: KeysetPlan<Row>): Promise<KeysetPage<Row>> {
  const id = plan.cursor ? ('after' in plan.cursor ? plan.cursor.after : plan.cursor.before) : undefined;
  const key = id ? await plan.key(id) : undefined;
  const direction = key && plan.cursor ? ('after' in plan.cursor ? 'after' : 'before') : null;
  const tuple = sql`(${sql.join(plan.columns.map((c) => (typeof c === 'string' ? sql.ref(c) : c)))})`;
  const keyTuple = key ? sql`(${sql.join(key.map((v) => sql`${v}`))})` : null;
  // In list order, rows that follow a key compare greater (ascending) or smaller (descending).
  const follows = plan.order === 'asc' ? '>' : '<';
  const precedes = plan.order === 'asc' ? '<' : '>';
  const counts = await plan.count(
    keyTuple
      ? sql<number>`coalesce(sum(case when ${tuple} ${sql.raw(direction === 'after' ? `${precedes}=` : precedes)} ${keyTuple} then 1 else 0 end), 0)`
      : null,
  );
  const before = Number(counts.before ?? 0);
  const reverse = plan.order === 'asc' ? 'desc' : 'asc';
  const page = (from: 'start' | 'after' | 'before') => {
    if (from === 'start' || !keyTuple) return plan.rows(null, plan.order);
    return plan.rows(sql<boolean>`${tuple} ${sql.raw(from === 'after' ? follows : precedes)} ${keyTuple}`, from === 'after' ? plan.order : reverse);
  };
  let rows = await page(direction ?? 'start');
  let position = direction === 'after' ? before : direction === 'before' ? before - rows.length : 0;
  if (direction === 'before') {
    rows.reverse();
    if (rows.length < plan.pageSize || position <= 0) {
      rows = await page('start');
      position = 0;
    }
  }
  return { rows, total: Number(counts.total), position };
}

/**
 * "Previous" and "Next" links for a page: before the first row shown and after the last, back to
 * the plain address when the previous page is the first. `href` builds the address from a cursor.
 */
export function keysetLinks(
  page: { rows: readonly { id: string }[]; total: number; position: number },
  pageSize: number,
  href: (cursor: KeysetCursor) => string,
): { previous?: { href: string }; next?: { href: string } } {
  const firstRow = page.rows[0];
  const lastRow = page.rows[page.rows.length - 1];
  const last = page.position + page.rows.length;
  return {
    previous: firstRow && page.position > 0 ? { href: href(page.position <= pageSize ? null : { before: firstRow.id }) } : undefined,
    next: lastRow && last < page.total ? { href: href({ after: lastRow.id }) } : undefined,
  };
}
