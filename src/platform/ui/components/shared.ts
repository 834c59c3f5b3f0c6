/**
 * Helpers shared by the GOV.UK Frontend JSX components. They mirror the
 * behaviour of the Nunjucks helpers used by the govuk-frontend templates
 * (`govukAttributes`, `govukI18nAttributes`, filters such as `length`).
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { HtmlEscapedString } from 'hono/utils/html';

/** A raw HTML string (rendered without escaping) or an already-built JSX element. */
export type Html = string | HtmlEscapedString | Promise<HtmlEscapedString>;

/** A single attribute value, as accepted by the `attributes` macro option. */
export type AttributeValue = string | number | boolean | null | undefined;

/**
 * `{ value, optional }` form of an attribute. With `optional: true`, empty
 * values (`null`, `undefined`, `false`) are omitted and `true` renders a
 * boolean attribute (`name` with no value).
 */
export interface AttributeOptions {
  value?: AttributeValue;
  optional?: boolean;
}

/** The `attributes` macro option: extra HTML attributes keyed by name. */
export type Attributes = Record<string, AttributeValue | AttributeOptions>;

/** Props object handed to an intrinsic JSX element via spread. */
export type AttributeProps = Record<string, string>;

/** `{ text }` or `{ html }` content, as used by many macro options. */
export interface TextOrHtml {
  text?: string | number;
  html?: Html;
}

/**
 * Render a value the way Nunjucks `{{ value }}` does inside an attribute:
 * `null`/`undefined` become an empty string, anything else is stringified.
 */
export function s(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Join the truthy class names with a single space. */
export function cx(...classes: unknown[]): string {
  return classes
    .filter((c) => c !== undefined && c !== null && c !== false && c !== '')
    .map(String)
    .join(' ');
}

/**
 * Port of the `govukAttributes` Nunjucks macro: turns the `attributes` option
 * into a props object to spread onto an intrinsic element.
 *
 * Boolean attributes are returned as `''` (hono renders `name=""`, which is
 * the same attribute as a bare `name` in HTML).
 */
export function attrs(attributes: Attributes | null | undefined): AttributeProps {
  const out: AttributeProps = {};
  if (!attributes || typeof attributes !== 'object') return out;
  for (const [name, item] of Object.entries(attributes)) {
    const options: AttributeOptions =
      item !== null && typeof item === 'object' && !(item instanceof String) ? item : { value: item as AttributeValue, optional: false };
    const value = options.value;
    // An optional attribute is bare when true and left out when empty or false.
    const leftOut = options.optional === true && (value === undefined || value === null || value === false);
    if (options.optional === true && value === true) out[name] = '';
    else if (!leftOut) out[name] = s(value);
  }
  return out;
}

/**
 * Port of the `govukI18nAttributes` Nunjucks macro: `data-i18n.<key>` or, for
 * plural forms, `data-i18n.<key>.<pluralRule>` attributes.
 */
export function i18nAttrs(key: string, message?: string | null, messages?: Record<string, string> | null): AttributeProps {
  const out: AttributeProps = {};
  if (messages) {
    for (const [pluralRule, text] of Object.entries(messages)) {
      out[`data-i18n.${key}.${pluralRule}`] = s(text);
    }
  } else if (message) {
    out[`data-i18n.${key}`] = s(message);
  }
  return out;
}

/** Render raw HTML (strings are trusted markup; JSX elements pass through). */
export function rawHtml(html: Html): Child {
  return typeof html === 'string' ? raw(html) : (html as unknown as Child);
}

/**
 * `params.html | safe if params.html else params.text`: raw HTML when given,
 * otherwise escaped text.
 */
export function htmlOrText(html: Html | null | undefined, text: string | number | null | undefined): Child {
  if (html) return rawHtml(html);
  return text ?? undefined;
}

/** True if `children` holds something to render (the JSX equivalent of Nunjucks `caller`). */
export function hasChildren(children: Child | undefined): boolean {
  if (children === undefined || children === null || children === false) return false;
  if (Array.isArray(children)) return children.some((c) => hasChildren(c));
  return true;
}

/** Port of the Nunjucks `length` filter. */
export function njLength(value: unknown): number {
  if (value === undefined || value === null || value === false) return 0;
  if (value instanceof Map || value instanceof Set) return value.size;
  if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof String)) {
    return Object.keys(value).length;
  }
  const len = (value as { length?: unknown }).length;
  return typeof len === 'number' ? len : 0;
}

/** Port of the Nunjucks `in` operator (array/string membership, object key). */
export function njIn(key: unknown, container: unknown): boolean {
  if (Array.isArray(container)) return container.indexOf(key) !== -1;
  if (typeof container === 'string') return container.indexOf(String(key)) !== -1;
  if (container !== null && typeof container === 'object') return String(key) in container;
  return false;
}

/** Nunjucks/JavaScript loose equality (`==`), kept explicit on purpose. */
export function looseEq(a: unknown, b: unknown): boolean {
  // biome-ignore lint/suspicious/noDoubleEquals: Nunjucks' == is JavaScript's loose equality, and the component ports compare as the templates do.
  return a == b;
}

/** Port of the Nunjucks `capitalize` filter. */
export function capitalize(value: unknown): string {
  const lower = s(value).toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Shared `{ text | html }` + `classes` + `attributes` shape for small blocks. */
export interface ContentBlock extends TextOrHtml {
  classes?: string;
  attributes?: Attributes;
}

/**
 * Props for an element that has both component-managed attributes and the
 * user's `attributes` option. Managed attributes that are set win (as the
 * first of two duplicate attributes does in the Nunjucks output); managed
 * attributes left `undefined`/`null` don't hide a user attribute of the same
 * name. (Writing `<p {...attrs(a)} id={undefined}>` would drop a user `id`.)
 */
export function withAttrs(
  attributes: Attributes | null | undefined,
  managed: Record<string, string | number | boolean | null | undefined>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = attrs(attributes);
  for (const [name, value] of Object.entries(managed)) {
    if (value !== undefined && value !== null) out[name] = value;
  }
  return out;
}

/**
 * Separate items with a newline, as the Nunjucks templates do by putting each
 * element on its own line. Only matters between inline or inline-block
 * siblings (e.g. breadcrumb items), where the whitespace is visible.
 */
export function spaced(items: Child[]): Child[] {
  const out: Child[] = [];
  items.forEach((item, index) => {
    if (index > 0) out.push('\n');
    out.push(item);
  });
  return out;
}
