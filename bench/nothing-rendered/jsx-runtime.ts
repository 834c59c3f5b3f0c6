/**
 * A JSX runtime that renders nothing, for the load benchmark's `--nothing-rendered` run only
 * (`npm run bench -- --nothing-rendered`): the built server is bundled with this file in place of
 * src/platform/ui/jsx/jsx-runtime.ts, so every page does all of its work (the session, the
 * statements, the services) but no component runs and the body is empty. What a page then costs
 * is the most any rendering could save: the ceiling of its share of `/health`.
 */
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type { JSX } from '../../src/platform/ui/jsx/jsx-runtime';

const NOTHING = raw('');

export function jsx(_tag: unknown, _props: unknown, _key?: unknown): HtmlEscapedString {
  return NOTHING;
}

export { jsx as jsxs, jsx as jsxDEV };

export function Fragment(_props: unknown): HtmlEscapedString {
  return NOTHING;
}
