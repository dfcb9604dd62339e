/**
 * Every colour the map draws, in one place, because the legend must show exactly
 * these. All palettes are colour-blind safe:
 * - areas: Paul Tol's "light" qualitative scheme (made for filled areas under dark
 *   labels; https://personal.sron.nl/~pault/#sec:qualitative), pale grey left out;
 * - Zensus grid: ColorBrewer sequential YlGnBu (residents) and OrRd (non-German share),
 *   lightest step dropped so class 1 stays visible on the light background;
 * - residents choropleth: ColorBrewer sequential PuBu (6 classes: "none" + 5), a hue the
 *   Zensus grid and the status colours do not use;
 * - property status: Okabe–Ito (https://jfly.uni-koeln.de/color/), ordered so that the
 *   escalation reads yellow → orange → vermillion → purple → blue → black, resolved green;
 * - coverage: a case manager's areas in Tol's "light" scheme, shared areas in its pale
 *   grey, gaps in Tol's "vibrant" red and orange (https://personal.sron.nl/~pault/).
 */
import type { PropertyStatus } from '../../../../server/src/schemas/property.ts';
import type { ZensusMode } from '../../state/url-state.ts';
import { sequentialPalette } from '../classification/palettes.ts';

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

/** One class of a classed map: a value range and its colour. */
export interface ColourClass {
  /** Lower bound, inclusive (residents, or share 0..1). */
  from: number;
  /** Upper bound, exclusive; null for the open top class. */
  to: number | null;
  colour: string;
}

/**
 * Residents per 100 m cell. The breaks are round numbers near the quintiles of Herne's
 * cells; the first class starts at the suppression threshold (see `zensusPopulationClasses`).
 */
const ZENSUS_POPULATION_STEPS: readonly ColourClass[] = [
  { from: 0, to: 50, colour: '#c7e9b4' },
  { from: 50, to: 100, colour: '#7fcdbb' },
  { from: 100, to: 150, colour: '#41b6c4' },
  { from: 150, to: 200, colour: '#2c7fb8' },
  { from: 200, to: null, colour: '#253494' },
];

/** Share of residents without German citizenship (0..1). */
export const ZENSUS_SHARE_CLASSES: readonly ColourClass[] = [
  { from: 0, to: 0.1, colour: '#fdd49e' },
  { from: 0.1, to: 0.2, colour: '#fdbb84' },
  { from: 0.2, to: 0.3, colour: '#fc8d59' },
  { from: 0.3, to: 0.4, colour: '#e34a33' },
  { from: 0.4, to: null, colour: '#b30000' },
];

/**
 * Classes of residents per cell. Cells under `minResidents` carry no figures (the server
 * suppresses them; the threshold comes from `GET /api/settings`, `zensusMinResidents`),
 * so the first class starts there; classes that would lie wholly below it are dropped.
 */
export function zensusPopulationClasses(minResidents: number): ColourClass[] {
  const kept = ZENSUS_POPULATION_STEPS.filter((c) => c.to === null || c.to > minResidents);
  return kept.map((c, i) => (i === 0 ? { ...c, from: Math.max(c.from, minResidents) } : c));
}

export function zensusClasses(mode: ZensusMode, minResidents: number): readonly ColourClass[] {
  return mode === 'population' ? zensusPopulationClasses(minResidents) : ZENSUS_SHARE_CLASSES;
}

/**
 * Residents choropleth: ColorBrewer PuBu in 6 classes from the classification module's
 * palettes (checked there under simulated colour vision): areas with none, then up to five classes.
 */
const RESIDENTS_PALETTE = sequentialPalette('PuBu', 6);
export const RESIDENTS_ZERO = RESIDENTS_PALETTE[0];
export const RESIDENTS_RAMP: readonly string[] = RESIDENTS_PALETTE.slice(1);
/** An area without a figure (e.g. per 1,000 inhabitants where the Zensus has none). */
export const NO_DATA = '#ffffff';

/** Current WohnStG status of a property, and "no procedure". */
export const STATUS_COLOURS: Record<PropertyStatus, string> = {
  reported: '#f0e442',
  inspected: '#e69f00',
  defects_found: '#d55e00',
  order_issued: '#cc79a7',
  fine_imposed: '#0072b2',
  declared_uninhabitable: '#000000',
  resolved: '#009e73',
};
export const NO_PROCEDURE = '#9aa3ad';
/** Outline of a problem property (and of clusters holding problem properties). */
export const PROBLEM_OUTLINE = '#1d2733';
export const CLUSTER_PROBLEM_FILL = '#2f3640';
export const CLUSTER_OTHER_FILL = '#aab2bc';

/** Coverage: the areas of a case manager who covers them alone (Tol "light", as AREA_PALETTE). */
export const COVERAGE_PALETTE = AREA_PALETTE;
/** Covered by several case managers (Tol's pale grey). */
export const COVERAGE_SHARED = '#dddddd';
/** Covered by nobody: white under a red hatching. */
export const COVERAGE_NONE = '#ffffff';
export const GAP_NONE = '#cc3311';
export const GAP_LANGUAGE = '#ee7733';
export const GAP_VISIT = '#1d2733';
/** The areas of the case manager picked in the table. */
export const CASE_MANAGER_HIGHLIGHT = '#0b4f9c';
