/**
 * Every colour the map draws, in one place, because the legend must show exactly
 * these. All palettes are colour-blind safe:
 * - areas: Paul Tol's "light" qualitative scheme (made for filled areas under dark
 *   labels; https://personal.sron.nl/~pault/#sec:qualitative), pale grey left out;
 * - Zensus grid: ColorBrewer sequential YlGnBu (residents) and OrRd (non-German share),
 *   lightest step dropped so class 1 stays visible on the light background.
 */
import type { ZensusMode } from '../../state/url-state.ts';

export const BACKGROUND = '#f3f2ee';

export const CONTEXT_FILL = '#e3e2dd';
export const CONTEXT_LINE = '#bdbbb4';

export const CITY_LINE = '#2f3640';

export const AREA_PALETTE = ['#77aadd', '#ee8866', '#eedd88', '#ffaabb', '#99ddff', '#44bb99', '#bbcc33', '#aaaa00'] as const;
/** Before the full geometry has arrived and neighbours are known. */
export const AREA_FILL_UNCOLOURED = '#c9d3df';
export const AREA_LINE = '#5b6470';

export const HOVER_LINE = '#1d2733';
export const SELECTION_LINE = '#0b4f9c';
export const HALO = '#ffffff';

export const ZENSUS_SUPPRESSED = '#b9b9b9';

export interface ZensusClass {
  /** Lower bound, inclusive (residents, or share 0..1). */
  from: number;
  /** Upper bound, exclusive; null for the open top class. */
  to: number | null;
  colour: string;
}

/**
 * Residents per 100 m cell. Cells under 30 are suppressed by the server, so classes
 * start at 30; the breaks are round numbers near the quintiles of Herne's cells.
 */
export const ZENSUS_POPULATION_CLASSES: readonly ZensusClass[] = [
  { from: 30, to: 50, colour: '#c7e9b4' },
  { from: 50, to: 100, colour: '#7fcdbb' },
  { from: 100, to: 150, colour: '#41b6c4' },
  { from: 150, to: 200, colour: '#2c7fb8' },
  { from: 200, to: null, colour: '#253494' },
];

/** Share of residents without German citizenship (0..1). */
export const ZENSUS_SHARE_CLASSES: readonly ZensusClass[] = [
  { from: 0, to: 0.1, colour: '#fdd49e' },
  { from: 0.1, to: 0.2, colour: '#fdbb84' },
  { from: 0.2, to: 0.3, colour: '#fc8d59' },
  { from: 0.3, to: 0.4, colour: '#e34a33' },
  { from: 0.4, to: null, colour: '#b30000' },
];

export function zensusClasses(mode: ZensusMode): readonly ZensusClass[] {
  return mode === 'population' ? ZENSUS_POPULATION_CLASSES : ZENSUS_SHARE_CLASSES;
}
