/**
 * The selected area's outline: a blue line on a white halo, drawn above everything
 * else in the style (only the deck.gl labels lie above it). It follows the selected
 * area's own level, so a Stadtbezirk chosen in the panel stays outlined while the
 * map shows Ortsteile.
 */
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { LayerId } from '../../../../server/src/schemas/layer.ts';
import { HALO, SELECTION_LINE } from './palette.ts';

export const SELECTION_HALO_ID = 'selection-halo';
export const SELECTION_LINE_ID = 'selection-line';

export interface SelectionLayerOptions {
  /** Area id, or null for no selection. */
  selectedId: number | null;
  /** Tile layer holding the selected area; null while unknown. */
  selectedLayer: Extract<LayerId, 'city' | 'boroughs' | 'quarters' | 'districts'> | null;
}

export function selectionLayer({ selectedId, selectedLayer }: SelectionLayerOptions): LayerSpecification[] {
  const active = selectedId !== null && selectedLayer !== null;
  const layer = selectedLayer ?? 'city';
  const filter: FilterSpecification = ['==', ['id'], active ? selectedId : -1];
  const common = {
    type: 'line',
    source: layer,
    'source-layer': layer,
    filter,
    layout: { visibility: active ? 'visible' : 'none', 'line-join': 'round' },
  } as const;
  return [
    {
      ...common,
      id: SELECTION_HALO_ID,
      paint: { 'line-color': HALO, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 5, 15, 9] },
    },
    {
      ...common,
      id: SELECTION_LINE_ID,
      paint: { 'line-color': SELECTION_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 15, 4.5] },
    },
  ];
}
