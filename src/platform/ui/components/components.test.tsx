/**
 * Checks every JSX component against govuk-frontend's own fixtures: for each
 * fixture in `govuk-frontend/dist/govuk/components/<name>/fixtures.json`, the
 * component is rendered with the fixture's macro options and its HTML is
 * compared with the fixture's HTML (the official Nunjucks output), after
 * canonicalising both through an HTML parser.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import * as C from './index';

interface Fixture {
  name: string;
  options: Record<string, unknown>;
  html: string;
}

interface ComponentCase {
  /** govuk-frontend component folder name. */
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: fixture options are untyped JSON, so the component is called with `any`
  component: (params: any) => unknown;
  /** Fixtures that cannot be supported, by fixture name, with a one-line reason. */
  unsupported?: Record<string, string>;
}

const cases: ComponentCase[] = [
  { name: 'back-link', component: C.BackLink },
  { name: 'breadcrumbs', component: C.Breadcrumbs },
  { name: 'button', component: C.Button },
  { name: 'character-count', component: C.CharacterCount },
  { name: 'checkboxes', component: C.Checkboxes },
  { name: 'date-input', component: C.DateInput },
  { name: 'details', component: C.Details },
  { name: 'error-message', component: C.ErrorMessage },
  { name: 'error-summary', component: C.ErrorSummary },
  { name: 'fieldset', component: C.Fieldset },
  { name: 'file-upload', component: C.FileUpload },
  { name: 'footer', component: C.Footer },
  { name: 'generic-header', component: C.GenericHeader },
  { name: 'hint', component: C.Hint },
  { name: 'input', component: C.Input },
  { name: 'inset-text', component: C.InsetText },
  { name: 'label', component: C.Label },
  { name: 'notification-banner', component: C.NotificationBanner },
  { name: 'pagination', component: C.Pagination },
  { name: 'panel', component: C.Panel },
  { name: 'password-input', component: C.PasswordInput },
  { name: 'phase-banner', component: C.PhaseBanner },
  { name: 'radios', component: C.Radios },
  { name: 'select', component: C.Select },
  { name: 'service-navigation', component: C.ServiceNavigation },
  { name: 'skip-link', component: C.SkipLink },
  { name: 'summary-list', component: C.SummaryList },
  // Waymark's stacked rows add a class and data-label attributes (checked below); off, the markup is the macro's.
  { name: 'table', component: (params: C.TableParams) => C.Table({ ...params, stackOnNarrowScreens: false }) },
  { name: 'tag', component: C.Tag },
  { name: 'task-list', component: C.TaskList },
  { name: 'textarea', component: C.Textarea },
  { name: 'warning-text', component: C.WarningText },
];

const require = createRequire(import.meta.url);

function loadFixtures(name: string): Fixture[] {
  const file = require.resolve(`govuk-frontend/dist/govuk/components/${name}/fixtures.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { fixtures: Fixture[] }).fixtures;
}

/** Render a component's result (a JSX node, or null) to an HTML string. */
async function render(node: unknown): Promise<string> {
  if (node === null || node === undefined) return '';
  return String(await (node as { toString(): string | Promise<string> }).toString());
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  data?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
}

/**
 * Canonical form of an HTML fragment: one node per line, attributes sorted,
 * `class` tokens whitespace-collapsed, text whitespace-collapsed and trimmed,
 * whitespace-only text dropped. Parsing also makes `disabled` and
 * `disabled=""`, `<input>` and `<input/>`, and equivalent entity encodings the same.
 */
function canonicalHtml(html: string): string {
  const lines: string[] = [];
  const walk = (nodes: P5Node[] | undefined, depth: number) => {
    for (const node of nodes ?? []) {
      const indent = '  '.repeat(depth);
      if (node.nodeName === '#text') {
        const text = (node.value ?? '').replace(/\s+/g, ' ').trim();
        if (text) lines.push(`${indent}${JSON.stringify(text)}`);
      } else if (node.nodeName === '#comment') {
        lines.push(`${indent}<!--${node.data}-->`);
      } else if (node.tagName) {
        const attributes = [...(node.attrs ?? [])]
          .map(({ name, value }) => ({ name, value: name === 'class' ? value.replace(/\s+/g, ' ').trim() : value }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map(({ name, value }) => ` ${name}=${JSON.stringify(value)}`)
          .join('');
        lines.push(`${indent}<${node.tagName}${attributes}>`);
        walk(node.content ? node.content.childNodes : node.childNodes, depth + 1);
        lines.push(`${indent}</${node.tagName}>`);
      }
    }
  };
  walk((parseFragment(html) as unknown as P5Node).childNodes, 0);
  return lines.join('\n');
}

describe('canonicalHtml (the comparison must be able to fail)', () => {
  it('ignores formatting-only differences', () => {
    expect(canonicalHtml('<input  disabled class=" a  b" id="x">\n')).toBe(canonicalHtml('<input id="x" class="a b" disabled=""/>'));
    expect(canonicalHtml("<p>\n  Tom &amp; Jerry's\n</p>")).toBe(canonicalHtml('<p>Tom &amp; Jerry&#39;s</p>'));
  });
  it('detects real differences', () => {
    expect(canonicalHtml('<p class="a">x</p>')).not.toBe(canonicalHtml('<p class="b">x</p>'));
    expect(canonicalHtml('<p>x</p>')).not.toBe(canonicalHtml('<p>y</p>'));
    expect(canonicalHtml('<p>x</p>')).not.toBe(canonicalHtml('<p>x<span></span></p>'));
    expect(canonicalHtml('<input>')).not.toBe(canonicalHtml('<input disabled>'));
    expect(canonicalHtml('<b>&lt;i&gt;</b>')).not.toBe(canonicalHtml('<b><i></i></b>'));
  });
});

for (const { name, component, unsupported = {} } of cases) {
  describe(name, () => {
    const fixtures = loadFixtures(name);

    it('lists only existing fixtures as unsupported', () => {
      const names = new Set(fixtures.map((f) => f.name));
      for (const fixtureName of Object.keys(unsupported)) expect(names).toContain(fixtureName);
    });

    it.each(fixtures.filter((f) => !(f.name in unsupported)).map((f) => [f.name, f] as const))('fixture: %s', async (_name, fixture) => {
      const actual = await render(component(fixture.options));
      expect(canonicalHtml(actual)).toBe(canonicalHtml(fixture.html));
    });
  });
}

describe('JSX usage', () => {
  it('renders components used as JSX elements', async () => {
    const html = await render(<C.Input name="email" type="email" label={{ text: 'Email address' }} />);
    expect(canonicalHtml(html)).toBe(
      canonicalHtml(
        '<div class="govuk-form-group"><label class="govuk-label" for="email">Email address</label>' +
          '<input class="govuk-input" id="email" name="email" type="email"></div>',
      ),
    );
  });

  it('renders children where the macro accepts a caller', async () => {
    const html = await render(
      <C.Fieldset legend={{ text: 'Your role' }}>
        <C.Radios name="role" items={[{ value: 'head', text: 'Headteacher' }]} />
      </C.Fieldset>,
    );
    expect(html).toContain('<legend class="govuk-fieldset__legend">Your role</legend>');
    expect(html).toContain('id="role" name="role" type="radio" value="head"');
  });

  it('accepts JSX as well as strings for html options, and escapes text', async () => {
    expect(await render(<C.Hint html={<strong>Bold</strong>} />)).toContain('<strong>Bold</strong>');
    expect(await render(<C.Hint html="<em>raw</em>" />)).toContain('<em>raw</em>');
    expect(await render(<C.Hint text="<em>escaped</em>" />)).toContain('&lt;em&gt;escaped&lt;/em&gt;');
  });

  it('supports { value, optional } attributes and keeps managed attributes', async () => {
    const html = await render(
      <C.Tag text="Done" attributes={{ 'data-a': 'x', hidden: { value: true, optional: true }, 'data-b': { value: false, optional: true } }} />,
    );
    expect(canonicalHtml(html)).toBe(canonicalHtml('<strong class="govuk-tag" data-a="x" hidden>Done</strong>'));
    // a managed attribute wins over the same name in `attributes`; an unset one does not hide it
    expect(await render(<C.Hint id="managed" text="x" attributes={{ id: 'user' }} />)).toContain('id="managed"');
    expect(await render(<C.Hint text="x" attributes={{ id: 'user' }} />)).toContain('id="user"');
  });

  it('renders nothing for a label without text', async () => {
    expect(await render(C.Label({ for: 'x' }))).toBe('');
  });
});

describe('SummaryCard on its own', () => {
  // The macro's card fixtures whose rows have no actions (a row's action names the card, which
  // only the whole macro knows): the card around a list must be the macro's card.
  const cardFixtures = loadFixtures('summary-list').filter(
    (f) => f.options.card && !(f.options.rows as { actions?: { items?: unknown[] } }[] | undefined)?.some((row) => row?.actions?.items?.length),
  );

  it('has fixtures to check', () => {
    expect(cardFixtures.length).toBeGreaterThanOrEqual(5);
  });

  it.each(cardFixtures.map((f) => [f.name, f] as const))('fixture: %s', async (_name, fixture) => {
    const { card, ...list } = fixture.options as unknown as C.SummaryListParams;
    const actual = await render(<C.SummaryCard {...card}>{C.SummaryList(list)}</C.SummaryCard>);
    expect(canonicalHtml(actual)).toBe(canonicalHtml(fixture.html));
  });

  it('holds more than a list: what follows the list stays inside the card', async () => {
    const html = await render(
      <C.SummaryCard title={{ text: 'Cohort 8' }}>
        <C.SummaryList rows={[{ key: { text: 'Runs' }, value: { text: '6 September 2027 to 15 July 2028' } }]} />
        <p class="govuk-body">Apply now</p>
      </C.SummaryCard>,
    );
    expect(canonicalHtml(html)).toBe(
      canonicalHtml(
        '<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">Cohort 8</h2></div>' +
          '<div class="govuk-summary-card__content"><dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Runs</dt>' +
          '<dd class="govuk-summary-list__value">6 September 2027 to 15 July 2028</dd></div></dl><p class="govuk-body">Apply now</p></div></div>',
      ),
    );
  });
});

describe('StatusTag', () => {
  // Every colour, against the tag fixture of that colour (blue is the tag's own colour, "default").
  const fixtureFor: Record<C.TagColour, string> = {
    blue: 'default',
    grey: 'grey',
    teal: 'turquoise',
    green: 'green',
    purple: 'purple',
    magenta: 'pink',
    red: 'red',
    orange: 'orange',
    yellow: 'yellow',
  };
  const fixtures = loadFixtures('tag');

  it.each(Object.entries(fixtureFor) as [C.TagColour, string][])('%s is the tag fixture "%s"', async (colour, name) => {
    const fixture = fixtures.find((f) => f.name === name);
    if (!fixture) throw new Error(`no tag fixture named ${name}`);
    const text = String(fixture.options.text);
    expect(canonicalHtml(await render(<C.StatusTag text={text} colour={colour} />))).toBe(canonicalHtml(fixture.html));
    expect(C.statusTagParams({ text, colour })).toEqual(fixture.options);
  });

  it('adds classes after the colour, and escapes the text', async () => {
    expect(canonicalHtml(await render(<C.StatusTag text="Unread <b>" colour="blue" classes="govuk-!-margin-right-1" />))).toBe(
      canonicalHtml('<strong class="govuk-tag govuk-!-margin-right-1">Unread &lt;b&gt;</strong>'),
    );
    expect(C.statusTagParams({ text: 'Draft', colour: 'grey' }, 'govuk-!-margin-left-2')).toEqual({
      text: 'Draft',
      classes: 'govuk-tag--grey govuk-!-margin-left-2',
    });
  });
});

describe('Paragraphs and Lines', () => {
  it('starts a paragraph at each blank line and keeps single line breaks', async () => {
    const html = await render(<C.Paragraphs text={'First line\r\nsecond line\r\n\r\n  \r\nNext <paragraph>\n'} />);
    expect(canonicalHtml(html)).toBe(canonicalHtml('<p class="govuk-body">First line<br>second line</p><p class="govuk-body">Next &lt;paragraph&gt;</p>'));
  });

  it('renders nothing for blank text', async () => {
    expect(await render(<C.Paragraphs text={' \n\n '} />)).toBe('');
    expect(await render(<C.Paragraphs text={null} />)).toBe('');
  });

  it('puts a line break between lines given as a list', async () => {
    expect(await render(<C.Lines text={['1 High Street', 'Leeds']} />)).toBe('1 High Street<br/>Leeds');
  });
});

describe('BulletList', () => {
  it('lists the items, or renders nothing without any', async () => {
    expect(canonicalHtml(await render(<C.BulletList items={['One', <strong>Two</strong>]} />))).toBe(
      canonicalHtml('<ul class="govuk-list govuk-list--bullet"><li>One</li><li><strong>Two</strong></li></ul>'),
    );
    expect(await render(<C.BulletList items={[]} />)).toBe('');
  });
});

describe('PostLink', () => {
  it('is a one-button form that posts, with hidden fields and words for screen readers', async () => {
    const html = await render(
      <C.PostLink action="/stages/1/move" text="Move up" visuallyHiddenText="Stage 1" fields={{ direction: 'up' }} classes="govuk-!-display-inline" />,
    );
    expect(canonicalHtml(html)).toBe(
      canonicalHtml(
        '<form method="post" action="/stages/1/move" class="govuk-!-display-inline"><input type="hidden" name="direction" value="up">' +
          '<button type="submit" class="waymark-link-button">Move up<span class="govuk-visually-hidden"> Stage 1</span></button></form>',
      ),
    );
    expect(canonicalHtml(await render(<C.PostLink action="/x" text="Remove" />))).toBe(
      canonicalHtml('<form method="post" action="/x"><button type="submit" class="waymark-link-button">Remove</button></form>'),
    );
  });
});

describe('Table with stacked rows on narrow screens', () => {
  it('is the macro with the stacking class and each body cell labelled by its column (the row header heads the block)', async () => {
    const params: C.TableParams = {
      caption: 'Staff',
      firstCellIsHeader: true,
      head: [
        { text: 'Name' },
        { text: 'School', colspan: 2 },
        { text: 'Places', format: 'numeric' },
        { html: '<span class="govuk-visually-hidden">Actions</span>' },
      ],
      rows: [
        [{ text: 'Ada' }, { text: 'Riverside' }, { text: 'Year 7' }, { text: '3', format: 'numeric' }, { html: '<a href="/x">Change</a>' }],
        [{ text: 'Grace' }, { text: 'Hillcrest', colspan: 2 }, { text: '1', format: 'numeric', attributes: { 'data-label': 'Own label' } }, { text: '' }],
      ],
    };
    const macroParams: C.TableParams = {
      ...params,
      classes: 'waymark-table--stack',
      rows: [
        [
          { text: 'Ada' },
          { text: 'Riverside', attributes: { 'data-label': 'School' } },
          { text: 'Year 7', attributes: { 'data-label': 'School' } },
          { text: '3', format: 'numeric', attributes: { 'data-label': 'Places' } },
          { html: '<a href="/x">Change</a>' },
        ],
        [
          { text: 'Grace' },
          { text: 'Hillcrest', colspan: 2, attributes: { 'data-label': 'School' } },
          { text: '1', format: 'numeric', attributes: { 'data-label': 'Own label' } },
          { text: '' },
        ],
      ],
    };
    expect(canonicalHtml(await render(<C.Table {...params} />))).toBe(canonicalHtml(await render(<C.Table {...macroParams} stackOnNarrowScreens={false} />)));
  });

  it('leaves a table without a head, or one that asks not to stack, as the macro renders it', async () => {
    const rows = [[{ text: 'a' }, { text: 'b' }]];
    expect(await render(<C.Table rows={rows} />)).not.toContain('waymark-table--stack');
    expect(await render(<C.Table rows={rows} head={[{ text: 'A' }, { text: 'B' }]} stackOnNarrowScreens={false} />)).not.toMatch(
      /waymark-table--stack|data-label/,
    );
    expect(await render(<C.Table rows={rows} head={[{ text: 'A' }, { text: 'B' }]} classes="app-x" />)).toContain(
      'class="govuk-table waymark-table--stack app-x"',
    );
  });
});
