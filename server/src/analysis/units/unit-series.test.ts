/**
 * buildUnitSeries and openProcedureMonths over a hand-made set of five properties in
 * two units (and one outside every unit), three months. Every expected number below is
 * added up by hand from the tables in this file.
 */
import { describe, expect, it } from 'vitest';
import { buildUnitSeries, openProcedureMonths, type MonthlyFigure, type PropertyPlacement, type StatusEvent, type UnitDefinition } from './unit-series.ts';

const months = ['2026-01', '2026-02', '2026-03'];

const unitA: UnitDefinition = { id: '11', areaId: 11, key: 'A', name: 'Unit A', zensusPopulation: 1200 };
const unitB: UnitDefinition = { id: '12', areaId: 12, key: 'B', name: 'Unit B', zensusPopulation: null };
const cityUnit: UnitDefinition = { id: 'city', areaId: null, key: '05916000', name: '05916000', zensusPopulation: 1200 };

const properties: PropertyPlacement[] = [
  { id: 1, unitId: '11', isProblem: true },
  { id: 2, unitId: '11', isProblem: false },
  { id: 3, unitId: '12', isProblem: true },
  // Outside every unit (a property beyond the district layer): counts for the city only.
  { id: 4, unitId: null, isProblem: true },
  // Placed in a unit that is not among the units asked for: the city only, as well.
  { id: 5, unitId: '99', isProblem: false },
];

const residents = (propertyId: number, month: string, value: number): MonthlyFigure => ({ kind: 'residents', propertyId, month, value, high: null });
const estimate = (propertyId: number, month: string, low: number, high: number | null): MonthlyFigure => ({ kind: 'estimate', propertyId, month, value: low, high });
const visits = (propertyId: number, month: string, value: number): MonthlyFigure => ({ kind: 'visits', propertyId, month, value, high: null });

const figures: MonthlyFigure[] = [
  residents(1, '2026-01', 10),
  residents(1, '2026-02', 12),
  residents(1, '2026-03', 12),
  residents(2, '2026-01', 3),
  residents(2, '2026-03', 4),
  residents(3, '2026-02', 7),
  residents(4, '2026-01', 100),
  residents(4, '2026-02', 100),
  residents(4, '2026-03', 100),
  residents(5, '2026-03', 1000),
  // A month outside the series and a property nobody placed: both ignored.
  residents(1, '2025-12', 999),
  residents(77, '2026-01', 999),
  estimate(1, '2026-02', 2, 5),
  // No high end: the range is the single value.
  estimate(2, '2026-02', 1, null),
  // An estimate of 0 to 3 is an estimate (low 0), not "no estimate".
  estimate(3, '2026-03', 0, 3),
  estimate(4, '2026-01', 10, 20),
  visits(1, '2026-01', 2),
  visits(3, '2026-03', 1),
  visits(4, '2026-02', 5),
];

const events: StatusEvent[] = [
  // Property 1: open in January, resolved in February, reported again on the last day of March.
  { propertyId: 1, date: '2026-01-15', status: 'reported' },
  { propertyId: 1, date: '2026-02-10', status: 'resolved' },
  { propertyId: 1, date: '2026-03-31', status: 'reported' },
  // Property 2 is not a problem property: its events never count.
  { propertyId: 2, date: '2026-01-01', status: 'reported' },
  // Property 3: reported only after the last month.
  { propertyId: 3, date: '2026-04-02', status: 'reported' },
  // Property 4 (outside every unit): open since before the series, through an order.
  { propertyId: 4, date: '2025-12-20', status: 'reported' },
  { propertyId: 4, date: '2026-02-01', status: 'order_issued' },
];

const built = () => buildUnitSeries({ months, units: [unitA, unitB], properties, figures, events, city: cityUnit });

describe('buildUnitSeries', () => {
  it('sums residents, estimates, visits and open procedures into each unit', () => {
    const { units } = built();
    expect(units.map((u) => u.id)).toEqual(['11', '12']);
    expect(units[0]).toEqual({
      ...unitA,
      registered: [10 + 3, 12, 12 + 4],
      unregisteredLow: [null, 2 + 1, null],
      unregisteredHigh: [null, 5 + 1, null],
      problemProperties: [1, 0, 1],
      visits: [2, 0, 0],
    });
    expect(units[1]).toEqual({
      ...unitB,
      registered: [0, 7, 0],
      unregisteredLow: [null, null, 0],
      unregisteredHigh: [null, null, 3],
      problemProperties: [0, 0, 0],
      visits: [0, 0, 1],
    });
  });

  it('the city is the sum over all properties, those outside every unit included', () => {
    const { city } = built();
    expect(city).toEqual({
      ...cityUnit,
      registered: [10 + 3 + 100, 12 + 7 + 100, 12 + 4 + 100 + 1000],
      unregisteredLow: [10, 2 + 1, 0],
      unregisteredHigh: [20, 5 + 1, 3],
      problemProperties: [1 + 1, 0 + 1, 1 + 1],
      visits: [2, 5, 1],
    });
  });

  it('a property outside every unit shows in no unit', () => {
    const { units, city } = built();
    const unitSum = (m: number) => units.reduce((s, u) => s + u.registered[m], 0);
    // Properties 4 (100 a month) and 5 (1000 in March) are the whole difference.
    expect(months.map((_, m) => city.registered[m] - unitSum(m))).toEqual([100, 100, 1100]);
  });

  it('with no figures and no events every unit is zero, and the estimate null, in every month', () => {
    const { units, city } = buildUnitSeries({ months, units: [unitA], properties, figures: [], events: [], city: cityUnit });
    for (const series of [units[0], city]) {
      expect(series.registered).toEqual([0, 0, 0]);
      expect(series.unregisteredLow).toEqual([null, null, null]);
      expect(series.unregisteredHigh).toEqual([null, null, null]);
      expect(series.problemProperties).toEqual([0, 0, 0]);
    }
  });
});

describe('openProcedureMonths', () => {
  it('is open from the month of the first event until the month a resolution falls in', () => {
    const open = openProcedureMonths(months, events);
    expect(open.get(1)).toEqual([true, false, true]);
    expect(open.get(3)).toEqual([false, false, false]);
    expect(open.get(4)).toEqual([true, true, true]);
    // The flags say nothing about problem status; buildUnitSeries leaves property 2 out.
    expect(open.get(2)).toEqual([true, true, true]);
    expect(open.has(5)).toBe(false);
  });

  it('on one day the later step wins (events come in procedure order)', () => {
    const sameDay: StatusEvent[] = [
      { propertyId: 8, date: '2026-02-05', status: 'reported' },
      { propertyId: 8, date: '2026-02-05', status: 'resolved' },
      { propertyId: 9, date: '2026-02-28', status: 'resolved' },
      { propertyId: 9, date: '2026-02-28', status: 'reported' },
    ];
    const open = openProcedureMonths(months, sameDay);
    expect(open.get(8)).toEqual([false, false, false]);
    expect(open.get(9)).toEqual([false, true, true]);
  });
});
