import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.ts';

describe('parseCsv', () => {
  it('detects ";" from the header; quotes hold the delimiter, line breaks and ""', () => {
    const parsed = parseCsv('key;note\r\nA;"eins; ""zwei""\r\ndrei"\r\nB;  x  \r\n');
    expect(parsed).toEqual({
      table: {
        delimiter: ';',
        header: ['key', 'note'],
        records: [
          { row: 2, cells: ['A', 'eins; "zwei"\r\ndrei'] },
          { row: 3, cells: ['B', '  x  '] },
        ],
      },
    });
  });

  it('detects "," and numbers rows as a spreadsheet does: blank lines and rows of empty cells count, and are skipped', () => {
    const parsed = parseCsv('a,b\n1,"2,5"\n\n,\n3,4');
    expect(parsed).toEqual({ table: { delimiter: ',', header: ['a', 'b'], records: [{ row: 2, cells: ['1', '2,5'] }, { row: 5, cells: ['3', '4'] }] } });
  });

  it('an unclosed quote names the row and column where it starts', () => {
    expect(parseCsv('a;b\n1;2\n3;"4\n5;6\n')).toEqual({ error: { row: 3, field: 'b', value: '', reason: 'a value in double quotes starts here and is never closed (a " is missing)' } });
  });

  it('tab-separated files are named as such', () => {
    expect(parseCsv('a\tb\n1\t2')).toEqual({ error: { row: 1, field: '', value: '', reason: 'columns are separated by tabs; expected ; or , (save as "CSV")' } });
  });
});
