/**
 * The analysis theme's fill: each unit's class (a choropleth class, a Gi* bin or a
 * local Moran cluster) as the feature state `cls`, coloured by the legend's colours.
 * Units are the areas of the chosen level (the area tiles) or H3 hexagons (a GeoJSON
 * source of their own, `analysis-hex`, feature id = position in the series).
 *
 * Draw order: `hex-fill` lies directly above `area-fill` (which turns transparent while
 * the grid is shown, so the area borders stay as orientation); `hex-line` and
 * `hex-selected` follow the area lines (see map-layers.ts).
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { HALO, NO_DATA, SELECTION_LINE } from './palette.ts';

/** Feature-state key holding a unit's class index; −1 (or absent): no class (no value, refused, island). */
export const ANALYSIS_CLASS_STATE = 'cls';
export const HEX_SOURCE = 'analysis-hex';
export const HEX_FILL_ID = 'hex-fill';
export const HEX_LINE_ID = 'hex-line';
export const HEX_SELECTED_ID = 'hex-selected';

/** `['match', cls, 0, colour 0, 1, colour 1, …, no data]` on the feature state. */
export function analysisFillColour(colours: readonly string[]): ExpressionSpecification {
  const cases = colours.flatMap((colour, i) => [i, colour]);
  if (cases.length === 0) return ['literal', NO_DATA] as unknown as ExpressionSpecification;
  return ['match', ['number', ['feature-state', ANALYSIS_CLASS_STATE], -1], ...cases, NO_DATA] as unknown as ExpressionSpecification;
}

export interface HexLayerOptions {
  visible: boolean;
  colours: readonly string[];
  /** H3 index of the selected cell, or null. */
  selectedHex: string | null;
}

export function hexLayer({ visible, colours, selectedHex }: HexLayerOptions): { fill: LayerSpecification; lines: LayerSpecification[] } {
  const visibility = visible ? 'visible' : 'none';
  const selected: FilterSpecification = ['==', ['get', 'id'], selectedHex ?? ''];
  return {
    fill: {
      id: HEX_FILL_ID,
      type: 'fill',
      source: HEX_SOURCE,
      layout: { visibility },
      paint: {
        'fill-color': analysisFillColour(colours),
        'fill-opacity': 0.82,
      },
    },
    lines: [
      {
        id: HEX_LINE_ID,
        type: 'line',
        source: HEX_SOURCE,
        layout: { visibility },
        paint: { 'line-color': HALO, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.3, 15, 1.2], 'line-opacity': 0.8 },
      },
      {
        id: HEX_SELECTED_ID,
        type: 'line',
        source: HEX_SOURCE,
        filter: selected,
        layout: { visibility: visible && selectedHex ? 'visible' : 'none', 'line-join': 'round' },
        paint: { 'line-color': SELECTION_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 15, 4.5] },
      },
    ],
  };
}
