/**
 * Indicator values per unit and month, from hand-made series of 61 months (month index
 * 0 … 60) so that both change indicators have their first value at the end.
 */
import { describe, expect, it } from 'vitest';
import type { UnitSeries } from '../../schemas/analysis.ts';
import { earlierMonthIndex, indicatorValue } from './indicator-values.ts';

const MONTHS = 61;
/** Registered residents in month m: 100 + 3m (so a change over k months is 3k). */
const registered = Array.from({ length: MONTHS }, (_, m) => 100 + 3 * m);

function unit(overrides: Partial<UnitSeries> = {}): UnitSeries {
  return {
    id: '7',
    areaId: 7,
    key: 'K7',
    name: 'Seven',
    zensusPopulation: 2500,
    registered,
    unregisteredLow: registered.map((_, m) => (m % 2 === 0 ? m : null)),
    unregisteredHigh: registered.map((_, m) => (m % 2 === 0 ? 2 * m + 5 : null)),
    problemProperties: registered.map((_, m) => m % 4),
    visits: registered.map((_, m) => m * 10),
    ...overrides,
  };
}

const none = { value: null, range: null, events: null, population: null };

describe('indicatorValue', () => {
  it('registered, problem properties and visits are the month’s figure', () => {
    expect(indicatorValue(unit(), 5, 'registered')).toEqual({ ...none, value: 115 });
    expect(indicatorValue(unit(), 7, 'problem_properties')).toEqual({ ...none, value: 3 });
    expect(indicatorValue(unit(), 7, 'visits')).toEqual({ ...none, value: 70 });
  });

  it('registered_per_1000 divides by the Zensus population and keeps count and population', () => {
    // month 0: 100 registered among 2,500 inhabitants = 40 per 1,000
    expect(indicatorValue(unit(), 0, 'registered_per_1000')).toEqual({ value: 40, range: null, events: 100, population: 2500 });
    expect(indicatorValue(unit(), 10, 'registered_per_1000').value).toBeCloseTo((130 / 2500) * 1000, 12);
  });

  it('registered_per_1000 is null without a population, and with a population of 0, but keeps the count', () => {
    expect(indicatorValue(unit({ zensusPopulation: null }), 0, 'registered_per_1000')).toEqual({ ...none, events: 100 });
    expect(indicatorValue(unit({ zensusPopulation: 0 }), 0, 'registered_per_1000')).toEqual({ ...none, events: 100 });
  });

  it('change_12 is null before month 12 and then the difference to 12 months before', () => {
    expect(indicatorValue(unit(), 0, 'change_12')).toEqual(none);
    expect(indicatorValue(unit(), 11, 'change_12')).toEqual(none);
    expect(indicatorValue(unit(), 12, 'change_12')).toEqual({ ...none, value: 36 });
    expect(indicatorValue(unit(), 60, 'change_12')).toEqual({ ...none, value: 36 });
  });

  it('change_60 is null before month 60 and then the difference to 60 months before', () => {
    expect(indicatorValue(unit(), 12, 'change_60')).toEqual(none);
    expect(indicatorValue(unit(), 59, 'change_60')).toEqual(none);
    expect(indicatorValue(unit(), 60, 'change_60')).toEqual({ ...none, value: 180 });
  });

  it('a change may be negative', () => {
    const falling = unit({ registered: registered.map((_, m) => 500 - m) });
    expect(indicatorValue(falling, 20, 'change_12').value).toBe(-12);
  });

  it('unregistered is a range with no single value, and null without an estimate', () => {
    expect(indicatorValue(unit(), 4, 'unregistered')).toEqual({ ...none, range: { low: 4, high: 13 } });
    // An estimate of 0 to 5 is a range, not "no estimate".
    expect(indicatorValue(unit(), 0, 'unregistered')).toEqual({ ...none, range: { low: 0, high: 5 } });
    expect(indicatorValue(unit(), 3, 'unregistered')).toEqual(none);
  });
});

describe('changes are measured against calendar months (review of issue 5)', () => {
  // Resident counts for 2024-01 … 2024-06 and 2025-01 … 2025-12: a gap of six months.
  const months = [
    ...['01', '02', '03', '04', '05', '06'].map((m) => `2024-${m}`),
    ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2025-${m}`),
  ];
  const gappy = unit({ registered: months.map((_, i) => 100 + i) });

  it('a year before 2025-06 is 2024-06, six places back, not twelve', () => {
    const m = months.indexOf('2025-06');
    expect(earlierMonthIndex(m, 12, months)).toBe(months.indexOf('2024-06'));
    expect(indicatorValue(gappy, m, 'change_12', months).value).toBe(gappy.registered[m] - gappy.registered[5]);
  });

  it('a year before 2025-12 (2024-12) is missing: no change rather than one against 2024-06', () => {
    const m = months.indexOf('2025-12');
    expect(earlierMonthIndex(m, 12, months)).toBe(-1);
    expect(indicatorValue(gappy, m, 'change_12', months).value).toBeNull();
    // Without the months the series is read as gapless: twelve places back.
    expect(indicatorValue(gappy, m, 'change_12').value).toBe(12);
  });
});
