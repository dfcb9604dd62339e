/**
 * Everything that makes a view shareable as a link: area level, visible layers, the
 * month and thematic mode, the selected area or property, the highlighted case
 * manager, the language and the camera. Pure: parses and serialises
 * `location.search` + `location.hash`; the store in `url-state-store.ts` does the I/O.
 *
 * Format: `?level=districts&month=2026-09&theme=residents&rmode=per1000&zensus=1&zmode=share&context=0&labels=0&problems=0&area=12&property=7&cm=3&lang=en#12.5/51.5412/7.2194`
 * (hash = zoom/lat/lon, the order MapLibre's own `hash` option uses). Parameters that hold
 * their default value are left out so that links stay short.
 */
import { isAreaLayerId, type AreaLayerId } from './area-layer-id.ts';

export type Locale = 'de' | 'en';
/** What the Zensus grid is coloured by: residents per cell or the share of non-German residents. */
export type ZensusMode = 'population' | 'share';
/**
 * What the area fill shows: `areas` a neutral colour per area (neighbours differ),
 * `residents` a choropleth of registered RO+BG residents, `coverage` who covers each area.
 */
export type Theme = 'areas' | 'residents' | 'coverage';
export const THEMES: readonly Theme[] = ['areas', 'residents', 'coverage'];
/** Residents as a count per area, or per 1,000 inhabitants of the Zensus 2011. */
export type ResidentsMode = 'count' | 'per1000';

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

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

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
  const search = params.toString();
  return { search: search ? `?${search}` : '', hash: state.view ? formatViewHash(state.view) : '' };
}
