/**
 * What a theme adds to the map, as the map understands it: layer specs, the sources and
 * images they need, feature states and hit layers. The contract for themes as a whole is
 * `app/theme.ts`; this part lives here so that the map depends on no app module.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { AreaLayerId } from '../state/area-layer-id.ts';
import type { PatternImage } from './hatch-pattern.ts';

/** Feature state of the shown level's areas (feature id = area id). */
export interface AreaStates {
  layer: AreaLayerId;
  /** Area id → state, e.g. `{ value: 312 }` (residents) or `{ coverage: 2 }`. */
  states: ReadonlyMap<number, Record<string, number>>;
}

/** A GeoJSON source a theme draws from (e.g. the analysis hexagons). */
export interface ThemeSource {
  id: string;
  /** URL of the GeoJSON; null: empty. */
  data: string | null;
  /** Feature id → feature state; null: none. */
  states: ReadonlyMap<number, Record<string, number>> | null;
}

/** A layer the pointer can hit: a click on it is the theme's, the tooltip names what is under it. */
export interface ThemeHitLayer {
  layerId: string;
  /** A feature of the layer was clicked; true: the click was the theme's (the areas below get none). */
  onClick?: (properties: Record<string, unknown>) => boolean;
  /** Name and figure for the tooltip of the feature with this id; null: the area's below. */
  tooltip?: (featureId: number) => { name: string; detail: string } | null;
}

/**
 * What a theme adds to the map. The map assembles, bottom to top (see `map-layers.ts`):
 * context, city click target, `area-fill` (coloured by `areaFill`), the theme's `fills`,
 * the Zensus grid, area borders, the theme's `lines`, the city boundary, the selection,
 * the properties, and the deck.gl labels on top.
 */
export interface ThemeMapLayers {
  /** Colour of `area-fill` from the feature state in `areaStates`; undefined: neutral colours. */
  areaFill?: { colour: ExpressionSpecification; opacity: number };
  /** Drawn right above `area-fill`, below the Zensus grid. */
  fills: readonly LayerSpecification[];
  /** Drawn above the area borders, below the city boundary and the selection. */
  lines: readonly LayerSpecification[];
  /** GeoJSON sources the layers above use (added before them, kept for the map's life). */
  sources?: readonly ThemeSource[];
  /** Images (fill patterns) the layers refer to, drawn by the map view at `pixelRatio` 2. */
  patterns?: ReadonlyArray<{ id: string; image: PatternImage }>;
  /** Layers the pointer can hit, topmost first; they are tried before the areas. */
  hits?: readonly ThemeHitLayer[];
}

/** A theme that adds nothing to the map. */
export const NO_THEME_LAYERS: ThemeMapLayers = { fills: [], lines: [] };
