import { describe, expect, it } from 'vitest';
import type { AreaFigures } from '../../../../server/src/schemas/figures.ts';
import { createI18n } from '../../i18n/i18n-provider.tsx';
import { residentBreaks, residentLabel, residentValue, residentValues, unregisteredValue } from './area-values.ts';

const counts = { ro: 0, bg: 0, other: 0, roBg: 0, roBgUnder6: 0, roBg6to17: 0, roBgOver5y: 0 };
const area = (areaId: number, roBg: number, zensusPopulation: number | null, unregistered: AreaFigures['unregistered'] = null): AreaFigures => ({
  areaId,
  key: `k${areaId}`,
  name: `Area ${areaId}`,
  registered: { ...counts, roBg },
  unregistered,
  properties: 1,
  problemProperties: 0,
  visits: 0,
  lastVisit: null,
  zensusPopulation,
});

describe('residentValue', () => {
  it('counts registered RO+BG residents, or per 1,000 Zensus inhabitants', () => {
    expect(residentValue(area(1, 312, 14488), 'count')).toBe(312);
    expect(residentValue(area(1, 665, 14488), 'per1000')).toBeCloseTo(45.9, 1);
  });
  it('has no per-1,000 figure without a population', () => {
    expect(residentValue(area(1, 10, null), 'per1000')).toBeNull();
    expect(residentValue(area(1, 10, 0), 'per1000')).toBeNull();
  });
});

describe('unregisteredValue', () => {
  it('keeps the estimate a range in both modes', () => {
    expect(unregisteredValue(area(1, 0, 1000, { low: 40, high: 65 }), 'count')).toEqual({ low: 40, high: 65 });
    expect(unregisteredValue(area(1, 0, 2000, { low: 40, high: 65 }), 'per1000')).toEqual({ low: 20, high: 32.5 });
    expect(unregisteredValue(area(1, 0, 2000), 'count')).toBeNull();
  });
});

describe('residentValues and residentBreaks', () => {
  const list = { areas: [area(1, 0, 100), area(2, 19, 100), area(3, 173, 100), area(4, 665, null), area(5, 400, 100)] };
  it('marks missing figures with −1 for the feature state', () => {
    expect(Object.fromEntries(residentValues(list, 'per1000'))).toEqual({ 1: 0, 2: 190, 3: 1730, 4: -1, 5: 4000 });
  });
  it('breaks the positive values only (zero has its own colour)', () => {
    const breaks = residentBreaks(list, 'count');
    expect(breaks.length).toBeGreaterThan(0);
    expect(Math.min(...breaks)).toBeGreaterThan(19);
    expect(residentBreaks(null, 'count')).toEqual([]);
  });
});

describe('residentLabel', () => {
  const de = createI18n('de');
  it('writes registered residents and the estimate as a range', () => {
    expect(residentLabel(area(1, 312, 14488, { low: 40, high: 65 }), 'count', de)).toBe('312 (+40–65)');
    expect(residentLabel(area(1, 1250, 14488, { low: 500, high: 700 }), 'count', de)).toBe('1.250 (+500–700)');
    expect(residentLabel(area(1, 312, 14488), 'count', de)).toBe('312');
  });
  it('writes per 1,000 with one decimal and ‰', () => {
    expect(residentLabel(area(1, 665, 14488, { low: 125, high: 171 }), 'per1000', de)).toBe('45,9 ‰ (+8,6–11,8)');
    expect(residentLabel(area(1, 665, null), 'per1000', de)).toBeNull();
  });
});
