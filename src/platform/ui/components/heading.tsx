import { jsx, type Child } from 'hono/jsx';

/** Render `<h{level}>` for a dynamic heading level (internal helper). */
export function heading(level: string | number, props: Record<string, unknown>, children: Child) {
  return jsx(`h${level}`, props, children);
}
