import { describe, expect, it } from 'vitest';
import { guessColumnMapping, missingRequiredFields, normaliseHeader } from './staff-import.columns';
import { decodeCsvBytes, decodeWindows1252, detectDelimiter, MAX_ROWS, parseCsv, UnreadableFile } from '../../platform/csv';
import { managersFirst, planImport, type ExistingPerson, type PlanInput } from './staff-import.plan';
import { normaliseTrn, parseImportDate } from './staff-import.schemas';
import { item } from '../../../test/support/present';

describe('column headings', () => {
  it('are compared without case, spaces or punctuation', () => {
    expect(normaliseHeader(' Work E-mail Address ')).toBe('workemailaddress');
    expect(normaliseHeader('Teaching/Support')).toBe('teachingsupport');
  });

  it('an Arbor-style heading row is matched field by field', () => {
    const mapping = guessColumnMapping([
      'Legal First Name',
      'Preferred First Name',
      'Legal Last Name',
      'Work Email Address',
      'Job Title',
      'Staff Type',
      'Employment Start Date',
      'Staff ID',
      'Line Manager Email',
    ]);
    expect(mapping).toEqual({
      givenName: 'Legal First Name',
      preferredGivenName: 'Preferred First Name',
      familyName: 'Legal Last Name',
      email: 'Work Email Address',
      jobTitle: 'Job Title',
      staffType: 'Staff Type',
      startedInSchoolsOn: 'Employment Start Date',
      misStaffId: 'Staff ID',
      lineManagerEmail: 'Line Manager Email',
    });
  });

  it('a SIMS-style heading row is matched, preferring the legal forename for first name', () => {
    const mapping = guessColumnMapping([
      'Legal Surname',
      'Legal Forename',
      'Preferred Forename',
      'Email Address',
      'Post',
      'Category',
      'Date Started in Education',
      'Teacher Number',
      'Staff Code',
    ]);
    expect(mapping.givenName).toBe('Legal Forename');
    expect(mapping.preferredGivenName).toBe('Preferred Forename');
    expect(mapping.familyName).toBe('Legal Surname');
    expect(mapping.email).toBe('Email Address');
    expect(mapping.jobTitle).toBe('Post');
    expect(mapping.staffType).toBe('Category');
    expect(mapping.startedInSchoolsOn).toBe('Date Started in Education');
    expect(mapping.trn).toBe('Teacher Number');
    expect(mapping.misStaffId).toBe('Staff Code');
  });

  it('the best-ranked heading wins when a file has several for one field', () => {
    const mapping = guessColumnMapping(['Email', 'Work Email', 'Staff Code', 'Employee Number', 'Start Date', 'Date Started in Education']);
    expect(mapping.email).toBe('Work Email');
    expect(mapping.misStaffId).toBe('Employee Number');
    expect(mapping.startedInSchoolsOn).toBe('Date Started in Education');
  });

  it('required fields without a column are reported', () => {
    const headers = ['Name', 'Mail', 'Type'];
    expect(missingRequiredFields(guessColumnMapping(headers), headers)).toEqual(['givenName', 'familyName', 'email', 'staffType']);
  });
});

describe('dates', () => {
  it.each([
    ['01/09/2019', '2019-09-01'],
    ['1/9/2019', '2019-09-01'],
    ['31.12.2020', '2020-12-31'],
    ['01-09-2019', '2019-09-01'],
    ['2019-09-01', '2019-09-01'],
    ['2019-09-01T00:00:00', '2019-09-01'],
    ['01/09/2019 00:00', '2019-09-01'],
    ['1 September 2019', '2019-09-01'],
    ['1st Sept 2019', '2019-09-01'],
    ['01-Sep-2019', '2019-09-01'],
    ['29/02/2020', '2020-02-29'],
  ])('%s is read as %s (UK day-first order)', (text, iso) => {
    expect(parseImportDate(text)).toEqual({ date: iso });
  });

  it('blank is no date', () => {
    expect(parseImportDate('  ')).toBeNull();
  });

  it.each(['31/02/2019', '29/02/2019', '13/13/2019', '2019-02-30'])('%s is refused as not a real date', (text) => {
    expect(parseImportDate(text)).toEqual({ error: `“${text}” is not a real date` });
  });

  it.each(['09/01/19', 'next Tuesday', '2019', 'Smarch 3 2019'])('%s is refused with the format to use', (text) => {
    const result = parseImportDate(text);
    expect(result && 'error' in result && result.error).toMatch(/use day\/month\/year/);
  });

  it('teacher reference numbers lose slashes and spaces', () => {
    expect(normaliseTrn('12/34567')).toBe('1234567');
    expect(normaliseTrn('123 4567')).toBe('1234567');
    expect(normaliseTrn('RP12345')).toBe('RP12345');
  });
});

describe('decoding files', () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(decodeCsvBytes(bytes([0xef, 0xbb, 0xbf], 'Forename,Surname\nZoë,Ó Briain\n'))).toEqual({
      text: 'Forename,Surname\nZoë,Ó Briain\n',
      encoding: 'utf-8',
    });
  });

  it('reads Excel’s windows-1252 “CSV” when the bytes are not UTF-8', () => {
    // Zoë, O’Neill and an en dash, as Excel writes them in windows-1252.
    const decoded = decodeCsvBytes(bytes('Forename,Surname,Post\nZo', [0xeb], ',O', [0x92], 'Neill,Head ', [0x96], ' Maths\n'));
    expect(decoded).toEqual({ text: 'Forename,Surname,Post\nZoë,O’Neill,Head – Maths\n', encoding: 'windows-1252' });
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x93, 0x94, 0xa3]))).toBe('€“”£');
  });

  it.each([
    ['an empty file', bytes(''), /empty/],
    ['only blank lines', bytes('\r\n\r\n  \n'), /empty/],
    ['UTF-16 with a byte-order mark', Buffer.from('\ufeffForename,Surname\n', 'utf16le'), /UTF-16/],
    ['UTF-16 without a byte-order mark', Buffer.from('Forename,Surname\nAda,Lovelace\n', 'utf16le'), /UTF-16/],
    ['an Excel workbook', bytes([0x50, 0x4b, 0x03, 0x04], 'rest of the zip'), /Excel workbook/],
    ['binary junk', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), /binary data/],
    ['control characters without NULs', bytes('a,b\n', [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17]), /binary data/],
  ])('refuses %s with a reason', (_, content, message) => {
    expect(() => decodeCsvBytes(content)).toThrow(UnreadableFile);
    expect(() => decodeCsvBytes(content)).toThrow(message);
  });
});

describe('parsing CSV', () => {
  it('numbers rows as a spreadsheet does: heading is row 1, blank rows count, multi-line cells are one row', () => {
    const table = parseCsv('First Name,Notes\r\nAda,"two\nlines"\r\n\r\n,\r\nGrace,x\r\n');
    expect(table.headers).toEqual(['First Name', 'Notes']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['Ada', 'two\nlines'] },
      { rowNumber: 5, cells: ['Grace', 'x'] },
    ]);
  });

  it('finds semicolon and tab delimiters from the heading row', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(item(parseCsv('Forename;Surname\nAda;Lovelace\n').rows, 0).cells).toEqual(['Ada', 'Lovelace']);
  });

  it('tolerates short rows and stray quotes', () => {
    expect(parseCsv('a,b,c\n1,2\n3,4"5,6\n').rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4"5', '6'],
    ]);
  });

  it('refuses headings with no rows, unclosed quotes and too many rows', () => {
    expect(() => parseCsv('First Name,Surname\n')).toThrow(/no staff/);
    expect(() => parseCsv('First Name,Surname\n"Ada,Lovelace\n')).toThrow(/never closed/);
    expect(() => parseCsv(`a,b\n${'1,2\n'.repeat(MAX_ROWS + 1)}`)).toThrow(/more than 20,000 rows/);
  });
});

describe('planning an import', () => {
  let ids = 0;
  const person = (overrides: Partial<ExistingPerson>): ExistingPerson => ({
    id: `p${++ids}`,
    school_id: 's1',
    title: null,
    given_name: 'Sam',
    family_name: 'Taylor',
    email: 'sam@example.org',
    email_normalised: 'sam@example.org',
    job_title: 'Teacher',
    staff_type: 'teaching',
    started_in_schools_on: null,
    leadership_level: 'none',
    line_manager_id: null,
    trn: null,
    mis_staff_id: null,
    status: 'active',
    ...overrides,
  });
  const plan = (csv: string, overrides: Partial<PlanInput> = {}) => {
    const table = parseCsv(csv);
    let n = 0;
    return planImport({
      table,
      mapping: guessColumnMapping(table.headers),
      schools: [
        { id: 's1', name: 'Aspen Academy', urn: '100001' },
        { id: 's2', name: 'St Mary’s C.E. Primary', urn: '100002' },
      ],
      scope: { schoolIds: null, defaultSchoolId: null },
      people: [],
      emailsElsewhere: new Set(),
      newId: () => `new${++n}`,
      ...overrides,
    });
  };
  const header = 'Forename,Surname,Email,Staff Type,Job Title,Staff ID,Line Manager Email,School\n';

  it('links line managers in the same file, whatever order the rows are in', () => {
    const result = plan(`${header}Ann,Report,ann@x.org,Teacher,,,bob@x.org,100001\nBob,Boss,bob@x.org,Teacher,,,,st marys ce primary\n`);
    expect(result.creates.map((c) => [c.columns.email, c.lineManagerId, c.columns.school_id])).toEqual([
      ['ann@x.org', 'new2', 's1'],
      ['bob@x.org', null, 's2'],
    ]);
  });

  it('orders new people so each line manager is added before the people they manage', () => {
    const result = plan(`${header}A,A,a@x.org,Teacher,,,b@x.org,\nB,B,b@x.org,Teacher,,,c@x.org,\nC,C,c@x.org,Teacher,,,,\nD,D,d@x.org,Teacher,,,a@x.org,\n`);
    expect(managersFirst(result.creates).map((c) => c.columns.email)).toEqual(['c@x.org', 'b@x.org', 'a@x.org', 'd@x.org']);
  });

  it('refuses line-management loops and self-management with a warning, keeping the rows', () => {
    const result = plan(`${header}Ann,A,ann@x.org,Teacher,,,bob@x.org,\nBob,B,bob@x.org,Teacher,,,ann@x.org,\nCy,C,cy@x.org,Teacher,,,cy@x.org,\n`);
    expect(result.creates).toHaveLength(3);
    expect(result.warnings.map((w) => [w.rowNumber, w.message])).toEqual([
      [3, expect.stringMatching(/loop/)],
      [4, expect.stringMatching(/own line manager/)],
    ]);
  });

  it('matches by MIS staff ID when the email has changed, and lists what changes', () => {
    const existing = person({ email: 'old@x.org', email_normalised: 'old@x.org', mis_staff_id: 'E1' });
    const result = plan(`${header}Sam,Taylor,new@x.org,Teacher,Teacher,E1,,\n`, { people: [existing] });
    expect(result.updates).toHaveLength(1);
    expect(item(result.updates, 0).id).toBe(existing.id);
    expect(item(result.updates, 0).changes).toEqual([{ field: 'Email', from: 'old@x.org', to: 'new@x.org' }]);
  });

  it('a Title column (Mr, Dr…) is read as the person’s title; a change of title is listed, and a blank keeps it', () => {
    const existing = person({ email: 'sam@x.org', email_normalised: 'sam@x.org', title: 'Miss' });
    const withTitle = 'Title,Forename,Surname,Email,Staff Type\n';
    const result = plan(`${withTitle}Dr,Ann,Lee,ann@x.org,Teacher\nMrs,Sam,Taylor,sam@x.org,Teacher\n`, { people: [existing] });
    expect(item(result.creates, 0).columns.title).toBe('Dr');
    expect(item(result.updates, 0).changes).toEqual([{ field: 'Title', from: 'Miss', to: 'Mrs' }]);
    const blank = plan(`${withTitle},Sam,Taylor,sam@x.org,Teacher\n`, { people: [existing] });
    expect(blank.unchanged).toHaveLength(1);
    const tooLong = plan(`${withTitle}${'x'.repeat(21)},Ann,Lee,ann@x.org,Teacher\n`);
    expect(item(tooLong.rejected, 0).reasons).toEqual(['Title must be 20 characters or fewer']);
  });

  it('rejects duplicates, other organisations’ emails and conflicting MIS IDs', () => {
    const a = person({ email: 'a@x.org', email_normalised: 'a@x.org', mis_staff_id: 'E1' });
    const b = person({ email: 'b@x.org', email_normalised: 'b@x.org', mis_staff_id: 'E2' });
    const result = plan(`${header}A,A,a@x.org,Teacher,,E2,,\nC,C,c@x.org,Teacher,,,,\nC,C,C@x.org,Teacher,,,,\nD,D,d@elsewhere.org,Teacher,,,,\n`, {
      people: [a, b],
      emailsElsewhere: new Set(['d@elsewhere.org']),
    });
    expect(result.rejected.map((r) => [r.rowNumber, r.reasons[0]])).toEqual([
      [2, 'MIS staff ID E2 belongs to another person in Waymark (b@x.org)'],
      [4, 'The same person as row 3: each person must appear once in the file'],
      [5, 'd@elsewhere.org cannot be used. Check it is the person’s own work email address'],
    ]);
    expect(result.creates.map((c) => c.rowNumber)).toEqual([3]);
  });

  it('a school admin’s rows for other schools and people are refused', () => {
    const elsewhere = person({ email: 'b@x.org', email_normalised: 'b@x.org', school_id: 's2' });
    const result = plan(`${header}A,A,a@x.org,Teacher,,,,St Mary's CE Primary\nB,B,b@x.org,Teacher,,,,\nC,C,c@x.org,Teacher,,,,\n`, {
      people: [elsewhere],
      scope: { schoolIds: new Set(['s1']), defaultSchoolId: 's1' },
    });
    expect(result.rejected.map((r) => [r.rowNumber, r.reasons[0]])).toEqual([
      [2, 'You can only import staff into schools you administer, and St Mary’s C.E. Primary is not one of them'],
      [3, 'Sam Taylor is in Waymark at St Mary’s C.E. Primary, which you do not administer'],
    ]);
    expect(result.creates.map((c) => [c.rowNumber, c.columns.school_id])).toEqual([[4, 's1']]);
  });

  it('blank cells keep what Waymark has, so an export without a column changes nothing', () => {
    const existing = person({ email: 'sam@x.org', email_normalised: 'sam@x.org', job_title: 'Head of Maths', trn: '1234567', leadership_level: 'middle' });
    const result = plan('Forename,Surname,Email,Staff Type,Job Title,TRN\nSam,Taylor,sam@x.org,,,\n', { people: [existing] });
    expect(result.unchanged.map((u) => u.id)).toEqual([existing.id]);
  });

  it('gives every reason a row is refused', () => {
    const result = plan('Forename,Surname,Email,Staff Type,Start Date,TRN\n,Taylor,not-an-email,Wizard,31/02/2020,12\n');
    expect(item(result.rejected, 0).reasons).toEqual([
      'Date started in schools: “31/02/2020” is not a real date',
      'First name is blank',
      'Enter an email address in the correct format, like name@school.org.uk',
      'Staff type “Wizard” is not recognised: use teaching or associate',
      'Teacher reference number (TRN) must be 7 digits',
    ]);
  });
});
