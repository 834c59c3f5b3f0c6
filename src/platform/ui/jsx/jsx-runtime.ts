/**
 * Waymark's JSX runtime: each element becomes its HTML as soon as it is written, where hono/jsx
 * builds a tree of nodes first and renders it when the response is sent. The HTML is hono/jsx's,
 * character for character (the same escaping, the same attribute rules, `<input/>` for empty
 * elements), for the synchronous, context-free components Waymark writes. What it leaves out:
 * async components, `useContext`, moving a `<title>` or `<meta>` written outside `<head>` into it,
 * and renaming camelCase SVG attributes (Waymark writes none but `viewBox`, which stays as it is).
 *
 * An element is a `String` marked `isEscaped`, as hono's `raw()` makes, so `c.html()`, hono's
 * `html` template and `raw()` take it as they would a rendered hono/jsx element.
 */
import { raw } from 'hono/html';
import type { JSX as HonoJSX } from 'hono/jsx/jsx-runtime';
import { escapeToBuffer, type HtmlEscapedString } from 'hono/utils/html';

export namespace JSX {
  export type Element = HonoJSX.Element;
  export type ElementType = HonoJSX.ElementType;
  export type ElementChildrenAttribute = HonoJSX.ElementChildrenAttribute;
  export type IntrinsicAttributes = HonoJSX.IntrinsicAttributes;
  export type IntrinsicElements = HonoJSX.IntrinsicElements;
}

type Props = Record<string, unknown>;
type Component = (props: Props) => unknown;

const EMPTY_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const BOOLEAN_ATTRIBUTES = new Set([
  'allowfullscreen',
  'async',
  'autofocus',
  'autoplay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'download',
  'formnovalidate',
  'hidden',
  'inert',
  'ismap',
  'itemscope',
  'loop',
  'multiple',
  'muted',
  'nomodule',
  'novalidate',
  'open',
  'playsinline',
  'readonly',
  'required',
  'reversed',
  'selected',
  'shadowrootclonable',
  'shadowrootdelegatesfocus',
  'shadowrootserializable',
]);
const RENAMED: Record<string, string> = {
  className: 'class',
  htmlFor: 'for',
  crossOrigin: 'crossorigin',
  httpEquiv: 'http-equiv',
  itemProp: 'itemprop',
  fetchPriority: 'fetchpriority',
  noModule: 'nomodule',
  formAction: 'formaction',
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what make a name invalid (hono/jsx's rule)
const INVALID_NAME = /[\s"'<>/=`\\\x00-\x1f\x7f-\x9f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, for tag names
const INVALID_TAG = /^[!?]|[\s"'<>/=`\\\x00-\x1f\x7f-\x9f]/;

/** `text` with & < > ' " escaped: hono's own escaping, so both runtimes escape alike. */
function escapeHtml(text: string): string {
  const buffer: [string] = [''];
  escapeToBuffer(text, buffer);
  return buffer[0];
}

const isEscaped = (value: unknown): value is HtmlEscapedString => value instanceof String && (value as { isEscaped?: boolean }).isEscaped === true;

/** Marks the elements this runtime makes: as an attribute's value, hono/jsx escapes an element, and so does this. */
const ELEMENT = Symbol('waymark.jsx.element');

function element(html: string): HtmlEscapedString {
  const made = raw(html) as HtmlEscapedString & { [ELEMENT]?: true };
  made[ELEMENT] = true;
  return made;
}

/** Children as HTML: text escaped, elements and raw() strings as they are, nothing for null, undefined or a boolean. */
function childrenHtml(children: unknown): string {
  if (typeof children === 'string') return escapeHtml(children);
  if (children === null || children === undefined || typeof children === 'boolean') return '';
  if (typeof children === 'number') return String(children);
  if (isEscaped(children)) return children.toString();
  if (Array.isArray(children)) {
    let out = '';
    for (const child of children) out += childrenHtml(child);
    return out;
  }
  if (children instanceof Promise) throw new Error('Waymark’s JSX renders synchronously: a component returned a promise.');
  // hono/jsx reads any other object as a list of children by its length: a String's characters, nothing for the rest.
  return children instanceof String ? escapeHtml(children.toString()) : '';
}

function attributeHtml(name: string, value: unknown, tag: string): string {
  if (name === 'ref' || name === 'key' || name === 'children' || value === null || value === undefined) return '';
  if (typeof value === 'boolean' && BOOLEAN_ATTRIBUTES.has(name)) return value ? ` ${name}=""` : '';
  if (typeof value === 'function') {
    if (!name.startsWith('on')) throw new Error(`Invalid prop '${name}' of type 'function' supplied to '${tag}'.`);
    return '';
  }
  if (typeof value === 'string') return ` ${name}="${escapeHtml(value)}"`;
  if (typeof value === 'number' || (isEscaped(value) && !(ELEMENT in value))) return ` ${name}="${value}"`;
  if (name === 'style' && typeof value === 'object') throw new Error('Waymark’s JSX takes a style as a string, not an object.');
  if (value instanceof Promise) throw new Error('Waymark’s JSX renders synchronously: an attribute was a promise.');
  return ` ${name}="${escapeHtml(String(value))}"`;
}

function elementHtml(tag: string, props: Props | null | undefined): string {
  if (INVALID_TAG.test(tag)) throw new Error(`Invalid JSX tag name: ${tag}`);
  let html = `<${tag}`;
  let children: unknown;
  let childCount = 0;
  if (props) {
    for (const key in props) {
      const value = props[key];
      if (key === 'children') {
        children = value;
        childCount = Array.isArray(value) ? value.length : 1;
        continue;
      }
      const name = RENAMED[key] ?? key;
      if (name.length === 0 || INVALID_NAME.test(name)) continue;
      if (name === 'dangerouslySetInnerHTML') throw new Error('Waymark’s JSX has no dangerouslySetInnerHTML: use raw().');
      html += attributeHtml(name, value, tag);
    }
  }
  // `<br/>` only when an element that may be empty is given no children at all, as hono/jsx writes it.
  if (childCount === 0 && EMPTY_TAGS.has(tag)) return `${html}/>`;
  return `${html}>${childrenHtml(children)}</${tag}>`;
}

/** The automatic runtime's entry point: an element or a component, as HTML. */
export function jsx(tag: string | Component, props: Props, _key?: unknown): HtmlEscapedString {
  if (typeof tag === 'function') {
    // A component given a list of one child gets the child itself, as hono/jsx hands it over.
    const children = props?.children;
    const result = tag(Array.isArray(children) && children.length === 1 ? { ...props, children: children[0] } : (props ?? {}));
    if (result === null || result === undefined || typeof result === 'boolean') return element('');
    if (isEscaped(result) && ELEMENT in result) return result;
    return element(childrenHtml(result));
  }
  return element(elementHtml(tag, props));
}

export { jsx as jsxs, jsx as jsxDEV };

/** `<>…</>`: its children, one after another. */
export function Fragment(props: { children?: unknown }): HtmlEscapedString {
  return element(childrenHtml(props.children));
}
