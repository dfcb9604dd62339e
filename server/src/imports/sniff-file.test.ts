import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { areas } from './areas/areas.ts';
import { properties } from './properties/properties.ts';
import { residents } from './residents/residents.ts';
import { sniffBytes, sniffFile } from './sniff-file.ts';

const csv = (text: string) => Buffer.from(text);
/** Random bytes without NUL, so that the control characters decide. */
const randomWithoutNul = (n: number) => Buffer.from(randomBytes(n).map((b) => (b === 0 ? 1 : b)));

describe('sniffFile (issue 10: junk refused from its first megabyte)', () => {
  it('random bytes are refused from the first chunk: NUL bytes, or else control characters', () => {
    expect(sniffFile(randomBytes(64 * 1024), properties.table, false)).toMatchObject({ verdict: 'refuse', error: { row: 0, reason: { code: 'not_text' } } });
    const sniffed = sniffFile(randomWithoutNul(64 * 1024), properties.table, false);
    expect(sniffed).toMatchObject({ verdict: 'refuse', error: { row: 0, reason: { code: 'binary' } } });
    expect(sniffed.verdict === 'refuse' && sniffed.error.reason.text.en).toMatch(/^is not a text file: \d+ of its first 65,536 bytes are control characters; expected a CSV or GeoJSON file$/);
    expect(sniffed.verdict === 'refuse' && sniffed.error.reason.text.de).toMatch(/^ist keine Textdatei: \d+ ihrer ersten 65\.536 Bytes sind Steuerzeichen/);
  });

  it('text without a line break in its first megabyte is no header; before a megabyte it waits for more', () => {
    expect(sniffFile(Buffer.alloc(4096, 'x'), properties.table, false)).toEqual({ verdict: 'more' });
    expect(sniffFile(Buffer.alloc(sniffBytes + 10, 'x'), properties.table, false)).toMatchObject({
      verdict: 'refuse',
      error: { row: 1, reason: { code: 'not_a_header', text: { en: 'the first line is longer than 1,048,576 bytes, so it is no header of properties; expected a CSV file' } } },
    });
  });

  it('a first line that names none of the columns of the kind is no header of it (here: a residents file uploaded as properties)', () => {
    const sniffed = sniffFile(csv('property_key;month;nationality\nT-1;2025-11;ro\n'), properties.table, true);
    expect(sniffed).toEqual({
      verdict: 'refuse',
      error: {
        row: 1,
        field: '',
        value: 'property_key;month;nationality',
        reason: {
          code: 'not_a_header',
          text: {
            en: 'the first line is not a header of properties: it names none of their columns (expected: key, address, flats, living_area_m2, owner_type, is_problem, lon, lat, easting, northing)',
            de: 'die erste Zeile ist keine Kopfzeile für Immobilien: sie nennt keine ihrer Spalten (erwartet: key, address, flats, living_area_m2, owner_type, is_problem, lon, lat, easting, northing)',
          },
        },
      },
    });
    // one known column is enough: the header check names the others (read-table.ts)
    expect(sniffFile(csv('property_key;monat\n'), residents.table, true)).toEqual({ verdict: 'accept', format: 'csv' });
    expect(sniffFile(csv('\ufeff Key ; Address \r\n'), properties.table, false)).toEqual({ verdict: 'accept', format: 'csv' });
  });

  it('JSON where CSV is expected, CSV where GeoJSON is, and a body that does not start like a JSON object', () => {
    expect(sniffFile(csv('{"type": "FeatureCollection"'), residents.table, false)).toMatchObject({ verdict: 'refuse', error: { reason: { code: 'json_not_allowed' } } });
    expect(sniffFile(csv('key,name\n'), areas.table, true)).toMatchObject({ verdict: 'refuse', error: { reason: { code: 'csv_not_allowed' } } });
    expect(sniffFile(csv('[{"type": "Feature"}]'), properties.table, true)).toMatchObject({ verdict: 'refuse', error: { reason: { code: 'not_feature_collection' } } });
    expect(sniffFile(csv('{ x: 1 }'), areas.table, false)).toMatchObject({ verdict: 'refuse', error: { reason: { code: 'not_json' } } });
    expect(sniffFile(csv(' \n{\n  "type"'), areas.table, false)).toEqual({ verdict: 'accept', format: 'geojson' });
  });

  it('empty and blank files are empty; Excel workbooks and UTF-16 are named', () => {
    expect(sniffFile(Buffer.alloc(0), properties.table, true)).toMatchObject({ verdict: 'refuse', error: { reason: { code: 'empty_file' } } });
    expect(sniffFile(csv(' \r\n \n'), properties.table, true)).toMatchObject({ verdict: 'refuse', error: { reason: { code: 'empty_file' } } });
    expect(sniffFile(Buffer.from('PK\x03\x04rest', 'latin1'), properties.table, false)).toMatchObject({ verdict: 'refuse', error: { reason: { code: 'excel_workbook' } } });
    expect(sniffFile(Buffer.from([0xff, 0xfe, 0x6b, 0x00]), properties.table, false)).toMatchObject({ verdict: 'refuse', error: { reason: { code: 'utf16' } } });
  });
});
