import { describe, expect, it } from 'vitest';
import { parseCsv, parseLargeCsv, STAFF_LIST_WORDS, UnreadableFile } from './csv';

const samples = [
  'URN,Name,Town\r\n100001,"Smith, Jones & Co",Leeds\r\n\r\n100002,"He said ""hi""",York\r\n',
  'a;b;c\n1;2;3\n4;"five\nlines";6',
  'a,b\n1,2,\n,,\n3\n',
  'a\tb\nx\t"y"\n',
];

describe('reading large CSV files', () => {
  it('reads what csv-parse reads, with the same row numbers', () => {
    for (const text of samples) expect(parseLargeCsv(text, STAFF_LIST_WORDS)).toEqual(parseCsv(text, STAFF_LIST_WORDS));
  });

  it('refuses a quotation mark that is never closed, and a file with too many rows', () => {
    expect(() => parseLargeCsv('a,b\n1,"2\n', STAFF_LIST_WORDS)).toThrow(UnreadableFile);
    expect(() => parseLargeCsv('a\n1\n2\n3\n', STAFF_LIST_WORDS, { maxRows: 2 })).toThrow('The file has more than 2 rows.');
  });
});
