import type { Child } from 'hono/jsx';
import { jsx } from '#jsx/jsx-runtime';

/** Render `<h{level}>` for a dynamic heading level (internal helper). */
export function heading(level: string | number, props: Record<string, unknown>, children: Child) {
  return jsx(`h${level}`, { ...props, children });
}
