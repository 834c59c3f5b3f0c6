/**
 * Waymark's JSX runtime writes the HTML hono/jsx writes. Each case builds the same elements with both
 * runtimes, called as the compiler calls them, and compares the two.
 */
import { html, raw } from 'hono/html';
import { Fragment as HonoFragment, jsx as honoJsx } from 'hono/jsx/jsx-runtime';
import { describe, expect, it } from 'vitest';
import { Fragment, jsx } from './jsx-runtime';

type Props = Record<string, unknown>;
type Tag = string | ((props: Props) => unknown);
/** Makes an element as JSX would: `h('p', { class: 'x' }, 'text')`. */
type H = (tag: Tag, props: Props | null, ...children: unknown[]) => unknown;

/** The props the compiler hands a runtime: the children in them, one as itself, more as a list. */
const propsOf = (props: Props | null, children: unknown[]) =>
  children.length === 0 ? { ...props } : { ...props, children: children.length === 1 ? children[0] : children };
const viaHono: H = (tag, props, ...children) => honoJsx(tag as string, propsOf(props, children));
const viaWaymark: H = (tag, props, ...children) => jsx(tag, propsOf(props, children));

const cases: Record<string, (h: H, fragment: Tag) => unknown> = {
  'text and attribute values escaped': (h) => h('p', { title: `a"b<c>&'d` }, `<script>&"'`),
  'boolean attributes: empty when true, left out when false; other attributes say true or false': (h) =>
    h('div', null, h('input', { disabled: true, checked: false, required: true }), h('div', { 'data-open': true, 'aria-hidden': false })),
  'null and undefined attributes left out; numbers as they are': (h) => h('td', { colspan: 2, rowspan: 0, id: null, class: undefined }, 0),
  'className and htmlFor renamed': (h) => h('label', { className: 'govuk-label', htmlFor: 'name' }, 'Name'),
  'attribute names that are not names left out': (h) => h('div', { 'a b': 'x', 'on"x': 'y', '': 'z', 'data-ok': 'yes' }),
  'event handlers left out': (h) => h('button', { type: 'submit', onClick: () => undefined }, 'Save'),
  'empty elements closed in place, unless given children': (h) =>
    h('div', null, h('br', null), h('input', { name: 'q' }), h('img', { src: '/a.png', alt: '' })),
  'nothing for null, undefined and booleans; numbers and nested lists as they are': (h) =>
    h('ul', null, null, undefined, true, false, 0, 12, [h('li', null, 'a'), [h('li', null, 'b'), null]], []),
  'raw() and html`` written as they are': (h) => h('div', null, raw('<b>bold</b>'), html`<i>${'<x>'}</i>`),
  'a component returning text, nothing, a list or a number': (h) => {
    const Text = () => 'a < b';
    const Nothing = () => null;
    const List = () => [h('li', null, 'one'), h('li', null, 'two')];
    const Count = () => 3;
    return h('div', null, h(Text, null), h(Nothing, null), h(List, null), h(Count, null));
  },
  'a component given one child gets the child, not a list of one': (h) => {
    const Kind = (props: Props) => (Array.isArray(props.children) ? `list of ${props.children.length}` : 'one');
    return h('p', null, h(Kind, null, 'a'), ' ', h(Kind, null, 'a', 'b'), ' ', h(Kind, { children: ['only'] }));
  },
  'components within components, with their props': (h) => {
    const Tag = (props: Props) => h('strong', { class: `govuk-tag ${props.colour}` }, props.children);
    const Row = (props: Props) => h('tr', null, h('td', null, props.name), h('td', null, h(Tag, { colour: 'green' }, props.status)));
    return h('table', null, h('tbody', null, h(Row, { name: 'Amira', status: 'Done' }), h(Row, { name: 'Tom & Jo', status: '<Due>' })));
  },
  fragments: (h, fragment) => h('div', null, h(fragment, null, h('span', null, 'a'), ' ', h('span', null, 'b'))),
  'an element as an attribute value is escaped': (h) => h('div', { title: h('b', null, 'x') }),
  'an SVG with its viewBox and title': (h) =>
    h('svg', { viewBox: '0 0 10 10', role: 'img', 'aria-labelledby': 't' }, h('title', { id: 't' }, 'A chart'), h('rect', { width: 5, height: 5 })),
  'a whole small page': (h) =>
    h(
      'html',
      { lang: 'en' },
      h('head', null, h('meta', { charset: 'utf-8' }), h('title', null, 'Home – Waymark'), h('link', { rel: 'stylesheet', href: '/app.css' })),
      h('body', null, h('main', { id: 'main-content' }, h('h1', { class: 'govuk-heading-l' }, 'Home'))),
    ),
};

describe('Waymark’s JSX runtime writes what hono/jsx writes', () => {
  for (const [name, build] of Object.entries(cases)) {
    it(name, async () => {
      const hono = String(await (build(viaHono, HonoFragment as Tag) as { toString(): string | Promise<string> }).toString());
      const ours = String(build(viaWaymark, Fragment as Tag));
      expect(ours).toBe(hono);
    });
  }

  it('refuses what it cannot write rather than writing something else', () => {
    expect(() => jsx(async () => 'later', {})).toThrow(/synchronously/);
    expect(() => jsx('div', { style: { color: 'red' } })).toThrow(/style as a string/);
    expect(() => jsx('div', { dangerouslySetInnerHTML: { __html: '<b>' } })).toThrow(/raw\(\)/);
    expect(() => jsx('div', { onclick: 'x', title: () => 'no' })).toThrow(/Invalid prop 'title'/);
  });

  it('gives the page a string the server sends as it is', () => {
    const element = jsx('p', { children: 'Hello' });
    expect(element.toString()).toBe('<p>Hello</p>');
    expect(typeof String(element)).toBe('string');
    expect((element as unknown as { isEscaped: boolean }).isEscaped).toBe(true);
  });
});
