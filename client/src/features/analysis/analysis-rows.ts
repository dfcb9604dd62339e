/**
 * The rows the analysis theme shows (map, table, chart): one per unit with its value
 * in the chosen month and, when a statistic ran, its result. Pure, so that the map
 * colours, the table and the legend are computed from one place.
 */
import { indicatorValue } from '../../../../server/src/analysis/indicators/indicator-values.ts';
import type { AnalysisSeries, HotspotResult, HotspotUnit, Indicator } from '../../../../server/src/schemas/analysis.ts';
import type { Range } from '../../../../server/src/schemas/common.ts';

export interface AnalysisRow {
  /** Position in `series.units` (the hexagon feature id on the map). */
  index: number;
  id: string;
  areaId: number | null;
  name: string;
  /** The indicator's value; null: none (no population, no earlier month, or a range). */
  value: number | null;
  /** Only for estimates: the range. */
  range: Range | null;
  /** The hotspot result of the unit, when a statistic ran and was not refused. */
  hotspot: HotspotUnit | null;
}

/** The value the classes are drawn from: the number, or for a range its low end ("at least"). */
export const classValue = (row: Pick<AnalysisRow, 'value' | 'range'>): number | null => row.value ?? row.range?.low ?? null;

export function analysisRows(series: AnalysisSeries, month: string, indicator: Indicator, hotspots: HotspotResult | null): AnalysisRow[] {
  const m = series.months.indexOf(month);
  const byId = new Map((hotspots?.units ?? []).map((u) => [u.id, u]));
  return series.units.map((unit, index) => {
    const v = m < 0 ? null : indicatorValue(unit, m, indicator, series.months);
    return {
      index,
      id: unit.id,
      areaId: unit.areaId,
      name: unit.name,
      value: v?.value ?? null,
      range: v?.range ?? null,
      hotspot: byId.get(unit.id) ?? null,
    };
  });
}

/**
 * Values of every unit in every month: class breaks drawn from all of them keep the
 * colours comparable while the month player runs.
 */
export function allMonthValues(series: AnalysisSeries, indicator: Indicator): number[] {
  const values: number[] = [];
  series.months.forEach((_, m) => {
    for (const unit of series.units) {
      const v = classValue(indicatorValue(unit, m, indicator, series.months));
      if (v !== null) values.push(v);
    }
  });
  return values;
}

/** The unit's and the city's value over the months, for the chart. */
export function seriesOf(series: AnalysisSeries, unitId: string | null, indicator: Indicator): {
  unit: { value: number | null; range: Range | null }[] | null;
  city: { value: number | null; range: Range | null }[];
} {
  const unit = unitId === null ? undefined : series.units.find((u) => u.id === unitId);
  const pick = (u: AnalysisSeries['city']) =>
    series.months.map((_, m) => {
      const v = indicatorValue(u, m, indicator, series.months);
      return { value: v.value, range: v.range };
    });
  return { unit: unit ? pick(unit) : null, city: pick(series.city) };
}

/**
 * The figure of each unit as text: the value, or the range of an estimate; "–" for none.
 * Keyed by area id (the map's area labels and tooltip), or for hexagons by their feature
 * id, the position in the series (their tooltip; hexagons carry no labels: too many, too small).
 */
export function analysisLabels(
  rows: readonly AnalysisRow[],
  digits: number,
  format: { decimal: (value: number, digits?: number) => string; range: (range: Range, digits?: number) => string },
): Map<number, string> {
  return new Map(
    rows.map((r) => [r.areaId ?? r.index, r.range ? format.range(r.range, digits) : r.value !== null ? format.decimal(r.value, digits) : '–'] as [number, string]),
  );
}
