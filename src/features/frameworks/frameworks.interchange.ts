import type { z } from 'zod';
import { decodeCsvBytes, parseCsv, UnreadableFile, type CsvTable, type CsvWords } from '../../platform/csv';
import { DEFAULT_LEVELS, documentSchema, domainSchema, LIMITS, skillSchema } from './frameworks.schemas';
import type { FrameworkLevel, FrameworkTrack } from './frameworks.tables';

// Reading and writing framework files (JSON and CSV). Pure: no database, so the rules are unit
// tested and the service only ever writes a file that passed every check.

export interface SkillContent {
  code: string;
  title: string;
  description: string;
  /** Level key -> descriptor; levels without one are left out. */
  descriptors: Record<string, string>;
}

export interface DomainContent {
  title: string;
  description: string;
  skills: SkillContent[];
}

/** What a version holds. */
export interface VersionContent {
  levels: FrameworkLevel[];
  domains: DomainContent[];
}

/** The whole file: a version's content with its framework's title, description and track. */
export interface FrameworkDocument extends VersionContent {
  title: string;
  description: string;
  track: FrameworkTrack;
}

export type FileFormat = 'json' | 'csv';

/** A file that passed every check. Title and track may be missing (CSV never has them). */
export interface ReadFile {
  format: FileFormat;
  title: string | null;
  description: string | null;
  track: FrameworkTrack | null;
  content: VersionContent;
}

export type ReadResult = { ok: true; file: ReadFile } | { ok: false; problems: string[] };

export interface ReadOptions {
  /** Levels the CSV's `descriptor:<key>` columns may name, with their titles. */
  knownLevels: FrameworkLevel[];
  /** Levels to use when the file names none. */
  fallbackLevels: FrameworkLevel[];
}

export const CSV_COLUMNS = ['domain', 'domain_description', 'code', 'title', 'description'] as const;
const DESCRIPTOR_PREFIX = 'descriptor:';

// ----- Writing -----

/** The JSON file: keys in a fixed order so the same version always gives the same bytes. */
export function toJson(document: FrameworkDocument): string {
  const ordered = {
    title: document.title,
    description: document.description,
    track: document.track,
    levels: document.levels.map((l) => ({ key: l.key, title: l.title })),
    domains: document.domains.map((d) => ({
      title: d.title,
      description: d.description,
      skills: d.skills.map((s) => ({
        code: s.code,
        title: s.title,
        description: s.description,
        descriptors: Object.fromEntries(document.levels.filter((l) => s.descriptors[l.key]).map((l) => [l.key, s.descriptors[l.key]])),
      })),
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function csvCell(value: string): string {
  return /[",\r\n;\t]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The CSV file: one row a skill, with its domain's title and description repeated. A domain
 * with no skills is one row with only the domain filled in, so it survives a round trip.
 */
export function toCsv(content: VersionContent): string {
  const header = [...CSV_COLUMNS, ...content.levels.map((l) => `${DESCRIPTOR_PREFIX}${l.key}`)];
  const lines = [header];
  for (const domain of content.domains) {
    if (domain.skills.length === 0) lines.push([domain.title, domain.description, '', '', '', ...content.levels.map(() => '')]);
    for (const skill of domain.skills) {
      lines.push([domain.title, domain.description, skill.code, skill.title, skill.description, ...content.levels.map((l) => skill.descriptors[l.key] ?? '')]);
    }
  }
  // A byte-order mark so Excel opens it as UTF-8; the reader drops it again.
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

// ----- Reading -----

/** How CSV problems are named for a framework file. */
const FRAMEWORK_FILE_WORDS: CsvWords = {
  expected: 'a framework file saved as JSON or CSV',
  howToExport: 'Save the framework as a JSON or CSV file and upload that.',
  row: 'a skill',
  whole: 'a framework',
  noRows: 'The file has column headings but no skills in it.',
  tooManyRows: 'That is too many for one framework.',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Domain 2, skill 3" from a path like ['domains', 1, 'skills', 2, 'code']. */
function placeOf(path: PropertyKey[]): { place: string; rest: PropertyKey[] } {
  const names: Record<string, string> = { domains: 'domain', skills: 'skill', levels: 'level' };
  const parts: string[] = [];
  let i = 0;
  while (i < path.length && typeof path[i] === 'string' && names[path[i] as string] && typeof path[i + 1] === 'number') {
    parts.push(`${names[path[i] as string]} ${(path[i + 1] as number) + 1}`);
    i += 2;
  }
  return { place: parts.join(', '), rest: path.slice(i) };
}

/** One issue per field: a missing code also fails the code pattern, but that says nothing more. */
function firstPerField(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = issue.path.map(String).join('.');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function issueMessage(issue: z.core.$ZodIssue): string {
  const { place, rest } = placeOf(issue.path);
  // Messages name their field ("code is missing"); a descriptor also names its level.
  const message =
    rest[0] === 'descriptors' && typeof rest[1] === 'string' ? `descriptor for ${rest[1]} ${issue.message.replace(/^descriptor /, '')}` : issue.message;
  return capitalise(place ? `${place}: ${message}` : message);
}

/**
 * Checks every file shares after its own format is read: codes, levels and domain titles. The
 * `placeOf` functions name where a skill or domain is in the file (by position, or by the row it came from).
 */
function checkContent(
  content: VersionContent,
  placeOfSkill: (skill: SkillContent, domainIndex: number, skillIndex: number) => string,
  placeOfDomain: (domain: DomainContent, domainIndex: number) => string,
  levelsPlace: string,
): string[] {
  const problems: string[] = [];
  const levelKeys = new Map<string, number>();
  content.levels.forEach((level, i) => {
    if (levelKeys.has(level.key)) problems.push(`${levelsPlace}: level ${level.key} is named more than once`);
    levelKeys.set(level.key, i);
  });
  if (content.domains.length === 0) problems.push('The file has no domains or skills in it.');
  const domainTitles = new Map<string, { domain: DomainContent; d: number }>();
  const codes = new Map<string, string>();
  let skillCount = 0;
  content.domains.forEach((domain, d) => {
    const title = domain.title.toLowerCase();
    const earlierDomain = domainTitles.get(title);
    if (earlierDomain)
      problems.push(
        `${placeOfDomain(domain, d)}: title “${domain.title}” is also used by ${placeOfDomain(earlierDomain.domain, earlierDomain.d).toLowerCase()}`,
      );
    else domainTitles.set(title, { domain, d });
    domain.skills.forEach((skill, s) => {
      skillCount++;
      const place = placeOfSkill(skill, d, s);
      const code = skill.code.toLowerCase();
      const earlier = codes.get(code);
      if (earlier) problems.push(`${place}: code ${skill.code} is also used by ${earlier.toLowerCase()}`);
      else codes.set(code, place);
      for (const key of Object.keys(skill.descriptors)) {
        if (!levelKeys.has(key))
          problems.push(`${place}: descriptors name the level “${key}”, which is not one of the levels (${content.levels.map((l) => l.key).join(', ')})`);
      }
    });
  });
  if (skillCount > LIMITS.skills) problems.push(`The file has ${skillCount} skills: a framework can have at most ${LIMITS.skills}.`);
  return problems;
}

function readJson(text: string, options: ReadOptions): ReadResult {
  let data: unknown;
  // Raw NUL bytes are refused with the other binary data; an escaped one (\u0000) only shows once parsed.
  let hasNul = false;
  try {
    data = JSON.parse(text, (_key, value: unknown) => {
      if (typeof value === 'string' && value.includes('\u0000')) hasNul = true;
      return value;
    });
  } catch {
    return {
      ok: false,
      problems: ['The selected file is not valid JSON. Check it is a framework exported from Waymark, or written in the format described on this page.'],
    };
  }
  if (hasNul)
    return {
      ok: false,
      problems: ['The selected file is not a framework file: it contains a NUL character (\\u0000). Check you chose a framework exported from Waymark.'],
    };
  const parsed = documentSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: firstPerField(parsed.error.issues).map(issueMessage) };
  const document = parsed.data;
  const content: VersionContent = { levels: document.levels ?? options.fallbackLevels, domains: document.domains };
  const problems = checkContent(
    content,
    (_skill, d, s) => `Domain ${d + 1}, skill ${s + 1}`,
    (_domain, d) => `Domain ${d + 1}`,
    'Levels',
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, file: { format: 'json', title: document.title || null, description: document.description, track: document.track ?? null, content } };
}

function readCsvTable(table: CsvTable, options: ReadOptions): ReadResult {
  const problems: string[] = [];
  const known = new Map(options.knownLevels.map((l) => [l.key, l]));
  const columns = table.headers.map((h) => h.trim().toLowerCase());
  const levels: FrameworkLevel[] = [];
  columns.forEach((column, i) => {
    if (column.startsWith(DESCRIPTOR_PREFIX)) {
      const key = column.slice(DESCRIPTOR_PREFIX.length).trim();
      const level = known.get(key);
      if (!level)
        problems.push(
          `Row 1: column “${table.headers[i]}” names a level this framework does not have (levels: ${options.knownLevels.map((l) => l.key).join(', ')})`,
        );
      else if (levels.some((l) => l.key === key)) problems.push(`Row 1: column “${table.headers[i]}” appears more than once`);
      else levels.push(level);
    } else if (!(CSV_COLUMNS as readonly string[]).includes(column)) {
      problems.push(`Row 1: column “${table.headers[i]}” is not recognised: use ${CSV_COLUMNS.join(', ')} and one descriptor:<level> column per level`);
    } else if (columns.indexOf(column) !== i) {
      problems.push(`Row 1: column “${table.headers[i]}” appears more than once`);
    }
  });
  for (const column of ['domain', 'code', 'title']) if (!columns.includes(column)) problems.push(`Row 1: the file has no “${column}” column`);
  if (problems.length > 0) return { ok: false, problems };

  const cell = (cells: string[], column: string) => {
    const i = columns.indexOf(column);
    return i < 0 ? '' : (cells[i] ?? '');
  };
  const domains: DomainContent[] = [];
  const rowOfSkill = new Map<SkillContent, number>();
  const rowOfDomain = new Map<DomainContent, number>();
  for (const { rowNumber, cells } of table.rows) {
    const place = `Row ${rowNumber}`;
    const descriptors = Object.fromEntries(levels.map((l) => [l.key, cell(cells, `${DESCRIPTOR_PREFIX}${l.key}`)]));
    const domainFields = domainSchema.omit({ skills: true }).safeParse({ title: cell(cells, 'domain'), description: cell(cells, 'domain_description') });
    if (!domainFields.success) {
      for (const issue of firstPerField(domainFields.error.issues))
        problems.push(`${place}: domain${issue.path[0] === 'description' ? '_description' : ''} ${issue.message.replace(/^(title|description) /, '')}`);
      continue;
    }
    let domain = domains.find((d) => d.title.toLowerCase() === domainFields.data.title.toLowerCase());
    if (!domain) {
      domain = { ...domainFields.data, skills: [] };
      domains.push(domain);
      rowOfDomain.set(domain, rowNumber);
    } else if (domainFields.data.description !== '' && domain.description === '') {
      domain.description = domainFields.data.description;
    } else if (domainFields.data.description !== '' && domainFields.data.description !== domain.description) {
      problems.push(`${place}: domain_description differs from row ${rowOfDomain.get(domain)} for the same domain`);
    }
    const skillCells = [cell(cells, 'code'), cell(cells, 'title'), cell(cells, 'description'), ...Object.values(descriptors)];
    // A row with only the domain filled in is a domain with no skills (yet).
    if (skillCells.every((v) => v.trim() === '')) continue;
    const skill = skillSchema.safeParse({ code: cell(cells, 'code'), title: cell(cells, 'title'), description: cell(cells, 'description'), descriptors });
    if (!skill.success) {
      for (const issue of firstPerField(skill.error.issues)) {
        const field =
          issue.path[0] === 'descriptors' ? `${DESCRIPTOR_PREFIX}${String(issue.path[1])} ${issue.message.replace(/^descriptor /, '')}` : issue.message;
        problems.push(`${place}: ${field}`);
      }
      continue;
    }
    domain.skills.push(skill.data);
    rowOfSkill.set(skill.data, rowNumber);
  }
  if (domains.length > LIMITS.domains) problems.push(`The file has ${domains.length} domains: a framework can have at most ${LIMITS.domains}.`);
  const content: VersionContent = { levels: levels.length > 0 ? levels : options.fallbackLevels, domains };
  problems.push(
    ...checkContent(
      content,
      (skill) => `Row ${rowOfSkill.get(skill)}`,
      (domain) => `Row ${rowOfDomain.get(domain)}`,
      'Row 1',
    ),
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, file: { format: 'csv', title: null, description: null, track: null, content } };
}

function formatOf(fileName: string, text: string): FileFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv')) return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

/**
 * Reads an uploaded framework file (JSON or CSV, told apart by its name or its first character)
 * and checks all of it. Any problem rejects the whole file; each problem names its place: a CSV
 * row number, or a JSON path like "Domain 2, skill 3: code is missing".
 */
export function readFrameworkFile(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = { knownLevels: DEFAULT_LEVELS, fallbackLevels: DEFAULT_LEVELS },
): ReadResult {
  const name = fileName.toLowerCase();
  if (/\.(xlsx?|ods|pdf|docx?|zip)$/.test(name)) return { ok: false, problems: ['The selected file must be a JSON or CSV file.'] };
  try {
    const { text } = decodeCsvBytes(bytes, FRAMEWORK_FILE_WORDS);
    const format = formatOf(fileName, text);
    if (format === 'json') return readJson(text, options);
    return readCsvTable(parseCsv(text, FRAMEWORK_FILE_WORDS), options);
  } catch (error) {
    if (error instanceof UnreadableFile) return { ok: false, problems: [error.message] };
    throw error;
  }
}
