/**
 * All MapLibre layers this app adds, bottom to top. The order is the draw order:
 *
 * 1. context-fill, context-line   neighbouring cities (grey)
 * 2. city-fill                    transparent click target for the city itself
 * 3. area-fill                    the chosen area level, one pale colour per area
 * 4. zensus-fill                  100 m grid, above area fills so its colours stay true
 * 5. area-line, area-hover        area borders above the grid
 * 6. city-halo, city-line         the city boundary, always on top of areas
 * 7. selection-halo/-line         the selected area
 * (8. deck.gl labels              added by the overlay after these, see map-view.tsx)
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { Provenance } from '../../../server/src/schemas/common.ts';
import type { AreaLayerId } from '../state/area-layer-id.ts';
import type { ZensusMode } from '../state/url-state.ts';
import { areaLayer } from './layers/area-layer.ts';
import { cityLayer } from './layers/city-layer.ts';
import { contextLayer } from './layers/context-layer.ts';
import { selectionLayer, type SelectionLayerOptions } from './layers/selection-layer.ts';
import { zensusLayer } from './layers/zensus-layer.ts';

export interface MapLayersOptions {
  onBasemap: boolean;
  contextVisible: boolean;
  areaLayer: AreaLayerId;
  areaProvenance: Provenance | null;
  areasVisible: boolean;
  colouring: ReadonlyMap<number, number>;
  /** False for a city without a grid: then no zensus layer (and no source) exists. */
  hasZensus: boolean;
  zensusVisible: boolean;
  zensusMode: ZensusMode;
  selection: SelectionLayerOptions;
}

export function mapLayers(options: MapLayersOptions): LayerSpecification[] {
  const city = cityLayer();
  const areas = areaLayer({
    layer: options.areaLayer,
    provenance: options.areaProvenance,
    colouring: options.colouring,
    zensusVisible: options.hasZensus && options.zensusVisible,
    visible: options.areasVisible,
  });
  return [
    ...contextLayer({ visible: options.contextVisible, onBasemap: options.onBasemap }),
    ...city.below,
    areas.fill,
    ...(options.hasZensus ? [zensusLayer({ visible: options.zensusVisible, mode: options.zensusMode })] : []),
    ...areas.lines,
    ...city.above,
    ...selectionLayer(options.selection),
  ];
}
