/**
 * The city boundary: a strong dark line on a white halo, readable over any fill.
 * Draw order: above area fills, the Zensus grid and area outlines; below the selection.
 * `city-fill` is transparent: it only makes the city clickable where no area level exists.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { CITY_LINE, HALO } from './palette.ts';

export const CITY_FILL_ID = 'city-fill';
export const CITY_HALO_ID = 'city-halo';
export const CITY_LINE_ID = 'city-line';

export function cityLayer(): { below: LayerSpecification[]; above: LayerSpecification[] } {
  const source = { source: 'city', 'source-layer': 'city' } as const;
  return {
    below: [{ id: CITY_FILL_ID, type: 'fill', ...source, paint: { 'fill-color': '#000000', 'fill-opacity': 0 } }],
    above: [
      {
        id: CITY_HALO_ID,
        type: 'line',
        ...source,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': HALO, 'line-opacity': 0.9, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 3, 15, 7] },
      },
      {
        id: CITY_LINE_ID,
        type: 'line',
        ...source,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': CITY_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 15, 3.5] },
      },
    ],
  };
}
