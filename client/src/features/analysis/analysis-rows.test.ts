import { describe, expect, it } from 'vitest';
import type { AnalysisSeries, HotspotResult, UnitSeries } from '../../../../server/src/schemas/analysis.ts';
import { allMonthValues, analysisLabels, analysisRows, classValue, seriesOf } from './analysis-rows.ts';

const unit = (id: string, patch: Partial<UnitSeries>): UnitSeries => ({
  id,
  areaId: Number(id),
  key: id,
  name: `Bezirk ${id}`,
  zensusPopulation: 1000,
  registered: [10, 20, 30],
  unregisteredLow: [null, 2, 3],
  unregisteredHigh: [null, 5, 9],
  problemProperties: [0, 1, 1],
  visits: [0, 0, 4],
  ...patch,
});

const series: AnalysisSeries = {
  level: 'district',
  months: ['2026-08', '2026-09', '2026-10'],
  synthetic: true,
  provenance: 'synthetic',
  units: [unit('7', {}), unit('8', { registered: [0, 5, 1], zensusPopulation: null })],
  city: unit('city', { areaId: null, registered: [10, 25, 31], zensusPopulation: 1000 }),
};

describe('analysisRows', () => {
  it('reads each unit in the month, with the hotspot result by unit id', () => {
    const hotspots = { units: [{ id: '8', bin: 2 }] } as unknown as HotspotResult;
    const rows = analysisRows(series, '2026-09', 'registered', hotspots);
    expect(rows.map((r) => [r.index, r.id, r.areaId, r.value])).toEqual([
      [0, '7', 7, 20],
      [1, '8', 8, 5],
    ]);
    expect(rows[0].hotspot).toBeNull();
    expect(rows[1].hotspot?.bin).toBe(2);
  });

  it('keeps a rate without a population and an estimate as "no value" / a range', () => {
    const rates = analysisRows(series, '2026-10', 'registered_per_1000', null);
    expect(rates.map((r) => r.value)).toEqual([30, null]);
    const estimates = analysisRows(series, '2026-10', 'unregistered', null);
    expect(estimates[0]).toMatchObject({ value: null, range: { low: 3, high: 9 } });
    // The class of a range is drawn from its low end ("at least"), never a midpoint.
    expect(classValue(estimates[0])).toBe(3);
    expect(analysisRows(series, '2026-08', 'unregistered', null)[0].range).toBeNull();
  });

  it('gives no values for a month the series does not have', () => {
    expect(analysisRows(series, '2019-01', 'registered', null).map((r) => r.value)).toEqual([null, null]);
  });
});

describe('allMonthValues', () => {
  it('pools every unit and month (the breaks stay fixed while the months play)', () => {
    expect(allMonthValues(series, 'registered').sort((a, b) => a - b)).toEqual([0, 1, 5, 10, 20, 30]);
    expect(allMonthValues(series, 'unregistered').sort((a, b) => a - b)).toEqual([2, 2, 3, 3]);
  });
});

describe('seriesOf', () => {
  it('gives the selected unit and the city over all months', () => {
    const { unit: picked, city } = seriesOf(series, '8', 'registered');
    expect(picked?.map((p) => p.value)).toEqual([0, 5, 1]);
    expect(city.map((p) => p.value)).toEqual([10, 25, 31]);
    expect(seriesOf(series, null, 'registered').unit).toBeNull();
    expect(seriesOf(series, 'nope', 'registered').unit).toBeNull();
  });
});

describe('analysisLabels', () => {
  it('labels areas with the value or the range, and "–" without', () => {
    const format = { decimal: (v: number) => `v${v}`, range: (r: { low: number; high: number }) => `${r.low}..${r.high}` };
    expect([...analysisLabels(analysisRows(series, '2026-10', 'registered_per_1000', null), 1, format)]).toEqual([
      [7, 'v30'],
      [8, '–'],
    ]);
    expect(analysisLabels(analysisRows(series, '2026-10', 'unregistered', null), 0, format).get(7)).toBe('3..9');
  });

  it('keys hexagons (no area id) by their position in the series, the map feature id', () => {
    const format = { decimal: (v: number) => `v${v}`, range: () => 'range' };
    const hexagons: AnalysisSeries = { ...series, units: series.units.map((u) => ({ ...u, id: `89${u.id}`, areaId: null })) };
    expect([...analysisLabels(analysisRows(hexagons, '2026-10', 'registered', null), 0, format)]).toEqual([
      [0, 'v30'],
      [1, 'v1'],
    ]);
  });
});
