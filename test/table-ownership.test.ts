import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CROSS_FEATURE_READS } from './table-ownership.allowlist';

// Every table has one owner: the feature whose `*.tables.ts` declares it (the platform owns the
// tables declared under src/platform). Only the owner writes it; other features call the owner's
// functions. Reads of another feature's tables go through the owner's functions or query fragments,
// except the pairs in `table-ownership.allowlist.ts`, which may only shrink. The test reads the
// source (no database): every Kysely write (`insertInto`, `updateTable`, `deleteFrom`,
// `replaceInto`, `mergeInto`) and read (`selectFrom` and the joins) that names its table as a string,
// INSERT/UPDATE/DELETE/FROM/JOIN inside sql`…` templates, and the tables a personal-data hook
// describes (`table: '…'` in `*.personal-data.ts`, and `scrubColumn`), which erasure deletes from
// or updates, so they count as writes. Tests, demo data and migrations are
// not looked at. Reading the platform's own tables (stored files, say) is allowed.

/**
 * How long the allowlist is. Raising it is a decision to let one more feature read another's table
 * directly, made visibly here; when reads move behind the owner's functions, lower it with the list.
 */
const CROSS_FEATURE_READS_CEILING = 40;

/** Features that may read every table, read-only: reporting. */
const READS_EVERYTHING: ReadonlySet<string> = new Set(['reports']);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLATFORM = 'platform';
/** src/*.ts(x): the app, server and command line, which compose the features. */
const COMPOSITION = 'composition root';
const WRITE_METHODS = new Set(['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);
const READ_METHODS = new Set(['selectFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'innerJoinLateral', 'leftJoinLateral']);

interface Access {
  file: string;
  line: number;
  /** Who the file belongs to: a feature's name, the platform, or the composition root. */
  area: string;
  kind: 'write' | 'read';
  /** The table, or null when a write names it with something other than a string. */
  table: string | null;
  how: string;
}

/**
 * Operators' tools that work on the database as a whole, every table alike and never a feature's
 * rules: copying a database between engines. Like migrations, they are not the app's code.
 */
const WHOLE_DATABASE_TOOLS = new Set(['src/platform/db/copy.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    // Demo data and migrations build the database as a whole, across owners; they are not the app's code.
    if (entry.isDirectory()) return entry.name === 'demo' || entry.name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !WHOLE_DATABASE_TOOLS.has(path) ? [path] : [];
  });
}

function areaOf(file: string): string {
  if (file.startsWith('src/platform/')) return PLATFORM;
  const feature = /^src\/features\/([^/]+)\//.exec(file);
  return feature ? (feature[1] as string) : COMPOSITION;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    readFileSync(join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

function visit(node: ts.Node, action: (node: ts.Node) => void): void {
  action(node);
  node.forEachChild((child) => visit(child, action));
}

/** Table name → owner, from the `name: SomethingTable` entries of the interfaces in every `*.tables.ts`. */
function tableOwners(files: string[]): { owners: Map<string, string>; declaredTwice: string[] } {
  const owners = new Map<string, string>();
  const declaredTwice: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.tables.ts'))) {
    visit(parse(file), (node) => {
      if (!ts.isInterfaceDeclaration(node)) return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type) || !/Table$/.test(member.type.typeName.getText())) continue;
        const table = member.name.getText().replace(/['"]/g, '');
        const owner = areaOf(file);
        if (owners.has(table) && owners.get(table) !== owner) declaredTwice.push(`${table} is declared by both ${owners.get(table)} and ${owner}`);
        owners.set(table, owner);
      }
    });
  }
  return { owners, declaredTwice };
}

function stringsOf(node: ts.Expression | undefined): string[] | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text.split(/\s+as\s+/)[0]?.trim() ?? ''];
  if (ts.isArrayLiteralExpression(node)) {
    const all = node.elements.map((element) => (ts.isExpression(element) ? stringsOf(element) : null));
    return all.every((names) => names !== null) ? all.flat() : null;
  }
  return null;
}

const SQL_WRITE = /\b(INSERT\s+INTO|REPLACE\s+INTO|DELETE\s+FROM|UPDATE)\s+"?([a-z_][a-z0-9_]*)"?/gi;
const SQL_READ = /\b(FROM|JOIN)\s+"?([a-z_][a-z0-9_]*)"?/gi;

/** Every table access in one file. */
function accessesIn(file: string, tables: ReadonlyMap<string, string>): Access[] {
  const source = parse(file);
  const area = areaOf(file);
  const found: Access[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  visit(source, (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const how = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : null;
      // scrubColumn(trx, 'table', …) rewrites free text in a table on erasure.
      if (how === 'scrubColumn') {
        for (const table of stringsOf(node.arguments[1]) ?? []) found.push({ file, line: at(node), area, kind: 'write', table, how });
        return;
      }
      if (!how || !(WRITE_METHODS.has(how) || READ_METHODS.has(how))) return;
      const kind = WRITE_METHODS.has(how) ? 'write' : 'read';
      const names = stringsOf(node.arguments[0]);
      // A read through a variable names one of the file's own tables in practice; a write must say which table.
      if (names === null) {
        if (kind === 'write') found.push({ file, line: at(node), area, kind, table: null, how });
        return;
      }
      for (const table of names) found.push({ file, line: at(node), area, kind, table, how });
    } else if (file.endsWith('.personal-data.ts') && ts.isPropertyAssignment(node) && node.name.getText(source) === 'table') {
      // A personal-data hook describes its tables to tablePersonalData (`{ table: 'x', column: … }`):
      // erasure deletes or updates those rows, so each is a write, and must be the hook's own table.
      const names = stringsOf(node.initializer);
      for (const table of names ?? []) found.push({ file, line: at(node), area, kind: 'write', table, how: 'personal-data hook' });
    } else if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'sql') {
      const template = node.template;
      const text = ts.isNoSubstitutionTemplateLiteral(template)
        ? template.text
        : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)].join(' ? ');
      const writes = new Set<number>();
      for (const match of text.matchAll(SQL_WRITE)) {
        const [, verb = '', table = ''] = match;
        // UPDATE only as a statement (not FOR UPDATE), and only of a known table.
        if (
          !tables.has(table) ||
          (/^UPDATE$/i.test(verb) && !/\s+SET\b/i.test(text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 8)))
        )
          continue;
        writes.add((match.index ?? 0) + match[0].length);
        found.push({ file, line: at(node), area, kind: 'write', table, how: `SQL ${verb.replace(/\s+/g, ' ').toUpperCase()}` });
      }
      for (const match of text.matchAll(SQL_READ)) {
        const [, verb = '', table = ''] = match;
        if (tables.has(table) && !writes.has((match.index ?? 0) + match[0].length))
          found.push({ file, line: at(node), area, kind: 'read', table, how: `SQL ${verb.toUpperCase()}` });
      }
    }
  });
  return found;
}

function describeWrite(access: Access, owner: string | undefined): string {
  const where = `${access.file}:${access.line}`;
  if (access.table === null)
    return `${where} (${access.area}) calls ${access.how}() without naming the table as a string, so its owner can't be checked: name it`;
  if (owner === undefined) return `${where} (${access.area}) writes ${access.table}, which no *.tables.ts declares`;
  if (access.area === PLATFORM) return `${where} (platform) writes ${access.table}, owned by the ${owner} feature: the platform writes only its own tables`;
  if (access.area === COMPOSITION) return `${where} writes ${access.table}, owned by ${owner}: the composition root calls the owner's functions`;
  if (owner === PLATFORM)
    return `${where} (${access.area}) writes ${access.table}, a platform table, directly: write it through the platform's functions (enqueueEmail, recordAudit, the files store…)`;
  return `${where} (${access.area}) writes ${access.table}, owned by ${owner}: only ${owner} writes it; call a function ${owner} exports`;
}

function describeRead(access: Access, owner: string): string {
  const where = `${access.file}:${access.line}`;
  if (access.area === PLATFORM) return `${where} (platform) reads ${access.table}, owned by the ${owner} feature: the platform knows no feature's tables`;
  if (access.area === COMPOSITION) return `${where} reads ${access.table}, owned by ${owner}: the composition root calls the owner's functions`;
  return `${where} (${access.area}) reads ${access.table}, owned by ${owner}: read it through a function or query fragment ${owner} exports (or, as a visible decision, add { feature: '${access.area}', table: '${access.table}' } to test/table-ownership.allowlist.ts and raise CROSS_FEATURE_READS_CEILING)`;
}

describe('one owner per table', () => {
  const files = sourceFiles('src');
  const { owners, declaredTwice } = tableOwners(files);
  const accesses = files.flatMap((file) => accessesIn(file, owners));
  const writes = accesses.filter((a) => a.kind === 'write');
  const crossReads = accesses.filter(
    (a): a is Access & { table: string } =>
      a.kind === 'read' && a.table !== null && owners.has(a.table) && owners.get(a.table) !== a.area && owners.get(a.table) !== PLATFORM,
  );
  const allowed = (a: { area: string; table: string }) => CROSS_FEATURE_READS.some((entry) => entry.feature === a.area && entry.table === a.table);

  it('finds the tables and the queries it checks', () => {
    expect(owners.get('people'), 'the staff record is declared by staff').toBe('staff');
    expect(owners.get('outbox'), 'the platform declares its own tables').toBe(PLATFORM);
    expect(owners.size).toBeGreaterThan(40);
    expect(
      writes.some((w) => w.area === 'staff' && w.table === 'people' && w.how === 'SQL UPDATE'),
      'writes in sql`…` templates are seen',
    ).toBe(true);
    expect(crossReads.length).toBeGreaterThan(0);
    expect(
      writes.some((w) => w.area === 'certificates' && w.table === 'completion_confirmations' && w.how === 'personal-data hook'),
      'the tables personal-data hooks describe are seen',
    ).toBe(true);
  });

  it('every table is declared by one owner', () => {
    expect(declaredTwice).toEqual([]);
  });

  it('only its owner writes a table (features write platform tables through platform functions)', () => {
    const violations = writes.filter((w) => w.table === null || owners.get(w.table) !== w.area);
    expect(
      violations.map((w) => describeWrite(w, w.table === null ? undefined : owners.get(w.table))),
      'writes by a table’s non-owner',
    ).toEqual([]);
  });

  it('reads of another feature’s tables are only those on the allowlist (reports may read everything)', () => {
    const violations = crossReads.filter((r) => !READS_EVERYTHING.has(r.area) && (r.area === PLATFORM || r.area === COMPOSITION || !allowed(r)));
    expect(
      violations.map((r) => describeRead(r, owners.get(r.table) as string)),
      'reads of another feature’s tables outside the allowlist',
    ).toEqual([]);
  });

  it('the allowlist is exact: an entry no longer needed must go', () => {
    const stale = CROSS_FEATURE_READS.filter((entry) => !crossReads.some((r) => r.area === entry.feature && r.table === entry.table));
    expect(
      stale.map(
        (e) =>
          `${e.feature} no longer reads ${e.table}: remove { feature: '${e.feature}', table: '${e.table}' } from test/table-ownership.allowlist.ts and lower CROSS_FEATURE_READS_CEILING`,
      ),
      'allowlist entries no longer needed',
    ).toEqual([]);
    const keys = CROSS_FEATURE_READS.map((e) => `${e.feature} → ${e.table}`);
    expect(
      keys.filter((key, i) => keys.indexOf(key) !== i),
      'allowlist entries listed twice',
    ).toEqual([]);
  });

  it('the allowlist is as long as its ceiling, so growing it is a visible decision and it can only shrink', () => {
    expect(
      CROSS_FEATURE_READS.length,
      `the allowlist has ${CROSS_FEATURE_READS.length} entries and its ceiling is ${CROSS_FEATURE_READS_CEILING}: growing it is a decision (raise the ceiling in this file and say why); after it shrinks, lower the ceiling to match`,
    ).toBe(CROSS_FEATURE_READS_CEILING);
  });
});
