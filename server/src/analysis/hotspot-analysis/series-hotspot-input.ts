/**
 * The hotspot input for the app's own data: one indicator of a level's units in a
 * month, with the months before it as the trend's history. Rates (per 1,000) go in
 * as counts and populations, so that the analysis can smooth them.
 */
import { indicatorValue } from '../indicators/indicator-values.ts';
import type { AnalysisSeries, HotspotIndicator, HotspotQuery } from '../../schemas/analysis.ts';
import { HOTSPOT_DEFAULTS, HOTSPOT_LIMITS } from '../../schemas/analysis.ts';
import type { HotspotRunInput } from './run-hotspot-analysis.ts';


export interface SeriesGeometry {
  polygons: number[][][][][];
  points: [number, number][];
}

export function seriesHotspotInput(series: AnalysisSeries, geometry: SeriesGeometry, query: HotspotQuery, month: string): HotspotRunInput {
  const m = series.months.indexOf(month);
  if (m < 0) throw new Error(`month ${month} is not in the series`);
  const layer: HotspotIndicator = query.layer;
  const isRate = layer === 'registered_per_1000';
  const valuesAt = (t: number) =>
    series.units.map((unit) => {
      const v = indicatorValue(unit, t, layer, series.months);
      return isRate ? v.events : v.value;
    });
  const populationsAt = () => series.units.map((unit) => unit.zensusPopulation);
  return {
    ids: series.units.map((u) => u.id),
    values: valuesAt(m),
    populations: isRate ? populationsAt() : null,
    rateScale: isRate ? 1000 : 1,
    polygons: geometry.polygons,
    points: geometry.points,
    method: query.method,
    weights: {
      type: query.weights ?? 'queen',
      k: query.k,
      thresholdMetres: query.thresholdMetres,
      transform: query.transform ?? 'row',
    },
    permutations: query.permutations ?? HOTSPOT_DEFAULTS.permutations,
    seed: query.seed ?? HOTSPOT_DEFAULTS.seed,
    fdr: query.fdr ?? true,
    minUnits: HOTSPOT_LIMITS.defaultMinUnits,
    context: { layer, level: series.level, month, synthetic: series.synthetic },
    history: {
      months: series.months.slice(0, m + 1),
      values: series.months.slice(0, m + 1).map((_, t) => valuesAt(t)),
      populations: isRate ? series.months.slice(0, m + 1).map(populationsAt) : null,
    },
  };
}
