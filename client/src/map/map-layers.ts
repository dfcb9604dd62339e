/**
 * All MapLibre layers this app adds, bottom to top. The order is the draw order:
 *
 * 1. context-fill, context-line   neighbouring cities (grey)
 * 2. city-fill                    transparent click target for the city itself
 * 3. area-fill                    the chosen area level: neutral colours, or the theme's
 *                                 `areaFill` (residents classes, coverage colours, analysis classes)
 * 4. the theme's fills            e.g. the analysis hexagons, the coverage hatching and highlight
 * 5. zensus-fill                  100 m grid, above area fills so its colours stay true
 * 6. area-line, area-hover        area borders above the grid
 * 7. the theme's lines            e.g. hexagon outlines, coverage gap marks inside the borders
 * 8. city-halo, city-line         the city boundary, always on top of areas
 * 9. selection-halo/-line         the selected area
 * 10. property-*                  clusters and points of properties, the selected one
 * (11. deck.gl labels             added by the overlay after these, see map-view.tsx)
 *
 * Themes only add layers at 3 (a colour), 4 and 7 (`ThemeMapLayers`): whatever a theme
 * draws, the grid, the borders, the boundary, the selection and the properties stay readable.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { Provenance } from '../../../server/src/schemas/common.ts';
import type { AreaLayerId } from '../state/area-layer-id.ts';
import type { ZensusMode } from '../state/url-state.ts';
import { areaLayer } from './layers/area-layer.ts';
import { cityLayer } from './layers/city-layer.ts';
import { contextLayer } from './layers/context-layer.ts';
import { propertiesLayer } from './layers/properties-layer.ts';
import { selectionLayer, type SelectionLayerOptions } from './layers/selection-layer.ts';
import { zensusLayer } from './layers/zensus-layer.ts';
import type { ThemeMapLayers } from './theme-layers.ts';

export interface MapLayersOptions {
  onBasemap: boolean;
  contextVisible: boolean;
  areaLayer: AreaLayerId;
  areaProvenance: Provenance | null;
  areasVisible: boolean;
  colouring: ReadonlyMap<number, number>;
  /** What the shown theme adds: the area fill's colour, its fills and lines (see the draw order above). */
  theme: ThemeMapLayers;
  /** False for a city without a grid: then no zensus layer (and no source) exists. */
  hasZensus: boolean;
  zensusVisible: boolean;
  zensusMode: ZensusMode;
  /** The server's suppression threshold for Zensus cells. */
  zensusMinResidents: number;
  propertiesVisible: boolean;
  selectedProperty: number | null;
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
    thematic: options.theme.areaFill,
  });
  return [
    ...contextLayer({ visible: options.contextVisible, onBasemap: options.onBasemap }),
    ...city.below,
    areas.fill,
    ...options.theme.fills,
    ...(options.hasZensus
      ? [zensusLayer({ visible: options.zensusVisible, mode: options.zensusMode, minResidents: options.zensusMinResidents })]
      : []),
    ...areas.lines,
    ...options.theme.lines,
    ...city.above,
    ...selectionLayer(options.selection),
    ...propertiesLayer({ visible: options.propertiesVisible, selectedId: options.selectedProperty }),
  ];
}
