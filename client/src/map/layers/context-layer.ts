/**
 * Neighbouring Kreise and municipalities as grey context around the city.
 * Draw order: lowest of our layers, right above the background (or the basemap).
 */
import type { LayerSpecification } from 'maplibre-gl';
import { CONTEXT_FILL, CONTEXT_LINE } from './palette.ts';

export const CONTEXT_FILL_ID = 'context-fill';
export const CONTEXT_LINE_ID = 'context-line';

export interface ContextLayerOptions {
  visible: boolean;
  /** On a basemap the fill would hide streets; only the outlines are drawn then. */
  onBasemap: boolean;
}

export function contextLayer({ visible, onBasemap }: ContextLayerOptions): LayerSpecification[] {
  const visibility = visible ? 'visible' : 'none';
  return [
    {
      id: CONTEXT_FILL_ID,
      type: 'fill',
      source: 'context',
      'source-layer': 'context',
      layout: { visibility: visible && !onBasemap ? 'visible' : 'none' },
      paint: { 'fill-color': CONTEXT_FILL, 'fill-opacity': 1 },
    },
    {
      id: CONTEXT_LINE_ID,
      type: 'line',
      source: 'context',
      'source-layer': 'context',
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': CONTEXT_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 14, 1.2] },
    },
  ];
}
