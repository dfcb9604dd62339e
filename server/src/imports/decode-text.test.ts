import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from './decode-text.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1'); // the same bytes as Windows-1252 for these letters

describe('decodeText', () => {
  it('reads UTF-8, with or without BOM', () => {
    expect(decodeText(Buffer.from('Straße;Größe'))).toEqual({ text: 'Straße;Größe', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Straße')]))).toEqual({ text: 'Straße', encoding: 'utf-8' });
  });

  it('reads anything else as Windows-1252, what Excel writes on German Windows (€ is 0x80 there)', () => {
    expect(decodeText(latin1('Düngelstraße;Größe'))).toEqual({ text: 'Düngelstraße;Größe', encoding: 'windows-1252' });
    expect(decodeText(Buffer.from([0x4d, 0x69, 0x65, 0x74, 0x65, 0x20, 0x80]))).toEqual({ text: 'Miete €', encoding: 'windows-1252' });
  });

  it('decodes the 27 characters Windows-1252 has where Latin-1 has control codes (regression: Node 20 TextDecoder, nodejs/node#60888)', () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)));
    expect(decodeWindows1252(bytes)).toBe('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
    const excel = Buffer.concat([latin1('Hausnummer 1'), Buffer.from([0x96]), latin1('3 '), Buffer.from([0x84]), latin1('Hinterhaus'), Buffer.from([0x93])]);
    expect(decodeText(excel)).toEqual({ text: 'Hausnummer 1–3 „Hinterhaus“', encoding: 'windows-1252' });
  });

  it('refuses a file that mixes UTF-8 and Windows-1252, naming both rows', () => {
    const mixed = Buffer.concat([Buffer.from('key\nStraße\n'), latin1('Gärten\n')]);
    expect(decodeText(mixed)).toEqual({
      error: { row: 3, field: '', value: 'Gärten', reason: { code: 'mixed_encoding', text: { en: expect.stringMatching(/^this row is Windows-1252 but row 2 is UTF-8/), de: expect.stringMatching(/^diese Zeile ist Windows-1252, Zeile 2 aber UTF-8/) } } },
    });
  });

  it('refuses bytes that are no character in either encoding, UTF-16, Excel workbooks and binary files', () => {
    expect(decodeText(Buffer.from([0x61, 0x0a, 0x62, 0x81]))).toMatchObject({
      error: { row: 2, field: '', value: 'b\u0081', reason: { code: 'undefined_byte', text: { en: 'byte 0x81 is not a character in UTF-8 or Windows-1252; is this a CSV file?' } } },
    });
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toMatchObject({ error: { row: 0, reason: { code: 'utf16', text: { en: expect.stringMatching(/UTF-16/) } } } });
    expect(decodeText(Buffer.from('PK\x03\x04rest', 'latin1'))).toMatchObject({ error: { reason: { code: 'excel_workbook', text: { en: expect.stringMatching(/Excel workbook/) } } } });
    expect(decodeText(Buffer.from([0x61, 0x00, 0x62]))).toMatchObject({ error: { reason: { code: 'not_text', text: { en: expect.stringMatching(/NUL bytes/) } } } });
    expect(decodeText(Buffer.alloc(0))).toMatchObject({ error: { reason: { code: 'empty_file', text: { en: 'the file is empty', de: 'die Datei ist leer' } } } });
  });
});
