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
    expect(parseCsv('a;b\n1;2\n3;"4\n5;6\n')).toEqual({
      error: {
        row: 3,
        field: 'b',
        value: '"4',
        reason: {
          code: 'unclosed_quote',
          text: {
            en: 'a value in double quotes starts here (line 3 of the file) and is never closed (a " is missing)',
            de: 'ein Wert in doppelten Anführungszeichen beginnt hier (Zeile 3 der Datei) und wird nie geschlossen (ein " fehlt)',
          },
        },
      },
    });
  });

  it('a file that ends inside a quoted value is refused naming the row and the line where the value began, after values with line breaks (issue 10)', () => {
    // row 2 holds two line breaks (lines 2-4); the quote that never closes opens in row 4, line 6
    const parsed = parseCsv('key,note\r\nA,"eins\r\nzwei\r\ndrei"\r\nB,x\r\nC,"offen, und dann\r\nD,y\r\nE,z\r\n');
    expect(parsed).toMatchObject({ error: { row: 4, field: 'note', value: '"offen, und dann', reason: { code: 'unclosed_quote' } } });
    expect('error' in parsed && parsed.error.reason.text.en).toBe('a value in double quotes starts here (line 6 of the file) and is never closed (a " is missing)');
  });

  it('tab-separated files are named as such', () => {
    expect(parseCsv('a\tb\n1\t2')).toMatchObject({ error: { row: 1, field: '', value: '', reason: { code: 'tab_delimited', text: { en: 'columns are separated by tabs; expected ; or , (save as "CSV")' } } } });
  });
});
