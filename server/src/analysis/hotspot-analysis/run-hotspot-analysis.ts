/**
 * One hotspot analysis from values and geometry to the answer the API returns:
 * rates smoothed (Empirical Bayes), spatial weights built in EPSG:25832, the local
 * statistic with analytic and permutation inference, the false-discovery-rate
 * correction, classes, global Moran's I, the trend over the months and the method
 * card. Pure and synchronous: it runs inside a worker thread (hotspot-worker.ts).
 */
import { HOTSPOT_LIMITS } from '../../schemas/analysis.ts';
import type {
  AnalysisLevel,
  HotspotRefusal,
  GlobalMoran,
  HotspotMethod,
  HotspotResult,
  HotspotUnit,
  MethodCard,
  UnitTrend,
  WeightsSpec,
} from '../../schemas/analysis.ts';
import { contiguityNeighbors } from '../hotspots/contiguity.ts';
import { distanceBandNeighbors, knnNeighbors } from '../hotspots/distance-neighbors.ts';
import { benjaminiHochberg } from '../hotspots/fdr.ts';
import { giStar } from '../hotspots/gi-star.ts';
import { globalMoran, moranI } from '../hotspots/global-moran.ts';
import { HotspotInputError } from '../hotspots/hotspot-input-error.ts';
import { localMoran, type Quadrant } from '../hotspots/local-moran.ts';
import { twoSidedP } from '../hotspots/normal.ts';
import { conditionalPermutation } from '../hotspots/permutation.ts';
import { clusterClass, confidenceBin } from '../hotspots/significance.ts';
import { isSymmetric, validateNeighbors, weightsFromNeighbors, type SpatialWeights } from '../hotspots/spatial-weights.ts';
import { empiricalBayesRates } from '../smoothing/empirical-bayes.ts';
import { classifyEmergingHotspot } from '../trends/emerging-hotspots.ts';
import { mannKendall } from '../trends/mann-kendall.ts';
import { Rng } from '../prng.ts';

/** A MultiPolygon's coordinates in EPSG:25832 metres. */
type MultiPolygonCoordinates = number[][][][];

export interface HotspotRunInput {
  /** Per unit: an id reported back (area id, H3 index, feature id), or null. */
  ids: (string | null)[];
  /** Per unit: the value; with `populations`, the count of events. null: no value. */
  values: (number | null)[];
  /** Per unit: the population at risk; set, the statistic runs on Empirical Bayes smoothed rates. */
  populations: (number | null)[] | null;
  /** Rates are reported per this many (1000: per 1,000 inhabitants). @default 1 */
  rateScale?: number;
  /** Per unit: the outline in EPSG:25832; null for point data (no contiguity then). */
  polygons: MultiPolygonCoordinates[] | null;
  /** Per unit: a point in EPSG:25832 (the point itself, or a point on the surface). */
  points: [number, number][];
  method: HotspotMethod;
  weights: WeightsSpec;
  permutations: number;
  seed: number;
  fdr: boolean;
  minUnits: number;
  context: { layer: string | null; level: AnalysisLevel | null; month: string | null; synthetic: boolean };
  /**
   * The same units' values in earlier months, oldest first, ending with the analysed
   * month: the Gi* trend (emerging hot spots) is computed over them. null: no trend.
   */
  history: { months: string[]; values: (number | null)[][]; populations: (number | null)[][] | null } | null;
}

/** Significance level of clusters and of the trend test. */
const ALPHA = 0.05;
/** Neighbours of knn weights when a request does not say. */
export const DEFAULT_K = 8;
/** ArcGIS's Emerging Hot Spot Analysis asks for at least 10 time steps. */
const MIN_TREND_STEPS = 10;

const REFERENCES: Record<HotspotMethod, string[]> = {
  gi_star: [
    'Ord, J. K. & Getis, A. (1995): Local spatial autocorrelation statistics. Geographical Analysis 27(4), 286–306.',
    'Anselin, L. (1995): Local indicators of spatial association — LISA (conditional permutation). Geographical Analysis 27(2), 93–115.',
    'Benjamini, Y. & Hochberg, Y. (1995): Controlling the false discovery rate. JRSS B 57(1), 289–300.',
  ],
  local_moran: [
    'Anselin, L. (1995): Local indicators of spatial association — LISA. Geographical Analysis 27(2), 93–115.',
    'Benjamini, Y. & Hochberg, Y. (1995): Controlling the false discovery rate. JRSS B 57(1), 289–300.',
  ],
};

export function runHotspotAnalysis(input: HotspotRunInput): HotspotResult {
  const started = performance.now();
  const n = input.values.length;
  for (const [name, list] of [['ids', input.ids], ['points', input.points], ['populations', input.populations], ['polygons', input.polygons]] as const) {
    if (list && list.length !== n) throw new Error(`${name} has ${list.length} entries for ${n} values`);
  }

  // 1. The values the statistic sees: rates are Empirical Bayes smoothed.
  const scale = input.rateScale ?? 1;
  const raw: (number | null)[] = input.values.map((v, i) => {
    if (v === null || !Number.isFinite(v)) return null;
    if (!input.populations) return v;
    const population = input.populations[i];
    return population && population > 0 ? (v / population) * scale : null;
  });
  const active = raw.flatMap((v, i) => (v === null ? [] : [i]));
  const analysed = smooth(input.values, input.populations, active, scale) ?? raw;

  const card = (extra: Partial<MethodCard> = {}): MethodCard => ({
    statistic: input.method,
    weights: {
      type: input.weights.type,
      k: input.weights.type === 'knn' ? (input.weights.k ?? DEFAULT_K) : null,
      thresholdMetres: input.weights.type === 'distance_band' ? (input.weights.thresholdMetres ?? null) : null,
      transform: input.weights.transform,
      crs: 'EPSG:25832',
      symmetric: true,
      meanNeighbors: 0,
    },
    permutations: input.permutations,
    seed: input.seed,
    fdr: input.fdr,
    alpha: ALPHA,
    decidedBy: decidedBy(input.method, input.permutations),
    notes: [],
    units: active.length,
    islands: 0,
    minUnits: input.minUnits,
    smoothing: input.populations ? 'empirical_bayes' : 'none',
    layer: input.context.layer,
    level: input.context.level,
    month: input.context.month,
    trendMonths: null,
    synthetic: input.context.synthetic,
    computeMs: performance.now() - started,
    references: REFERENCES[input.method],
    ...extra,
  });
  // The data cannot support a statistic: a refusal that says why, never a coloured map.
  const refuse = (reason: HotspotRefusal['reason'], message: string, values: HotspotRefusal['values']): HotspotResult => ({
    refusal: { reason, message, values },
    units: [],
    global: null,
    card: card(),
  });

  if (active.length === 0) {
    return refuse(
      'no_values',
      `None of the ${n} units has a value in this month (a change needs the month it is measured against; a rate needs a population).`,
      { units: n },
    );
  }
  if (active.length < input.minUnits) {
    return refuse(
      'too_few_units',
      `${active.length} of ${n} units have a value; a local statistic needs at least ${input.minUnits} ` +
        '(with fewer, z-scores and permutation p-values are unreliable). Choose a finer level or the H3 grid.',
      { withValue: active.length, units: n, minUnits: input.minUnits },
    );
  }

  // 2. Spatial weights over the units that have a value.
  const neighbors = buildNeighbors(input, active);
  checkWork(input.permutations, neighbors);
  const values = Float64Array.from(active, (i) => analysed[i]!);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.every((v) => Math.abs(v - mean) <= 1e-12 * Math.max(1, Math.abs(mean)))) {
    return refuse('no_variance', `All ${active.length} units have the same value (${mean}); there is no pattern to test.`, {
      withValue: active.length,
      value: mean,
    });
  }
  const w = weightsFromNeighbors(neighbors, input.weights.transform);
  const islands = neighbors.filter((list) => list.length === 0).length;
  const meanNeighbors = neighbors.reduce((s, list) => s + list.length, 0) / neighbors.length;
  const weightsCard = { ...card().weights, symmetric: isSymmetric(neighbors), meanNeighbors };
  if (islands === active.length) {
    return {
      ...refuse(
        'no_neighbours',
        `None of the ${active.length} units has a neighbour under these weights; widen the distance band or use more neighbours.`,
        { withValue: active.length },
      ),
      card: card({ weights: weightsCard, islands }),
    };
  }

  // 3. The local statistic, analytic and by permutation.
  const local = localStatistic(input.method, values, w);
  const perms = input.permutations > 0 ? conditionalPermutation(values, w, input.method, input.permutations, input.seed) : null;
  const isIsland = (a: number) => neighbors[a].length === 0;
  // A unit without a p (no variance: its value at the mean under local Moran, or every draw
  // equal to it) is not tested, by either p-value, so the FDR correction counts the same units.
  const byPseudo = decidedBy(input.method, input.permutations) === 'pseudo';
  const decisionP = active.map((_, a) => (isIsland(a) ? Number.NaN : byPseudo && perms ? perms.pseudoP[a] : local.p[a]));
  const tested = decisionP.flatMap((p, a) => (Number.isNaN(p) ? [] : [a]));
  const adjusted = input.fdr ? benjaminiHochberg(tested.map((a) => decisionP[a])) : tested.map((a) => decisionP[a]);
  const pDecision = new Map(tested.map((a, t) => [a, adjusted[t]]));

  const trends = input.method === 'gi_star' ? trendsOf(input, active, w) : null;

  const units: HotspotUnit[] = input.values.map((_, i) => ({
    index: i,
    id: input.ids[i],
    value: analysed[i],
    raw: raw[i],
    neighbors: 0,
    z: null,
    p: null,
    pseudoP: null,
    pDecision: null,
    bin: null,
    cluster: null,
    note: raw[i] === null ? (input.populations ? 'no value or no population' : 'no value') : null,
  }));
  active.forEach((i, a) => {
    const unit = units[i];
    unit.neighbors = neighbors[a].length;
    if (isIsland(a)) {
      unit.note = 'island: no neighbours under these weights, so no local statistic';
      return;
    }
    unit.z = finiteOrNull(local.z[a]);
    unit.p = finiteOrNull(local.p[a]);
    unit.pseudoP = perms ? finiteOrNull(perms.pseudoP[a]) : null;
    // No p (a unit exactly at the mean has no variance under local Moran): nothing to test,
    // so not significant rather than missing.
    const p = pDecision.get(a);
    unit.pDecision = p ?? null;
    if (p === undefined) unit.note = 'no variance: the unit cannot be tested';
    if (input.method === 'gi_star') unit.bin = p === undefined ? 0 : confidenceBin(local.z[a], p);
    else unit.cluster = p === undefined ? 'ns' : clusterClass(local.quadrant![a], p, ALPHA);
    if (trends) unit.trend = trends.byActive[a];
  });

  return {
    refusal: null,
    units,
    global: globalStatistic(values, w, input.permutations, input.seed),
    card: card({
      weights: weightsCard,
      islands,
      trendMonths: trends?.months ?? null,
      notes: cardNotes(byPseudo, input, tested.length, weightsCard.symmetric),
      computeMs: performance.now() - started,
    }),
  };
}

/**
 * Permutations cost about links + units per draw, twice (local and global): a request
 * whose work exceeds the budget is refused naming how many permutations it may have.
 */
function checkWork(permutations: number, neighbors: number[][]): void {
  const links = neighbors.reduce((s, list) => s + list.length, 0);
  const perDraw = 2 * (links + neighbors.length);
  if (permutations * perDraw <= HOTSPOT_LIMITS.maxPermutationWork) return;
  const allowed = Math.floor(HOTSPOT_LIMITS.maxPermutationWork / perDraw);
  throw new HotspotInputError(
    'permutations',
    `${permutations} permutations over ${links} neighbour links of ${neighbors.length} units is more than one request may compute; at most ${allowed} here (or fewer neighbours)`,
  );
}

/** Gi* by its analytic p (ArcGIS); local Moran by the pseudo p when permutations ran (GeoDa, esda). */
function decidedBy(method: HotspotMethod, permutations: number): MethodCard['decidedBy'] {
  return method === 'local_moran' && permutations > 0 ? 'pseudo' : 'analytic';
}

function cardNotes(byPseudo: boolean, input: HotspotRunInput, tests: number, symmetric: boolean): MethodCard['notes'] {
  const notes: MethodCard['notes'] = [];
  const smallestP = 1 / (input.permutations + 1);
  if (byPseudo && input.fdr && smallestP * tests > ALPHA) {
    notes.push({ code: 'fdr_resolution', values: { permutations: input.permutations, units: tests, smallestP, liftedP: smallestP * tests } });
  }
  if (!symmetric) notes.push({ code: 'asymmetric_weights', values: {} });
  return notes;
}

/** Empirical Bayes smoothed rates (scaled) of the active units; null without populations. */
function smooth(events: (number | null)[], populations: (number | null)[] | null, active: number[], scale: number): (number | null)[] | null {
  if (!populations) return null;
  const out: (number | null)[] = events.map(() => null);
  if (active.length === 0) return out;
  const eb = empiricalBayesRates(
    active.map((i) => events[i]!),
    active.map((i) => populations[i]!),
  );
  active.forEach((i, a) => (out[i] = eb.smoothed[a] * scale));
  return out;
}

/** Neighbour lists over the active units (re-indexed 0..active.length−1). */
function buildNeighbors(input: HotspotRunInput, active: number[]): number[][] {
  const spec = input.weights;
  switch (spec.type) {
    case 'explicit': {
      if (!spec.neighbors) throw new HotspotInputError('weights.neighbors', 'explicit weights need neighbour lists, one per feature');
      const all = validateNeighbors(spec.neighbors, input.values.length);
      const position = new Map(active.map((i, a) => [i, a]));
      return active.map((i) => all[i].flatMap((j) => (position.has(j) ? [position.get(j)!] : [])));
    }
    case 'queen':
    case 'rook': {
      if (!input.polygons) {
        throw new HotspotInputError('weights.type', `${spec.type} contiguity needs polygons, and the features are points; use knn or distance_band`);
      }
      return contiguityNeighbors(active.map((i) => input.polygons![i]), spec.type);
    }
    case 'knn': {
      const k = spec.k ?? DEFAULT_K;
      if (k >= active.length) throw new HotspotInputError('weights.k', `${k} neighbours need more than ${k} units with a value (there are ${active.length})`);
      return knnNeighbors(active.map((i) => input.points[i]), k);
    }
    case 'distance_band': {
      if (spec.thresholdMetres === undefined) throw new HotspotInputError('weights.thresholdMetres', 'a distance band needs a threshold in metres');
      return distanceBandNeighbors(active.map((i) => input.points[i]), spec.thresholdMetres, HOTSPOT_LIMITS.maxLinksPerUnit * active.length);
    }
  }
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

function localStatistic(method: HotspotMethod, values: Float64Array, w: SpatialWeights): { z: Float64Array; p: Float64Array; quadrant: Quadrant[] | null } {
  if (method === 'gi_star') {
    const { z, p } = giStar(values, w);
    return { z, p, quadrant: null };
  }
  const { z, p, quadrant } = localMoran(values, w);
  return { z, p, quadrant };
}

/** Global Moran's I, with a pseudo p-value from total permutations when they are asked for. */
function globalStatistic(values: Float64Array, w: SpatialWeights, permutations: number, seed: number): GlobalMoran | null {
  // Global Moran's I needs at least four units with neighbours; with fewer there is none.
  if (w.neighbors.filter((list) => list.length > 0).length < 4) return null;
  const g = globalMoran(values, w);
  // With very few links the randomisation variance can come out negative: no z, no test.
  if (!Number.isFinite(g.zRandomisation)) return null;
  let pseudoP: number | null = null;
  if (permutations > 0) {
    const rng = new Rng(seed, 'global-moran');
    const shuffled = Float64Array.from(values);
    let larger = 0;
    for (let s = 0; s < permutations; s++) {
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        const t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
      }
      if (moranI(shuffled, w) >= g.I) larger++;
    }
    pseudoP = (Math.min(larger, permutations - larger) + 1) / (permutations + 1);
  }
  return { I: g.I, expected: g.expected, variance: g.varianceRandomisation, z: g.zRandomisation, p: g.pRandomisation, pseudoP };
}

/**
 * Emerging hot spots: Gi* of every month of the history with the same weights, the
 * Mann–Kendall test on each unit's z series, and the category. Months where an active
 * unit has no value are left out of the series (a change needs its earlier month).
 */
function trendsOf(input: HotspotRunInput, active: number[], w: SpatialWeights): { byActive: UnitTrend[]; months: MethodCard['trendMonths'] } | null {
  const history = input.history;
  if (!history) return null;
  const steps: { month: string; values: Float64Array }[] = [];
  history.months.forEach((month, t) => {
    const row = history.values[t];
    if (active.some((i) => row[i] === null || (history.populations && !(history.populations[t][i]! > 0)))) return;
    const smoothed = smooth(row, history.populations?.[t] ?? null, active, input.rateScale ?? 1);
    steps.push({ month, values: Float64Array.from(active, (i) => (smoothed ? smoothed[i]! : row[i]!)) });
  });
  if (steps.length < MIN_TREND_STEPS) return null;
  const zs = steps.map((s) => giStar(s.values, w).z);
  const ps = zs.map((z) => {
    const p = Array.from(z, twoSidedP);
    // Islands have no z (NaN): they are left out of the correction and stay NaN.
    const tested = p.flatMap((v, a) => (Number.isNaN(v) ? [] : [a]));
    if (!input.fdr) return p;
    const adjusted = benjaminiHochberg(tested.map((a) => p[a]));
    const out = p.map(() => Number.NaN);
    tested.forEach((a, t) => (out[a] = adjusted[t]));
    return out;
  });
  const byActive = active.map((_, a): UnitTrend => {
    const zSeries = zs.map((z) => z[a]);
    const pSeries = ps.map((p) => p[a]);
    const mk = mannKendall(zSeries.map((z) => (Number.isFinite(z) ? z : null)));
    const category = classifyEmergingHotspot({ z: zSeries.map(finiteOrNull), p: pSeries.map(finiteOrNull), mannKendall: mk }, { alpha: ALPHA });
    return {
      category: category.category,
      direction: category.direction,
      mannKendallZ: Number.isFinite(mk.z) ? mk.z : null,
      mannKendallP: Number.isFinite(mk.p) ? mk.p : null,
      significantSteps: category.significantSteps,
    };
  });
  return { byActive, months: { from: steps[0].month, to: steps.at(-1)!.month, steps: steps.length } };
}
