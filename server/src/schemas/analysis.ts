/**
 * Thematic analysis: monthly series per unit (an area of a level, or an H3 hexagon),
 * and hotspot statistics with the method card that says how each result was computed.
 * One shape for the app's own data (GET) and for any data sent in (POST).
 */
import { Type, type Static } from 'typebox';
import { Provenance } from './common.ts';
import { Month } from './month.ts';

/**
 * Units a map can be analysed by: the area levels, and H3 hexagons of resolution 8
 * (≈ 0.74 km², edge ≈ 460 m) or 9 (≈ 0.11 km², edge ≈ 174 m) covering the city.
 */
export const ANALYSIS_LEVELS = ['borough', 'quarter', 'district', 'h3_8', 'h3_9'] as const;
export const AnalysisLevel = Type.Enum(ANALYSIS_LEVELS);
export type AnalysisLevel = Static<typeof AnalysisLevel>;
/** The H3 levels, whose hexagons `GET /api/analysis/units.geojson` draws. */
export const HexagonLevel = Type.Enum(['h3_8', 'h3_9']);

/**
 * What a thematic map shows per unit and month.
 * - `registered`: registered Romanian and Bulgarian residents
 * - `registered_per_1000`: the same per 1,000 inhabitants of the Zensus 2011 (where known)
 * - `change_12`, `change_60`: change of `registered` against 12 and 60 months before
 * - `unregistered`: the estimate of unregistered residents, a range (choropleth only: a
 *   statistic needs one number per unit, and a range has none)
 * - `problem_properties`: problem properties whose procedure is not resolved at the month's end
 * - `visits`: case-manager visits in the month
 */
export const INDICATORS = ['registered', 'registered_per_1000', 'change_12', 'change_60', 'unregistered', 'problem_properties', 'visits'] as const;
export const Indicator = Type.Enum(INDICATORS);
export type Indicator = Static<typeof Indicator>;
/** Indicators with one number per unit: the ones a hotspot statistic can take. */
export const HotspotIndicator = Type.Enum(['registered', 'registered_per_1000', 'change_12', 'change_60', 'problem_properties', 'visits']);
export type HotspotIndicator = Static<typeof HotspotIndicator>;

const nullableInt = Type.Union([Type.Integer(), Type.Null()]);

/** One unit's monthly figures, each array in the order of `AnalysisSeries.months`. */
export const UnitSeries = Type.Object({
  /** The area id as text, or the H3 index. */
  id: Type.String(),
  /** The area id (null for a hexagon): the same id the map and `/api/areas/:id` use. */
  areaId: nullableInt,
  key: Type.String(),
  name: Type.String(),
  zensusPopulation: Type.Union([Type.Integer(), Type.Null()], { description: 'Zensus 2011 residents of the unit' }),
  registered: Type.Array(Type.Integer(), { description: 'Registered RO+BG residents per month' }),
  unregisteredLow: Type.Array(nullableInt, { description: 'Low end of the estimate per month; null: no estimate' }),
  unregisteredHigh: Type.Array(nullableInt),
  problemProperties: Type.Array(Type.Integer(), { description: 'Problem properties with an unresolved procedure at the month end' }),
  visits: Type.Array(Type.Integer()),
});
export type UnitSeries = Static<typeof UnitSeries>;

export const AnalysisSeriesQuery = Type.Object({ level: AnalysisLevel });

export const AnalysisSeries = Type.Object({
  level: AnalysisLevel,
  months: Type.Array(Month),
  /** true when any figure comes from a synthetic dataset */
  synthetic: Type.Boolean(),
  /** How far the units' geometry can be trusted (H3 cells are exact: `official`). */
  provenance: Provenance,
  units: Type.Array(UnitSeries),
  /** The whole city, for comparison charts: the sum over the properties. */
  city: UnitSeries,
});
export type AnalysisSeries = Static<typeof AnalysisSeries>;

// ---------------------------------------------------------------- hotspots

export const HotspotMethod = Type.Enum(['gi_star', 'local_moran']);
export type HotspotMethod = Static<typeof HotspotMethod>;

export const WeightsType = Type.Enum(['queen', 'rook', 'knn', 'distance_band', 'explicit']);
export type WeightsType = Static<typeof WeightsType>;
export const WeightsTransform = Type.Enum(['binary', 'row']);
export type WeightsTransform = Static<typeof WeightsTransform>;

/** Limits that keep one request bounded (a request runs in a worker thread, but still costs CPU). */
export const HOTSPOT_LIMITS = {
  /** Below this many units a local statistic says too little (ArcGIS recommends at least 30 features). */
  defaultMinUnits: 30,
  /** The smallest `minUnits` a POST may set. */
  minUnitsFloor: 5,
  maxUnits: 20_000,
  maxPermutations: 9_999,
  maxK: 50,
  /** A distance band wider than this covers any city: it is a typo, not a question. */
  maxThresholdMetres: 50_000,
  /** Neighbour links per unit on average; a band that links more says nothing local. */
  maxLinksPerUnit: 50,
  /**
   * Work of one request: permutations × neighbour links (≈ 4 s on one core). 999
   * permutations on 10,000 hexagons with 6 neighbours each are 6·10⁷.
   */
  maxPermutationWork: 300_000_000,
} as const;

/**
 * What a request that does not say gets, in the API and in the map alike: 999 conditional
 * permutations (the smallest pseudo p is then 0.001) with a fixed seed, so results repeat.
 */
export const HOTSPOT_DEFAULTS = { permutations: 999, seed: 12345 } as const;

export const WeightsSpec = Type.Object({
  type: WeightsType,
  /** Neighbours per unit (knn). @default 8 */
  k: Type.Optional(Type.Integer({ minimum: 1, maximum: HOTSPOT_LIMITS.maxK })),
  /** Distance band in metres, measured in EPSG:25832 between points or unit centroids. */
  thresholdMetres: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: HOTSPOT_LIMITS.maxThresholdMetres })),
  /** Explicit neighbour lists: `neighbors[i]` are the 0-based indices of feature i's neighbours. */
  neighbors: Type.Optional(Type.Array(Type.Array(Type.Integer()))),
  transform: WeightsTransform,
});
export type WeightsSpec = Static<typeof WeightsSpec>;

export const HotspotRequest = Type.Object({
  features: Type.Object(
    {
      type: Type.Literal('FeatureCollection'),
      features: Type.Array(
        Type.Object({
          type: Type.Literal('Feature'),
          geometry: Type.Union([Type.Object({ type: Type.String(), coordinates: Type.Any() }), Type.Null()]),
          properties: Type.Union([Type.Record(Type.String(), Type.Any()), Type.Null()]),
        }),
        { maxItems: HOTSPOT_LIMITS.maxUnits },
      ),
    },
    { description: 'Points or polygons in EPSG:4326 (GeoJSON)' },
  ),
  valueProperty: Type.String({ minLength: 1 }),
  /** With it, the value is a count of events and value/population a rate (Empirical Bayes smoothed). */
  populationProperty: Type.Optional(Type.String({ minLength: 1 })),
  method: HotspotMethod,
  weights: WeightsSpec,
  /** Conditional permutations; 0: analytic p-values only. @default 999 */
  permutations: Type.Optional(Type.Integer({ minimum: 0, maximum: HOTSPOT_LIMITS.maxPermutations })),
  /** @default 12345 */
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })),
  /** Benjamini–Hochberg false-discovery-rate correction. @default true */
  fdr: Type.Optional(Type.Boolean()),
  /** @default 30 */
  minUnits: Type.Optional(Type.Integer({ minimum: HOTSPOT_LIMITS.minUnitsFloor })),
});
export type HotspotRequest = Static<typeof HotspotRequest>;

export const HotspotQuery = Type.Object({
  layer: HotspotIndicator,
  level: AnalysisLevel,
  month: Type.Optional(Month),
  method: HotspotMethod,
  /** @default queen. Explicit neighbour lists only come through the POST. */
  weights: Type.Optional(Type.Enum(['queen', 'rook', 'knn', 'distance_band'])),
  k: Type.Optional(Type.Integer({ minimum: 1, maximum: HOTSPOT_LIMITS.maxK })),
  thresholdMetres: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: HOTSPOT_LIMITS.maxThresholdMetres })),
  /** @default row */
  transform: Type.Optional(WeightsTransform),
  permutations: Type.Optional(Type.Integer({ minimum: 0, maximum: HOTSPOT_LIMITS.maxPermutations })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295 })),
  fdr: Type.Optional(Type.Boolean()),
});
export type HotspotQuery = Static<typeof HotspotQuery>;

/** Local Moran's I quadrant of a significant unit, or `ns` (not significant). */
export const ClusterClass = Type.Union([Type.Literal('HH'), Type.Literal('LL'), Type.Literal('HL'), Type.Literal('LH'), Type.Literal('ns')]);
export type ClusterClass = Static<typeof ClusterClass>;

/** Emerging hot spot category of a unit over the months (after ArcGIS's Emerging Hot Spot Analysis). */
export const TrendCategory = Type.Union([
  Type.Literal('new'),
  Type.Literal('consecutive'),
  Type.Literal('intensifying'),
  Type.Literal('persistent'),
  Type.Literal('diminishing'),
  Type.Literal('sporadic'),
  Type.Literal('oscillating'),
  Type.Literal('historical'),
  Type.Literal('none'),
]);
export type TrendCategory = Static<typeof TrendCategory>;

const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const UnitTrend = Type.Object({
  category: TrendCategory,
  direction: Type.Union([Type.Literal('hot'), Type.Literal('cold'), Type.Null()]),
  /** Mann–Kendall on the unit's monthly Gi* z-scores. */
  mannKendallZ: nullableNumber,
  mannKendallP: nullableNumber,
  significantSteps: Type.Integer(),
});
export type UnitTrend = Static<typeof UnitTrend>;

export const HotspotUnit = Type.Object({
  /** Position in the input (POST) or in `units` of the series (GET). */
  index: Type.Integer(),
  /** The unit id (GET: area id as text or H3 index; POST: the feature's `id`, if any). */
  id: Type.Union([Type.String(), Type.Null()]),
  /** The value the statistic saw (after smoothing); null: no value. */
  value: nullableNumber,
  /** The raw value (a rate before smoothing). */
  raw: nullableNumber,
  neighbors: Type.Integer(),
  z: nullableNumber,
  /** Two-sided analytic p-value of z. */
  p: nullableNumber,
  /** Folded conditional-permutation pseudo p-value; null without permutations. */
  pseudoP: nullableNumber,
  /** The p-value the class is decided by (pseudo if permutations ran, else analytic), after FDR when on. */
  pDecision: nullableNumber,
  /** Gi* confidence bin: ±3 99 %, ±2 95 %, ±1 90 %, 0 not significant. */
  bin: Type.Union([Type.Integer({ minimum: -3, maximum: 3 }), Type.Null()]),
  cluster: Type.Union([ClusterClass, Type.Null()]),
  /** Why a unit has no result (an island without neighbours, no value). */
  note: Type.Union([Type.String(), Type.Null()]),
  trend: Type.Optional(UnitTrend),
});
export type HotspotUnit = Static<typeof HotspotUnit>;

export const GlobalMoran = Type.Object({
  I: Type.Number(),
  expected: Type.Number(),
  /** Variance under randomisation. */
  variance: Type.Number(),
  z: Type.Number(),
  p: Type.Number(),
  pseudoP: nullableNumber,
});
export type GlobalMoran = Static<typeof GlobalMoran>;

/**
 * A limit of a result the reader must know:
 * - `fdr_resolution`: with P permutations the smallest pseudo p is 1/(P+1); over `units` tests
 *   the FDR correction lifts a lone smallest p to `liftedP`, above 0.05: more permutations help;
 * - `asymmetric_weights`: k-nearest-neighbour (or explicit) weights are not symmetric.
 */
export const CardNote = Type.Object({
  code: Type.Union([Type.Literal('fdr_resolution'), Type.Literal('asymmetric_weights')]),
  values: Type.Record(Type.String(), Type.Number()),
});
export type CardNote = Static<typeof CardNote>;

/** Everything needed to reproduce and defend a result. */
export const MethodCard = Type.Object({
  statistic: HotspotMethod,
  weights: Type.Object({
    type: WeightsType,
    k: nullableInt,
    thresholdMetres: nullableNumber,
    transform: WeightsTransform,
    /** Distances and contiguity are computed in this CRS. */
    crs: Type.Literal('EPSG:25832'),
    symmetric: Type.Boolean(),
    meanNeighbors: Type.Number(),
  }),
  permutations: Type.Integer(),
  seed: Type.Integer(),
  fdr: Type.Boolean(),
  /** Significance level of the classes (bins use 0.01/0.05/0.10). */
  alpha: Type.Number(),
  /**
   * Which p-value decides the classes: Gi* bins by the analytic p of z (as ArcGIS's Hot Spot
   * Analysis); local Moran clusters by the permutation pseudo p when permutations ran (as GeoDa),
   * because the normal approximation of local Moran's I is poor.
   */
  decidedBy: Type.Union([Type.Literal('pseudo'), Type.Literal('analytic')]),
  /** What limits the result, as codes with figures the UI words (see CardNote). */
  notes: Type.Array(CardNote),
  units: Type.Integer(),
  islands: Type.Integer(),
  minUnits: Type.Integer(),
  smoothing: Type.Union([Type.Literal('empirical_bayes'), Type.Literal('none')]),
  /** The data: layer, level and month for the app's own data; null for POSTed data. */
  layer: Type.Union([Type.String(), Type.Null()]),
  level: Type.Union([AnalysisLevel, Type.Null()]),
  month: Type.Union([Month, Type.Null()]),
  /** Months of the trend (Mann–Kendall on monthly Gi*), when computed. */
  trendMonths: Type.Union([Type.Object({ from: Month, to: Month, steps: Type.Integer() }), Type.Null()]),
  synthetic: Type.Boolean(),
  /** Milliseconds the computation took (in its worker thread). */
  computeMs: Type.Number(),
  references: Type.Array(Type.String()),
});
export type MethodCard = Static<typeof MethodCard>;

/** Why there is no map: too few units, no variance, only islands. */
export const HotspotRefusal = Type.Object({
  reason: Type.Union([Type.Literal('no_values'), Type.Literal('too_few_units'), Type.Literal('no_variance'), Type.Literal('no_neighbours')]),
  /** In English, for API users; the UI words it from `reason` and `values`. */
  message: Type.String(),
  /** The figures behind the reason: `withValue` (units with a value), `units`, `minUnits`, `value`. */
  values: Type.Record(Type.String(), Type.Number()),
});
export type HotspotRefusal = Static<typeof HotspotRefusal>;

export const HotspotResult = Type.Object({
  /** Set when the statistic was refused; `units` is then empty. */
  refusal: Type.Union([HotspotRefusal, Type.Null()]),
  units: Type.Array(HotspotUnit),
  global: Type.Union([GlobalMoran, Type.Null()]),
  card: MethodCard,
});
export type HotspotResult = Static<typeof HotspotResult>;

/** The hexagons of an H3 level, drawn by the map; feature id = position in `AnalysisSeries.units`. */
export const HexagonCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      properties: Type.Object({ id: Type.String({ description: 'H3 index' }), zensus_population: Type.Union([Type.Integer(), Type.Null()]) }),
      geometry: Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Type.Array(Type.Number()))) }),
    }),
  ),
});
export type HexagonCollection = Static<typeof HexagonCollection>;
