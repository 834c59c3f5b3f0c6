import type { PaginationParams } from './components';

/** GOV.UK pagination items for `page` of `pages`: first, last, neighbours, and ellipses between. */
export function paginationFor(page: number, pages: number, href: (page: number) => string): PaginationParams | null {
  if (pages <= 1) return null;
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...shown].sort((a, b) => a - b);
  const items: NonNullable<PaginationParams['items']> = [];
  let before: number | undefined;
  for (const p of sorted) {
    if (before !== undefined && p - before > 1) items.push({ ellipsis: true });
    items.push({ number: String(p), href: href(p), current: p === page });
    before = p;
  }
  return {
    items,
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
  };
}
