import { describe, expect, it } from 'vitest';
import { BUILT_IN_FRAMEWORKS } from './frameworks.builtin';
import { readFrameworkFile, toCsv, toJson, type FrameworkDocument } from './frameworks.interchange';
import { DEFAULT_LEVELS } from './frameworks.schemas';
import { item } from '../../../test/support/present';

const bytes = (text: string) => new TextEncoder().encode(text);

const sample: FrameworkDocument = {
  title: 'Middle leadership',
  description: 'Skills for middle leaders.',
  track: 'teaching',
  levels: DEFAULT_LEVELS,
  domains: [
    {
      title: 'Leading people',
      description: 'Working with, and through, a team.',
      skills: [
        {
          code: 'LP1',
          title: 'Giving feedback',
          description: 'Says what went well, and what next, "kindly".',
          descriptors: { middle: 'Gives feedback, weekly.', headship: 'Builds a culture of feedback;\nacross the school.' },
        },
        { code: 'LP2', title: 'Delegating', description: '', descriptors: {} },
      ],
    },
    { title: 'Empty for now', description: '', skills: [] },
  ],
};

describe('framework files', () => {
  it('a JSON export reads back to exactly the same document', () => {
    const read = readFrameworkFile('f.json', bytes(toJson(sample)));
    expect(read).toEqual({
      ok: true,
      file: {
        format: 'json',
        title: sample.title,
        description: sample.description,
        track: sample.track,
        content: { levels: sample.levels, domains: sample.domains },
      },
    });
    if (read.ok) expect(toJson({ ...sample, ...read.file.content })).toBe(toJson(sample));
  });

  it('a CSV export (quotes, commas, line breaks, an empty domain) reads back to the same content', () => {
    const csv = toCsv(sample);
    expect(csv.startsWith('\uFEFFdomain,domain_description,code,title,description,descriptor:middle,descriptor:senior,descriptor:headship\r\n')).toBe(true);
    const read = readFrameworkFile('f.csv', bytes(csv));
    expect(read.ok && read.file.content).toEqual({ levels: sample.levels, domains: sample.domains });
    if (read.ok) expect(toCsv(read.file.content)).toBe(csv);
  });

  it('every built-in framework round-trips through both formats', () => {
    for (const { document } of BUILT_IN_FRAMEWORKS) {
      const json = readFrameworkFile('b.json', bytes(toJson(document)));
      const csv = readFrameworkFile('b.csv', bytes(toCsv(document)));
      expect(json.ok && json.file.content).toEqual({ levels: document.levels, domains: document.domains });
      expect(csv.ok && csv.file.content).toEqual({ levels: document.levels, domains: document.domains });
    }
  });

  it('names each JSON problem by its place', () => {
    const bad = {
      title: 'x'.repeat(121),
      track: 'everyone',
      levels: [{ key: 'middle', title: 'Middle' }],
      domains: [
        { title: 'One', skills: [{ code: 'A1', title: 'Fine', descriptors: { expert: 'Unknown level' } }] },
        { title: 'Two', skills: [{ title: 'No code' }, { code: 'A1', title: 'Duplicate' }, { code: 'B3', title: 'Long', description: 'y'.repeat(601) }] },
      ],
    };
    const first = readFrameworkFile('bad.json', bytes(JSON.stringify(bad)));
    expect(first.ok).toBe(false);
    if (first.ok) return;
    // Shape and text problems come first, all at once.
    expect(first.problems).toEqual([
      'Title must be 120 characters or fewer',
      'Track must be teaching, associate or both',
      'Domain 2, skill 1: code is missing',
      'Domain 2, skill 3: description must be 600 characters or fewer',
    ]);
    const second = readFrameworkFile(
      'bad.json',
      bytes(
        JSON.stringify({ ...bad, title: 'Fine', track: 'both', domains: [bad.domains[0], { title: 'one', skills: [{ code: 'a1', title: 'Duplicate' }] }] }),
      ),
    );
    expect(second.ok ? [] : second.problems).toEqual([
      'Domain 1, skill 1: descriptors name the level “expert”, which is not one of the levels (middle)',
      'Domain 2: title “one” is also used by domain 1',
      'Domain 2, skill 1: code a1 is also used by domain 1, skill 1',
    ]);
  });

  it('names each CSV problem by its row number, counting blank rows as a spreadsheet does', () => {
    const csv = [
      'domain,code,title,description,descriptor:middle,descriptor:expert',
      'Culture,SC1,High expectations,,Sets them,',
      '',
      'Culture,,No code,,,',
      'Culture,SC1,Duplicate,,,',
      ',SC9,No domain,,,',
      `Culture,SC2,${'t'.repeat(151)},,,`,
    ].join('\n');
    const header = readFrameworkFile('f.csv', bytes(csv));
    expect(header.ok ? [] : header.problems).toEqual([
      'Row 1: column “descriptor:expert” names a level this framework does not have (levels: middle, senior, headship)',
    ]);
    const rows = readFrameworkFile('f.csv', bytes(csv.replace(',descriptor:expert', '').replace(/,$/gm, '')));
    expect(rows.ok ? [] : rows.problems).toEqual([
      'Row 4: code is missing',
      'Row 6: domain is missing',
      'Row 7: title must be 150 characters or fewer',
      'Row 5: code SC1 is also used by row 2',
    ]);
  });

  it('refuses empty files, other kinds of file, and files without the needed columns', () => {
    const problems = (name: string, content: string | Uint8Array) => {
      const read = readFrameworkFile(name, typeof content === 'string' ? bytes(content) : content);
      return read.ok ? [] : read.problems;
    };
    expect(problems('f.csv', '')).toEqual(['The selected file is empty.']);
    expect(problems('f.json', '  \n')).toEqual(['The selected file is empty.']);
    expect(problems('f.json', '{"title": ')).toEqual([expect.stringContaining('not valid JSON')]);
    expect(problems('f.json', '[]')).toEqual(['The file must hold one framework: an object with title, track, levels and domains']);
    expect(problems('f.json', '{"title":"T","track":"both","domains":[]}')).toEqual(['The file has no domains or skills in it.']);
    expect(problems('f.xlsx', 'PK')).toEqual(['The selected file must be a JSON or CSV file.']);
    expect(problems('f.csv', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toEqual([
      'The selected file is a PDF, not a CSV file. Save the framework as a JSON or CSV file and upload that.',
    ]);
    expect(problems('f.csv', 'domain,code,title\n')).toEqual(['The file has column headings but no skills in it.']);
    expect(problems('f.csv', 'Domain,Skill\nA,B\n')).toEqual([
      'Row 1: column “Skill” is not recognised: use domain, domain_description, code, title, description and one descriptor:<level> column per level',
      'Row 1: the file has no “code” column',
      'Row 1: the file has no “title” column',
    ]);
  });

  it('tells CSV from JSON by the name, or else by the first character', () => {
    const json = readFrameworkFile('framework.txt', bytes(toJson(sample)));
    const csv = readFrameworkFile('framework.txt', bytes(toCsv(sample)));
    expect(json.ok && json.file.format).toBe('json');
    expect(csv.ok && csv.file.format).toBe('csv');
  });

  it('names framework files, not staff lists, when a CSV file cannot be read', () => {
    expect(readFrameworkFile('framework.csv', bytes('domain,code,title\n'))).toEqual({
      ok: false,
      problems: ['The file has column headings but no skills in it.'],
    });
    const binary = readFrameworkFile('framework.csv', new Uint8Array([0x61, 0x00, 0x01, 0x02, 0x03]));
    expect(binary.ok).toBe(false);
    expect(binary.ok ? '' : binary.problems.join(' ')).toMatch(/Check you chose a framework file saved as JSON or CSV\./);
    expect(binary.ok ? '' : binary.problems.join(' ')).not.toMatch(/staff/);
  });
});

describe('the built-in frameworks', () => {
  it('follow every Headteachers’ standards heading plus personal effectiveness, and every CMI theme', () => {
    const titles = (key: string) => BUILT_IN_FRAMEWORKS.find((b) => b.key === key)?.document.domains.map((d) => d.title);
    expect(titles('leadership')).toEqual([
      'Ethics and professional conduct',
      'School culture',
      'Teaching',
      'Curriculum and assessment',
      'Behaviour',
      'Additional and special educational needs',
      'Professional development',
      'Organisational management',
      'School improvement',
      'Working in partnership',
      'Governance and accountability',
      'Personal effectiveness',
    ]);
    expect(titles('associate')).toEqual([
      'Managing yourself',
      'Making decisions',
      'Communicating and influencing',
      'Providing purpose and direction',
      'Developing people',
      'Building relationships',
      'Leading change',
      'Managing resources and risk',
      'Achieving results',
    ]);
    const personal = item(BUILT_IN_FRAMEWORKS, 0)
      .document.domains.at(-1)
      ?.skills.map((s) => s.title);
    expect(personal).toEqual(['Self-awareness', 'Communicating and influencing', 'Coaching and developing others', 'Leading change', 'Resilience']);
  });

  it('give every skill a code, a description and a descriptor for each default level', () => {
    for (const { document } of BUILT_IN_FRAMEWORKS) {
      for (const domain of document.domains) {
        if (domain.title !== 'Personal effectiveness') expect(domain.skills.length).toBeGreaterThanOrEqual(2);
        for (const skill of domain.skills) {
          expect(skill.code).toMatch(/^[A-Z]{2}\d$/);
          expect(skill.description.length).toBeGreaterThan(20);
          expect(Object.keys(skill.descriptors)).toEqual(['middle', 'senior', 'headship']);
        }
      }
    }
  });
});
