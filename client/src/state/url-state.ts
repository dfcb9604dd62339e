/**
 * Everything that makes a view shareable as a link: area level, visible layers, the
 * month and thematic mode, the selected area or property, the highlighted case
 * manager, the language and the camera. Pure: parses and serialises
 * `location.search` + `location.hash`; the store in `url-state-store.ts` does the I/O.
 *
 * Format: `?level=districts&month=2026-09&theme=residents&rmode=per1000&zensus=1&zmode=share&context=0&labels=0&problems=0&area=12&property=7&cm=3&lang=en#12.5/51.5412/7.2194`
 * (hash = zoom/lat/lon, the order MapLibre's own `hash` option uses). The analysis theme adds
 * `ind grid cls classes breaks pal stat w knn band wt perm seed fdr cmp hex` (see `AnalysisState`). Parameters that hold
 * their default value are left out so that links stay short.
 */
import { HOTSPOT_DEFAULTS, INDICATORS, type HotspotIndicator, type Indicator, type WeightsTransform, type WeightsType } from '../../../server/src/schemas/analysis.ts';
import type { Locale } from '../../../server/src/schemas/common.ts';
import { monthPattern } from '../../../server/src/schemas/month.ts';
import type { ClassificationMethod } from '../map/classification/classify.ts';
import { SEQUENTIAL_PALETTES, type SequentialPaletteName } from '../map/classification/palettes.ts';
import { isAreaLayerId, type AreaLayerId } from './area-layer-id.ts';

export type { Locale };
/** What the Zensus grid is coloured by: residents per cell or the share of non-German residents. */
export type ZensusMode = 'population' | 'share';
/**
 * What the area fill shows: `areas` a neutral colour per area (neighbours differ),
 * `residents` a choropleth of registered RO+BG residents, `coverage` who covers each area.
 */
export type Theme = 'areas' | 'residents' | 'coverage' | 'analysis';
export const THEMES: readonly Theme[] = ['areas', 'residents', 'coverage', 'analysis'];
/** Residents as a count per area, or per 1,000 inhabitants of the Zensus 2011. */
export type ResidentsMode = 'count' | 'per1000';

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

export interface ViewState {
  zoom: number;
  /** Degrees north. */
  lat: number;
  /** Degrees east. */
  lon: number;
}

export interface UrlState {
  /** @default 'quarters' */
  level: AreaLayerId;
  /** `YYYY-MM`; null: the latest month with data. */
  month: string | null;
  /** @default 'areas' */
  theme: Theme;
  /** @default 'count' */
  residentsMode: ResidentsMode;
  /** Zensus 2011 grid visible. @default false */
  zensus: boolean;
  /** @default 'population' */
  zensusMode: ZensusMode;
  /** Neighbouring cities (grey context). @default true */
  context: boolean;
  /** Area names on the map. @default true */
  labels: boolean;
  /** Properties (problem properties emphasised) on the map. @default true */
  problems: boolean;
  /** Selected area id (`AreaDetail.id`), or null. */
  area: number | null;
  /** Selected property id (`PropertyDetail.id`), or null; its panel replaces the area panel. */
  property: number | null;
  /** Case manager whose areas are highlighted (`CaseManager.id`), or null. */
  caseManager: number | null;
  /** null: the server's `defaultLocale`. */
  lang: Locale | null;
  /** null: fit the city's bbox. */
  view: ViewState | null;
  analysis: AnalysisState;
}

export const DEFAULT_URL_STATE: UrlState = {
  level: 'quarters',
  month: null,
  theme: 'areas',
  residentsMode: 'count',
  zensus: false,
  zensusMode: 'population',
  context: true,
  labels: true,
  problems: true,
  area: null,
  property: null,
  caseManager: null,
  lang: null,
  view: null,
  analysis: DEFAULT_ANALYSIS_STATE,
};

function parseFlag(value: string | null, fallback: boolean): boolean {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return fallback;
}

/** `#zoom/lat/lon`; anything else (missing, out of range) gives null. */
export function parseViewHash(hash: string): ViewState | null {
  const parts = hash.replace(/^#/, '').split('/');
  if (parts.length < 3) return null;
  const [zoom, lat, lon] = parts.slice(0, 3).map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (![zoom, lat, lon].every(Number.isFinite)) return null;
  if (zoom < 0 || zoom > 24 || Math.abs(lat) > 85.06 || Math.abs(lon) > 180) return null;
  return { zoom, lat, lon };
}

/** Rounded to what a screen can show: 0.01 zoom levels, 5 decimals ≈ 1 m. */
export function formatViewHash(view: ViewState): string {
  const round = (value: number, digits: number) => String(Number(value.toFixed(digits)));
  return `#${round(view.zoom, 2)}/${round(view.lat, 5)}/${round(view.lon, 5)}`;
}

/** A positive integer id, or null. */
function parseId(value: string | null): number | null {
  const id = Number(value);
  return value !== null && Number.isInteger(id) && id > 0 && id <= 2147483647 ? id : null;
}

const MONTH = new RegExp(monthPattern);
const H3_INDEX = /^[0-9a-f]{15}$/;

function parseIntegerIn(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value !== null && /^\d+$/.test(value) && n >= min && n <= max ? n : fallback;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** `12,40.5,100` → ascending finite numbers; anything else gives []. */
function parseBreaks(value: string | null): number[] {
  if (!value) return [];
  const numbers = value.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
  const valid = numbers.length <= 6 && numbers.every(Number.isFinite) && numbers.every((n, i) => i === 0 || n > numbers[i - 1]);
  return valid ? numbers : [];
}

function parseAnalysis(params: URLSearchParams): AnalysisState {
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
    compareMonth: month !== null && MONTH.test(month) ? month : null,
    hex: hex !== null && H3_INDEX.test(hex) ? hex : null,
  };
}

function serialiseAnalysis(a: AnalysisState, params: URLSearchParams): void {
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

export function parseUrlState(search: string, hash: string): UrlState {
  const params = new URLSearchParams(search);
  const level = params.get('level');
  const month = params.get('month');
  const theme = params.get('theme');
  const rmode = params.get('rmode');
  const zmode = params.get('zmode');
  const lang = params.get('lang');
  return {
    level: isAreaLayerId(level) ? level : DEFAULT_URL_STATE.level,
    month: month !== null && MONTH.test(month) ? month : null,
    theme: (THEMES as readonly string[]).includes(theme ?? '') ? (theme as Theme) : DEFAULT_URL_STATE.theme,
    residentsMode: rmode === 'count' || rmode === 'per1000' ? rmode : DEFAULT_URL_STATE.residentsMode,
    zensus: parseFlag(params.get('zensus'), DEFAULT_URL_STATE.zensus),
    zensusMode: zmode === 'share' || zmode === 'population' ? zmode : DEFAULT_URL_STATE.zensusMode,
    context: parseFlag(params.get('context'), DEFAULT_URL_STATE.context),
    labels: parseFlag(params.get('labels'), DEFAULT_URL_STATE.labels),
    problems: parseFlag(params.get('problems'), DEFAULT_URL_STATE.problems),
    area: parseId(params.get('area')),
    property: parseId(params.get('property')),
    caseManager: parseId(params.get('cm')),
    lang: lang === 'de' || lang === 'en' ? lang : null,
    view: parseViewHash(hash),
    analysis: parseAnalysis(params),
  };
}

/** Inverse of `parseUrlState` for every state whose view is already rounded like `formatViewHash`. */
export function serialiseUrlState(state: UrlState): { search: string; hash: string } {
  const params = new URLSearchParams();
  const d = DEFAULT_URL_STATE;
  if (state.level !== d.level) params.set('level', state.level);
  if (state.month !== null) params.set('month', state.month);
  if (state.theme !== d.theme) params.set('theme', state.theme);
  if (state.residentsMode !== d.residentsMode) params.set('rmode', state.residentsMode);
  if (state.zensus !== d.zensus) params.set('zensus', state.zensus ? '1' : '0');
  if (state.zensusMode !== d.zensusMode) params.set('zmode', state.zensusMode);
  if (state.context !== d.context) params.set('context', state.context ? '1' : '0');
  if (state.labels !== d.labels) params.set('labels', state.labels ? '1' : '0');
  if (state.problems !== d.problems) params.set('problems', state.problems ? '1' : '0');
  if (state.area !== null) params.set('area', String(state.area));
  if (state.property !== null) params.set('property', String(state.property));
  if (state.caseManager !== null) params.set('cm', String(state.caseManager));
  if (state.lang !== null) params.set('lang', state.lang);
  serialiseAnalysis(state.analysis, params);
  const search = params.toString();
  return { search: search ? `?${search}` : '', hash: state.view ? formatViewHash(state.view) : '' };
}
