/**
 * Everything that makes a view shareable as a link: area level, visible layers, the
 * month and theme, the selected area or property, the language and the camera, plus
 * whatever each theme keeps there (its own keys, parsed by the theme's `ThemeUrlCodec`).
 * Pure: parses and serialises `location.search` + `location.hash`; the store in
 * `url-state-store.ts` does the I/O.
 *
 * Format: `?level=districts&month=2026-09&theme=residents&zensus=1&zmode=share&context=0&labels=0&problems=0&area=12&property=7&lang=en#12.5/51.5412/7.2194`
 * (hash = zoom/lat/lon, the order MapLibre's own `hash` option uses). Themes add their
 * keys: residents `rmode`, coverage `cm`, analysis `ind grid cls classes breaks pal stat w
 * knn band wt perm seed fdr cmp hex`. Parameters that hold their default value are left
 * out so that links stay short.
 */
import type { Locale } from '../../../server/src/schemas/common.ts';
import { monthPattern } from '../../../server/src/schemas/month.ts';
import { isAreaLayerId, type AreaLayerId } from './area-layer-id.ts';
import { parseFlag } from './url-params.ts';

export type { Locale };
/** What the Zensus grid is coloured by: residents per cell or the share of non-German residents. */
export type ZensusMode = 'population' | 'share';
/** The id of a theme (`?theme=`), one of the registry's (`app/themes.ts`). */
export type ThemeId = string;

export interface ViewState {
  zoom: number;
  /** Degrees north. */
  lat: number;
  /** Degrees east. */
  lon: number;
}

/**
 * The URL keys one theme owns: defaults, parsing (anything it cannot use falls back to
 * the default, never a guess) and printing (defaults left out).
 */
export interface ThemeUrlCodec<S> {
  /** Query parameters it reads and writes; no two themes share one. */
  keys: readonly string[];
  defaults: S;
  parse: (params: URLSearchParams) => S;
  format: (state: S, params: URLSearchParams) => void;
  /** A change of this value is a new selection: a history entry (Back returns to the previous). */
  selection?: (state: S) => string | number | null;
  /** Back to the defaults when another theme is chosen (e.g. a highlight that only means something here). */
  resetOnLeave?: boolean;
}

/** A theme as far as the URL is concerned. */
export interface ThemeUrlEntry {
  id: ThemeId;
  // The registry holds themes of different state types; each codec only ever sees its own state.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  url: ThemeUrlCodec<any>;
}

export interface UrlState {
  /** @default 'quarters' */
  level: AreaLayerId;
  /** `YYYY-MM`; null: the latest month with data. */
  month: string | null;
  /** @default the first registered theme */
  theme: ThemeId;
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
  /** null: the server's `defaultLocale`. */
  lang: Locale | null;
  /** null: fit the city's bbox. */
  view: ViewState | null;
  /** Theme id → that theme's own state, as its codec parsed it (every registered theme has one). */
  themes: Readonly<Record<ThemeId, unknown>>;
}

/** The shared keys' defaults; `theme` and `themes` come from the registry (`defaultUrlState`). */
export const DEFAULT_URL_STATE: Omit<UrlState, 'theme' | 'themes'> = {
  level: 'quarters',
  month: null,
  zensus: false,
  zensusMode: 'population',
  context: true,
  labels: true,
  problems: true,
  area: null,
  property: null,
  lang: null,
  view: null,
};

/** The state of an empty URL: the first theme, every theme at its defaults. */
export function defaultUrlState(themes: readonly ThemeUrlEntry[]): UrlState {
  return {
    ...DEFAULT_URL_STATE,
    theme: themes[0]?.id ?? '',
    themes: Object.fromEntries(themes.map((t) => [t.id, t.url.defaults])),
  };
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
export function parseId(value: string | null): number | null {
  const id = Number(value);
  return value !== null && Number.isInteger(id) && id > 0 && id <= 2147483647 ? id : null;
}

const MONTH = new RegExp(monthPattern);

/** `YYYY-MM`, or null. */
export function parseMonth(value: string | null): string | null {
  return value !== null && MONTH.test(value) ? value : null;
}

export function parseUrlState(search: string, hash: string, themes: readonly ThemeUrlEntry[]): UrlState {
  const params = new URLSearchParams(search);
  const level = params.get('level');
  const theme = params.get('theme');
  const zmode = params.get('zmode');
  const lang = params.get('lang');
  const d = DEFAULT_URL_STATE;
  return {
    level: isAreaLayerId(level) ? level : d.level,
    month: parseMonth(params.get('month')),
    theme: themes.find((t) => t.id === theme)?.id ?? themes[0]?.id ?? '',
    zensus: parseFlag(params.get('zensus'), d.zensus),
    zensusMode: zmode === 'share' || zmode === 'population' ? zmode : d.zensusMode,
    context: parseFlag(params.get('context'), d.context),
    labels: parseFlag(params.get('labels'), d.labels),
    problems: parseFlag(params.get('problems'), d.problems),
    area: parseId(params.get('area')),
    property: parseId(params.get('property')),
    lang: lang === 'de' || lang === 'en' ? lang : null,
    view: parseViewHash(hash),
    themes: Object.fromEntries(themes.map((t) => [t.id, t.url.parse(params)])),
  };
}

/** Inverse of `parseUrlState` for every state whose view is already rounded like `formatViewHash`. */
export function serialiseUrlState(state: UrlState, themes: readonly ThemeUrlEntry[]): { search: string; hash: string } {
  const params = new URLSearchParams();
  const d = DEFAULT_URL_STATE;
  if (state.level !== d.level) params.set('level', state.level);
  if (state.month !== null) params.set('month', state.month);
  if (state.theme !== (themes[0]?.id ?? '')) params.set('theme', state.theme);
  if (state.zensus !== d.zensus) params.set('zensus', state.zensus ? '1' : '0');
  if (state.zensusMode !== d.zensusMode) params.set('zmode', state.zensusMode);
  if (state.context !== d.context) params.set('context', state.context ? '1' : '0');
  if (state.labels !== d.labels) params.set('labels', state.labels ? '1' : '0');
  if (state.problems !== d.problems) params.set('problems', state.problems ? '1' : '0');
  if (state.area !== null) params.set('area', String(state.area));
  if (state.property !== null) params.set('property', String(state.property));
  if (state.lang !== null) params.set('lang', state.lang);
  // Then each theme's own keys, in registry order (parsing does not depend on the order).
  for (const t of themes) if (state.themes[t.id] !== undefined) t.url.format(state.themes[t.id], params);
  const search = params.toString();
  return { search: search ? `?${search}` : '', hash: state.view ? formatViewHash(state.view) : '' };
}
