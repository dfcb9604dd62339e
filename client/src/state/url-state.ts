/**
 * Everything that makes a view shareable as a link: area level, visible layers,
 * the selected area, the language and the camera. Pure: parses and serialises
 * `location.search` + `location.hash`; the store in `url-state-store.ts` does the I/O.
 *
 * Format: `?level=districts&zensus=1&zmode=share&context=0&labels=0&area=12&lang=en#12.5/51.5412/7.2194`
 * (hash = zoom/lat/lon, the order MapLibre's own `hash` option uses). Parameters that hold
 * their default value are left out so that links stay short.
 */
import { isAreaLayerId, type AreaLayerId } from './area-layer-id.ts';

export type Locale = 'de' | 'en';
/** What the Zensus grid is coloured by: residents per cell or the share of non-German residents. */
export type ZensusMode = 'population' | 'share';

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
  /** Zensus 2011 grid visible. @default false */
  zensus: boolean;
  /** @default 'population' */
  zensusMode: ZensusMode;
  /** Neighbouring cities (grey context). @default true */
  context: boolean;
  /** Area names on the map. @default true */
  labels: boolean;
  /** Selected area id (`AreaDetail.id`), or null. */
  area: number | null;
  /** null: the server's `defaultLocale`. */
  lang: Locale | null;
  /** null: fit the city's bbox. */
  view: ViewState | null;
}

export const DEFAULT_URL_STATE: UrlState = {
  level: 'quarters',
  zensus: false,
  zensusMode: 'population',
  context: true,
  labels: true,
  area: null,
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

export function parseUrlState(search: string, hash: string): UrlState {
  const params = new URLSearchParams(search);
  const level = params.get('level');
  const zmode = params.get('zmode');
  const area = Number(params.get('area'));
  const lang = params.get('lang');
  return {
    level: isAreaLayerId(level) ? level : DEFAULT_URL_STATE.level,
    zensus: parseFlag(params.get('zensus'), DEFAULT_URL_STATE.zensus),
    zensusMode: zmode === 'share' || zmode === 'population' ? zmode : DEFAULT_URL_STATE.zensusMode,
    context: parseFlag(params.get('context'), DEFAULT_URL_STATE.context),
    labels: parseFlag(params.get('labels'), DEFAULT_URL_STATE.labels),
    area: Number.isInteger(area) && area > 0 ? area : null,
    lang: lang === 'de' || lang === 'en' ? lang : null,
    view: parseViewHash(hash),
  };
}

/** Inverse of `parseUrlState` for every state whose view is already rounded like `formatViewHash`. */
export function serialiseUrlState(state: UrlState): { search: string; hash: string } {
  const params = new URLSearchParams();
  const d = DEFAULT_URL_STATE;
  if (state.level !== d.level) params.set('level', state.level);
  if (state.zensus !== d.zensus) params.set('zensus', state.zensus ? '1' : '0');
  if (state.zensusMode !== d.zensusMode) params.set('zmode', state.zensusMode);
  if (state.context !== d.context) params.set('context', state.context ? '1' : '0');
  if (state.labels !== d.labels) params.set('labels', state.labels ? '1' : '0');
  if (state.area !== null) params.set('area', String(state.area));
  if (state.lang !== null) params.set('lang', state.lang);
  const search = params.toString();
  return { search: search ? `?${search}` : '', hash: state.view ? formatViewHash(state.view) : '' };
}
