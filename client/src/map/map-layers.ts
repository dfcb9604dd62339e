/**
 * All MapLibre layers this app adds, bottom to top. The order is the draw order:
 *
 * 1. context-fill, context-line   neighbouring cities (grey)
 * 2. city-fill                    transparent click target for the city itself
 * 3. area-fill                    the chosen area level: neutral colours, the residents
 *                                 choropleth, the coverage colours or the analysis classes
 *    hex-fill                     the analysis theme's H3 hexagons (area-fill then clear)
 * 4. coverage-none-fill,          red hatching of areas nobody covers; the highlighted
 *    coverage-highlight-fill      case manager's areas
 * 5. zensus-fill                  100 m grid, above area fills so its colours stay true
 * 6. area-line, area-hover        area borders above the grid
 *    hex-line, hex-selected       hexagon outlines, the selected hexagon
 * 7. coverage-*-line              gap marks inside the borders, highlight outline
 * 8. city-halo, city-line         the city boundary, always on top of areas
 * 9. selection-halo/-line         the selected area
 * 10. property-*                  clusters and points of properties, the selected one
 * (11. deck.gl labels             added by the overlay after these, see map-view.tsx)
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { Provenance } from '../../../server/src/schemas/common.ts';
import type { AreaLayerId } from '../state/area-layer-id.ts';
import type { Theme, ZensusMode } from '../state/url-state.ts';
import type { CoverageGap } from './coverage-colouring.ts';
import { analysisFillColour, hexLayer } from './layers/analysis-layer.ts';
import { areaLayer } from './layers/area-layer.ts';
import { cityLayer } from './layers/city-layer.ts';
import { contextLayer } from './layers/context-layer.ts';
import { coverageFillColour, coverageLayer } from './layers/coverage-layer.ts';
import { propertiesLayer } from './layers/properties-layer.ts';
import { residentsFillColour } from './layers/residents-layer.ts';
import { selectionLayer, type SelectionLayerOptions } from './layers/selection-layer.ts';
import { zensusLayer } from './layers/zensus-layer.ts';

export interface MapLayersOptions {
  onBasemap: boolean;
  contextVisible: boolean;
  areaLayer: AreaLayerId;
  areaProvenance: Provenance | null;
  areasVisible: boolean;
  colouring: ReadonlyMap<number, number>;
  /** What the area fill shows. */
  theme: Theme;
  /** Class breaks of the residents choropleth (see class-breaks.ts). */
  residentBreaks: readonly number[];
  /** Area ids per coverage gap (coverage mode). */
  coverageGaps: Readonly<Record<CoverageGap, readonly number[]>>;
  /** Areas of the case manager picked in the coverage table. */
  highlightedAreas: readonly number[];
  /** False for a city without a grid: then no zensus layer (and no source) exists. */
  hasZensus: boolean;
  zensusVisible: boolean;
  zensusMode: ZensusMode;
  /** The server's suppression threshold for Zensus cells. */
  zensusMinResidents: number;
  propertiesVisible: boolean;
  selectedProperty: number | null;
  selection: SelectionLayerOptions;
  /**
   * The analysis theme: colours of its classes (index = the `cls` feature state), and
   * whether its units are H3 hexagons. null: another theme.
   */
  analysis: { colours: readonly string[]; hexagons: boolean; selectedHex: string | null } | null;
}

const NO_GAPS: Record<CoverageGap, number[]> = { no_case_manager: [], no_language_match: [], no_recent_visit: [] };

export function mapLayers(options: MapLayersOptions): LayerSpecification[] {
  const city = cityLayer();
  const analysis = options.theme === 'analysis' ? options.analysis : null;
  const thematic =
    options.theme === 'residents'
      ? { colour: residentsFillColour(options.residentBreaks), opacity: 0.85 }
      : options.theme === 'coverage'
        ? { colour: coverageFillColour(), opacity: 0.8 }
        : analysis
          ? // Over hexagons the areas keep only their borders, for orientation.
            { colour: analysisFillColour(analysis.colours), opacity: analysis.hexagons ? 0 : 0.85 }
          : undefined;
  const hexes = hexLayer({
    visible: analysis?.hexagons ?? false,
    colours: analysis?.colours ?? [],
    selectedHex: analysis?.selectedHex ?? null,
  });
  const areas = areaLayer({
    layer: options.areaLayer,
    provenance: options.areaProvenance,
    colouring: options.colouring,
    zensusVisible: options.hasZensus && options.zensusVisible,
    visible: options.areasVisible,
    thematic,
  });
  const coverageVisible = options.theme === 'coverage' && options.areasVisible;
  const coverage = coverageLayer({
    layer: options.areaLayer,
    visible: coverageVisible,
    gaps: coverageVisible ? options.coverageGaps : NO_GAPS,
    highlighted: coverageVisible ? options.highlightedAreas : [],
  });
  return [
    ...contextLayer({ visible: options.contextVisible, onBasemap: options.onBasemap }),
    ...city.below,
    areas.fill,
    hexes.fill,
    ...coverage.fills,
    ...(options.hasZensus
      ? [zensusLayer({ visible: options.zensusVisible, mode: options.zensusMode, minResidents: options.zensusMinResidents })]
      : []),
    ...areas.lines,
    ...hexes.lines,
    ...coverage.lines,
    ...city.above,
    ...selectionLayer(options.selection),
    ...propertiesLayer({ visible: options.propertiesVisible, selectedId: options.selectedProperty }),
  ];
}
