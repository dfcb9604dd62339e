import { describe, expect, it } from 'vitest';
import { day, dayOrMonth, decimalNumber, keyList, languages, month, oneOf, wholeNumber, yesNo, type ValueParser } from './values.ts';

/** The value, or the English reason (codes and German below). */
const parse = <T>(parser: ValueParser<T>, text: string) => {
  const parsed = parser.parse(text);
  return 'reason' in parsed ? { reason: parsed.reason.text.en } : parsed;
};

describe('import values', () => {
  it.each([
    ['85,5', 85.5],
    ['85.5', 85.5],
    ['1234', 1234],
    ['-0,5', -0.5],
  ])('decimal %s → %s', (text, value) => expect(parse(decimalNumber({ example: '85,5' }), text)).toEqual({ value }));

  it.each([
    ['1.234.567', 'not a number (expected e.g. 85,5)'],
    ['1 234', 'not a number (expected e.g. 85,5)'],
    ['12a', 'not a number (expected e.g. 85,5)'],
    ['1.234', 'has more than 1 decimal place (expected e.g. 85,5; thousands separators are not allowed)'],
    ['0', 'must be more than 0'],
  ])('decimal %s is refused: %s', (text, reason) => expect(parse(decimalNumber({ example: '85,5', decimals: 1, moreThan: 0 }), text)).toEqual({ reason }));

  it('whole numbers: sign, minimum, the database integer', () => {
    const count = wholeNumber(0);
    expect(parse(count, '+12')).toEqual({ value: 12 });
    expect(parse(count, '-1')).toEqual({ reason: 'must be 0 or more' });
    expect(parse(count, '12,0')).toEqual({ reason: 'not a whole number (expected e.g. 12)' });
    expect(parse(count, '3000000000')).toEqual({ reason: 'must be at most 2,147,483,647' });
  });

  it.each(['true', 'ja', 'JA', 'yes', '1', 'x', 'X', 'WAHR'])('%s is yes', (text) => expect(parse(yesNo, text)).toEqual({ value: true }));
  it.each(['false', 'nein', 'No', '0', '', 'FALSCH'])('"%s" is no', (text) => expect(parse(yesNo, text)).toEqual({ value: false }));

  it('dates: German and ISO, checked against the calendar', () => {
    expect(parse(day, '31.12.2025')).toEqual({ value: '2025-12-31' });
    expect(parse(day, '1.2.2024')).toEqual({ value: '2024-02-01' });
    expect(parse(day, '2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(parse(day, '29.02.2025')).toEqual({ reason: 'not a day in the calendar (February 2025 has 28 days)' });
    expect(parse(day, '31.12.25')).toEqual({ reason: 'not a date (expected e.g. 31.12.2025 or 2025-12-31)' });
    expect(parse(day, '12.2025')).toEqual({ reason: 'not a date (expected e.g. 31.12.2025 or 2025-12-31)' });
  });

  it('months: 12.2025, 2025-12, or the first of the month', () => {
    for (const text of ['12.2025', '2025-12', '01.12.2025', '2025-12-01']) expect(parse(month, text)).toEqual({ value: '2025-12-01' });
    expect(parse(month, '02.12.2025')).toEqual({ reason: 'is a day, not a month (expected the first of the month, e.g. 01.12.2025, or 12.2025)' });
    expect(parse(month, '13.2025')).toEqual({ reason: 'not a month (expected e.g. 12.2025, 2025-12 or 01.12.2025)' });
    expect(parse(dayOrMonth, '12.2025')).toEqual({ value: { month: '2025-12-01', day: null } });
    expect(parse(dayOrMonth, '17.12.2025')).toEqual({ value: { month: '2025-12-01', day: '2025-12-17' } });
  });

  it('enumerations: case-insensitive, with German words', () => {
    const owner = oneOf(['private', 'company', 'municipal'], { privat: 'private', unternehmen: 'company', kommunal: 'municipal' });
    expect(parse(owner, 'Kommunal')).toEqual({ value: 'municipal' });
    expect(parse(owner, 'PRIVATE')).toEqual({ value: 'private' });
    expect(parse(owner, 'öffentlich')).toEqual({ reason: 'not one of private, company, municipal (also accepted: privat, unternehmen, kommunal)' });
  });

  it('lists: languages by | or spaces (ISO 639-1, and rom for Romani); keys by |', () => {
    expect(parse(languages, 'RO|tr  de')).toEqual({ value: ['ro', 'tr', 'de'] });
    expect(parse(languages, 'ro|rom')).toEqual({ value: ['ro', 'rom'] });
    expect(parse(languages, 'ro|romanes')).toEqual({ reason: '"romanes" is not an ISO 639-1 language code (expected codes such as ro|tr|de)' });
    expect(parse(languages, 'ro|ro')).toEqual({ reason: '"ro" is listed twice' });
    expect(parse(keyList, 'Wanne 1 | Wanne 2|')).toEqual({ value: ['Wanne 1', 'Wanne 2'] });
  });

  it('every reason has a code and a German text (issue 10)', () => {
    expect(wholeNumber(0).parse('3000000000')).toEqual({ reason: { code: 'too_large', text: { en: 'must be at most 2,147,483,647', de: 'darf höchstens 2.147.483.647 sein' } } });
    expect(day.parse('29.02.2025')).toEqual({
      reason: { code: 'not_in_calendar', text: { en: 'not a day in the calendar (February 2025 has 28 days)', de: 'kein Tag im Kalender (der Februar 2025 hat 28 Tage)' } },
    });
    expect(decimalNumber({ example: '85,5', decimals: 1 }).parse('1.234')).toMatchObject({
      reason: { code: 'too_many_decimals', text: { de: 'hat mehr als 1 Nachkommastelle (erwartet z. B. 85,5; Tausendertrennzeichen sind nicht erlaubt)' } },
    });
    expect(yesNo.parse('vielleicht')).toMatchObject({ reason: { code: 'not_yes_no' } });
    expect(month.expected).toEqual({ en: 'a month, e.g. 12.2025', de: 'ein Monat, z. B. 12.2025' });
  });
});
