/**
 * The analysis theme's URL keys: `ind grid cls classes breaks pal stat w knn band wt perm
 * seed fdr cmp hex`, every setting of a result, so that it can be shared and re-run.
 */
import { HOTSPOT_DEFAULTS, INDICATORS, type HotspotIndicator, type Indicator, type WeightsTransform, type WeightsType } from '../../../../server/src/schemas/analysis.ts';
import type { ClassificationMethod } from '../../map/classification/classify.ts';
import { SEQUENTIAL_PALETTES, type SequentialPaletteName } from '../../map/classification/palettes.ts';
import { oneOf, parseFlag, parseIntegerIn } from '../../state/url-params.ts';
import { parseMonth, type ThemeUrlCodec } from '../../state/url-state.ts';

const H3_INDEX = /^[0-9a-f]{15}$/;

/** What the analysis theme colours by: classes of the indicator, or a hotspot statistic of it. */
export type Statistic = 'none' | 'gi_star' | 'local_moran';
export const STATISTICS: readonly Statistic[] = ['none', 'gi_star', 'local_moran'];
/** The analysis theme's units: the areas of `level`, or an H3 grid of resolution 8 or 9. */
export type Grid = 'h3_8' | 'h3_9';
export const CLASSIFICATION_METHODS: readonly ClassificationMethod[] = ['quantile', 'equal_interval', 'std_dev', 'manual'];
/** Weights a map can ask for (explicit lists only come through the API). */
export type MapWeights = Exclude<WeightsType, 'explicit'>;
export const MAP_WEIGHTS: readonly MapWeights[] = ['queen', 'rook', 'knn', 'distance_band'];

/** The analysis theme's settings; all in the URL, so a result can be shared and re-run. */
export interface AnalysisState {
  /** @default 'registered' */
  indicator: Indicator;
  /** null: the areas of `level`. @default null */
  grid: Grid | null;
  /** @default 'quantile' */
  classification: ClassificationMethod;
  /** 2–7. @default 5 */
  classes: number;
  /** Ascending inner breaks for `manual`; empty otherwise. */
  manualBreaks: number[];
  /** Colour-blind-safe sequential palette of the classes. @default 'YlOrRd' */
  palette: SequentialPaletteName;
  /** @default 'none' */
  statistic: Statistic;
  /** @default 'queen' */
  weights: MapWeights;
  /** Neighbours of knn weights. @default 8 */
  k: number;
  /** Distance band in metres (EPSG:25832). @default 1000 */
  bandMetres: number;
  /** @default 'row' */
  transform: WeightsTransform;
  /** @default 999 */
  permutations: number;
  /** @default 12345 */
  seed: number;
  /** Benjamini–Hochberg correction. @default true */
  fdr: boolean;
  /** A second month shown beside the first (side by side); null: none. */
  compareMonth: string | null;
  /** Selected H3 cell (grid units); areas use `area`. */
  hex: string | null;
}

export const DEFAULT_ANALYSIS_STATE: AnalysisState = {
  indicator: 'registered',
  grid: null,
  classification: 'quantile',
  classes: 5,
  manualBreaks: [],
  palette: 'YlOrRd',
  statistic: 'none',
  weights: 'queen',
  k: 8,
  bandMetres: 1000,
  transform: 'row',
  permutations: HOTSPOT_DEFAULTS.permutations,
  seed: HOTSPOT_DEFAULTS.seed,
  fdr: true,
  compareMonth: null,
  hex: null,
};

/** Whether the indicator can go into a hotspot statistic (a range cannot). */
export const isHotspotIndicator = (indicator: Indicator): indicator is HotspotIndicator => indicator !== 'unregistered';

/** `12,40.5,100` → ascending finite numbers; anything else gives []. */
function parseBreaks(value: string | null): number[] {
  if (!value) return [];
  const numbers = value.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
  const valid = numbers.length <= 6 && numbers.every(Number.isFinite) && numbers.every((n, i) => i === 0 || n > numbers[i - 1]);
  return valid ? numbers : [];
}

/** The analysis keys of a URL; a value it cannot use gives that setting's default. */
export function parseAnalysis(params: URLSearchParams): AnalysisState {
  const d = DEFAULT_ANALYSIS_STATE;
  const month = params.get('cmp');
  const hex = params.get('hex');
  const grid = params.get('grid');
  return {
    indicator: oneOf(params.get('ind'), INDICATORS, d.indicator),
    grid: grid === 'h3_8' || grid === 'h3_9' ? grid : null,
    classification: oneOf(params.get('cls'), CLASSIFICATION_METHODS, d.classification),
    classes: parseIntegerIn(params.get('classes'), 2, 7, d.classes),
    manualBreaks: parseBreaks(params.get('breaks')),
    palette: oneOf(params.get('pal'), SEQUENTIAL_PALETTES, d.palette),
    statistic: oneOf(params.get('stat'), STATISTICS, d.statistic),
    weights: oneOf(params.get('w'), MAP_WEIGHTS, d.weights),
    k: parseIntegerIn(params.get('knn'), 1, 50, d.k),
    bandMetres: parseIntegerIn(params.get('band'), 1, 100_000, d.bandMetres),
    transform: oneOf(params.get('wt'), ['row', 'binary'] as const, d.transform),
    permutations: parseIntegerIn(params.get('perm'), 0, 9999, d.permutations),
    seed: parseIntegerIn(params.get('seed'), 0, 4294967295, d.seed),
    fdr: parseFlag(params.get('fdr'), d.fdr),
    compareMonth: parseMonth(month),
    hex: hex !== null && H3_INDEX.test(hex) ? hex : null,
  };
}

/** Writes the settings that differ from the defaults. */
export function serialiseAnalysis(a: AnalysisState, params: URLSearchParams): void {
  const d = DEFAULT_ANALYSIS_STATE;
  if (a.indicator !== d.indicator) params.set('ind', a.indicator);
  if (a.grid !== null) params.set('grid', a.grid);
  if (a.classification !== d.classification) params.set('cls', a.classification);
  if (a.classes !== d.classes) params.set('classes', String(a.classes));
  if (a.manualBreaks.length > 0) params.set('breaks', a.manualBreaks.join(','));
  if (a.palette !== d.palette) params.set('pal', a.palette);
  if (a.statistic !== d.statistic) params.set('stat', a.statistic);
  if (a.weights !== d.weights) params.set('w', a.weights);
  if (a.k !== d.k) params.set('knn', String(a.k));
  if (a.bandMetres !== d.bandMetres) params.set('band', String(a.bandMetres));
  if (a.transform !== d.transform) params.set('wt', a.transform);
  if (a.permutations !== d.permutations) params.set('perm', String(a.permutations));
  if (a.seed !== d.seed) params.set('seed', String(a.seed));
  if (a.fdr !== d.fdr) params.set('fdr', a.fdr ? '1' : '0');
  if (a.compareMonth !== null) params.set('cmp', a.compareMonth);
  if (a.hex !== null) params.set('hex', a.hex);
}

export const ANALYSIS_URL_KEYS = ['ind', 'grid', 'cls', 'classes', 'breaks', 'pal', 'stat', 'w', 'knn', 'band', 'wt', 'perm', 'seed', 'fdr', 'cmp', 'hex'] as const;

/** The analysis theme's part of the URL; a new hexagon is a new selection (a history entry). */
export const analysisUrl: ThemeUrlCodec<AnalysisState> = {
  keys: ANALYSIS_URL_KEYS,
  defaults: DEFAULT_ANALYSIS_STATE,
  parse: parseAnalysis,
  format: serialiseAnalysis,
  selection: (state) => state.hex,
};
