/**
 * The contract every map theme satisfies (residents, coverage, analysis, …), the way
 * deck.gl's layers satisfy one `Layer`: the shell (`app.tsx`) and the map
 * (`map/map-view.tsx`) loop over the registry (`themes.ts`) and never branch on a
 * theme's name. A theme is one object in `features/<theme>/<theme>-theme.tsx` that says
 *
 * - which URL keys it owns, their defaults, how they parse and print (`url`);
 * - which data it requests and what follows from it, in one hook (`useView`), which
 *   returns its map layers and feature states, its legend, its panel and its switcher
 *   options.
 *
 * Adding a theme is a new folder plus one line in `themes.ts`.
 */
import type { ReactNode } from 'react';
import type { City } from '../../../server/src/schemas/city.ts';
import type { AreaLevel } from '../../../server/src/schemas/area.ts';
import type { I18n } from '../i18n/i18n-provider.tsx';
import type { AreaStates, ThemeMapLayers } from '../map/theme-layers.ts';
import type { AreaLayerId } from '../state/area-layer-id.ts';
import type { ThemeUrlCodec, UrlState } from '../state/url-state.ts';

export type { AreaStates, ThemeHitLayer, ThemeMapLayers, ThemeSource } from '../map/theme-layers.ts';

/** One map of a theme; a theme showing several (two months side by side) returns several. */
export interface ThemeMap {
  layers: ThemeMapLayers;
  /** Feature state for `areaFill`; null while loading. */
  areaStates: AreaStates | null;
  /** A second label line per area (the thematic figure); null: names only. */
  labelDetails: ReadonlyMap<number, string> | null;
  /** The figures come from a synthetic dataset (the tooltip says so). */
  labelDetailsSynthetic: boolean;
  /** A line over the map, e.g. its month. */
  caption?: string | null;
  /** The month the properties of this map are drawn for; undefined: the shell's month. */
  month?: string | null;
  /** Data of this map still expected (keeps `data-map-idle` unset). */
  pending?: boolean;
}

export interface ThemeLegend {
  /** The theme's own block, above the shared rows (borders, city, selection, context). */
  block?: ReactNode;
  /** Rows put first into the shared list. */
  items?: ReactNode;
  /** The area border row says whose border it is ("border of the quarters"). @default true */
  borderOfLevel?: boolean;
}

export interface ThemePanel {
  /** Replaces the area panel and the city overview (e.g. the analysis panel). */
  primary?: ReactNode;
  /** Below the area or property panel. */
  cards?: ReactNode;
  /** The city overview when nothing is selected. @default false */
  cityOverview?: boolean;
  /** The side panel needs its wide width (tables). @default false */
  wide?: boolean;
}

/** What a theme shows now, from its hook. */
export interface ThemeView {
  /** One map, or several side by side (cameras linked). */
  maps: readonly ThemeMap[];
  legend: ThemeLegend;
  panel: ThemePanel;
  /** Under the theme's radio button in the layer switcher (e.g. count or per 1,000). */
  switcherOptions?: ReactNode;
  /** Data still expected (keeps `data-map-idle` unset). */
  pending: boolean;
}

/** What the shell knows and hands every theme. */
export interface ThemeContext<S> {
  /** This theme is the one shown: only then may it request data. */
  active: boolean;
  /** The theme's own URL state (parsed by its `url` codec). */
  own: S;
  /**
   * Merges into the theme's own URL state; `shared` patches the shared keys in the same step,
   * or is computed from the theme's state before the patch. Stable for the app's life.
   */
  update: (patch: Partial<S>, shared?: Partial<SharedUrlPatch> | ((current: S) => Partial<SharedUrlPatch>)) => void;
  url: UrlState;
  city: City;
  /** The level drawn (the URL's, or the coarsest with areas). */
  level: AreaLayerId;
  areaLevel: Exclude<AreaLevel, 'city'>;
  /** False when the city has no areas on the level: themes then show nothing of their own. */
  areasVisible: boolean;
  /** The month shown (the URL's if it has data, else the latest); null while unknown. */
  month: string | null;
  latestMonth: string | null;
  /** The month list has arrived (or failed): month-dependent requests may go out. */
  monthsKnown: boolean;
  /** Changes after an import of operational data. */
  dataVersion: number;
  selectArea: (id: number | null) => void;
  selectMonth: (month: string | null) => void;
}

/** Shared URL keys a theme may change together with its own (e.g. the level, the view). */
export type SharedUrlPatch = Pick<UrlState, 'level' | 'view' | 'area' | 'month'>;

export interface Theme<S = unknown> {
  /** The value of `?theme=`; never changes, since links carry it. */
  id: string;
  /** The name on its radio button. */
  label: (i18n: I18n) => string;
  /** The URL keys it owns. */
  url: ThemeUrlCodec<S>;
  /**
   * Its data and what it shows. The shell calls the hook of every registered theme on
   * every render, in registry order (so React's hook order never changes); an inactive
   * theme must not request anything and may return `INACTIVE_VIEW`.
   */
  useView: (context: ThemeContext<S>) => ThemeView;
}

/** The view of a theme that shows nothing (inactive, or no areas on the level). */
export const INACTIVE_VIEW: ThemeView = {
  maps: [{ layers: { fills: [], lines: [] }, areaStates: null, labelDetails: null, labelDetailsSynthetic: false }],
  legend: {},
  panel: {},
  pending: false,
};

/** Identity with the state's type checked: `defineTheme<AnalysisState>({ … })`. */
export function defineTheme<S>(theme: Theme<S>): Theme<S> {
  return theme;
}

/**
 * A theme of any state type, as the registry holds them: the shell hands each theme only
 * the state its own codec parsed, so the state types never meet.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTheme = Theme<any>;
