import { describe, expect, it } from 'vitest';
import { formatInteger, formatKm2, formatPercent } from './format-number.ts';

// Intl separates number and % with a no-break space in German; compare with it normalised.
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatKm2', () => {
  it('writes German decimals with a comma and always two digits', () => {
    expect(formatKm2('de', 12.3449)).toBe('12,34 km²');
    expect(formatKm2('de', 51.4)).toBe('51,40 km²');
    expect(formatKm2('de', 1234.5)).toBe('1.234,50 km²');
  });

  it('writes English decimals with a point', () => {
    expect(formatKm2('en', 12.3449)).toBe('12.34 km²');
    expect(formatKm2('en', 1234.5)).toBe('1,234.50 km²');
  });
});

describe('formatInteger', () => {
  it('groups thousands per locale', () => {
    expect(formatInteger('de', 155160)).toBe('155.160');
    expect(formatInteger('en', 155160)).toBe('155,160');
    expect(formatInteger('de', 30)).toBe('30');
  });
});

describe('formatPercent', () => {
  it('rounds a share to whole percent', () => {
    expect(spaces(formatPercent('de', 0.1234))).toBe('12 %');
    expect(formatPercent('en', 0.1234)).toBe('12%');
    expect(spaces(formatPercent('de', 0.4))).toBe('40 %');
  });
});
