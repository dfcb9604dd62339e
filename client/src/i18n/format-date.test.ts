import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from './format-date.ts';
import { formatDecimal, formatRange } from './format-number.ts';

describe('formatMonth', () => {
  it('names the month in the UI language', () => {
    expect(formatMonth('de', '2026-10')).toBe('Oktober 2026');
    expect(formatMonth('en', '2026-10')).toBe('October 2026');
    expect(formatMonth('de', '2021-03', 'short')).toMatch(/^März 2021$|^Mär\.? 2021$/);
  });
});

describe('formatDate', () => {
  it('writes a calendar day without shifting it by the time zone', () => {
    expect(formatDate('de', '2025-04-10')).toBe('10.04.2025');
    expect(formatDate('en', '2025-04-10')).toBe('10/04/2025');
    expect(formatDate('de', '2026-01-01')).toBe('01.01.2026');
  });
});

describe('formatRange', () => {
  it('keeps an estimate a range, also when both ends are equal', () => {
    expect(formatRange('de', { low: 500, high: 700 })).toBe('500–700');
    expect(formatRange('de', { low: 12, high: 12 })).toBe('12–12');
    expect(formatRange('de', { low: 17.54, high: 25.3 }, 1)).toBe('17,5–25,3');
    expect(formatRange('en', { low: 17.54, high: 25.3 }, 1)).toBe('17.5–25.3');
  });
});

describe('formatDecimal', () => {
  it('rounds to the given decimals', () => {
    expect(formatDecimal('de', 45.94)).toBe('45,9');
    expect(formatDecimal('en', 0.75, 2)).toBe('0.75');
    expect(formatDecimal('de', 1, 2)).toBe('1');
  });
});
