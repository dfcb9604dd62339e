/**
 * The composed style is checked with MapLibre's own validator and expression engine
 * (`@maplibre/maplibre-gl-style-spec`, which maplibre-gl itself depends on), so a spec
 * that MapLibre would reject or mis-evaluate fails here, without a browser.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { baseStyle } from './base-style.ts';
import { analysisFillColour, HEX_SOURCE, hexLayer } from './layers/analysis-layer.ts';
import { coverageFillColour, coverageLayer } from './layers/coverage-layer.ts';
import { propertiesSource } from './layers/properties-layer.ts';
import { residentsFillColour } from './layers/residents-layer.ts';
import { mapLayers, type MapLayersOptions } from './map-layers.ts';
import { NO_THEME_LAYERS, type ThemeMapLayers } from './theme-layers.ts';
import { tileSources } from './tile-sources.ts';

// What the themes hand the map (features/*/…-theme.tsx build the same from their data).
const residents: ThemeMapLayers = { areaFill: { colour: residentsFillColour([95, 250, 350, 400]), opacity: 0.85 }, fills: [], lines: [] };
const coverage = (highlighted: number[] = []): ThemeMapLayers => {
  const marks = coverageLayer({
    layer: 'quarters',
    visible: true,
    gaps: { no_case_manager: [13], no_language_match: [12, 14], no_recent_visit: [] },
    highlighted,
  });
  return { areaFill: { colour: coverageFillColour(), opacity: 0.8 }, fills: marks.fills, lines: marks.lines };
};
const analysis = (colours: string[], hexagons: boolean, selectedHex: string | null = null): ThemeMapLayers => {
  const hexes = hexLayer({ visible: hexagons, colours, selectedHex });
  return { areaFill: { colour: analysisFillColour(colours), opacity: hexagons ? 0 : 0.85 }, fills: [hexes.fill], lines: hexes.lines };
};

const options: MapLayersOptions = {
  onBasemap: false,
  contextVisible: true,
  areaLayer: 'quarters',
  areaProvenance: 'synthetic',
  areasVisible: true,
  colouring: new Map([
    [11, 0],
    [12, 1],
  ]),
  theme: NO_THEME_LAYERS,
  hasZensus: true,
  zensusVisible: false,
  zensusMode: 'population',
  zensusMinResidents: 30,
  propertiesVisible: true,
  selectedProperty: null,
  selection: { selectedId: null, selectedLayer: null },
};

function style(layers = mapLayers(options)): StyleSpecification {
  const base = baseStyle();
  return {
    ...base,
    sources: {
      ...tileSources('http://localhost:8080', ['context', 'city', 'boroughs', 'quarters', 'districts', 'zensus'], undefined, [7.12, 51.5, 7.3, 51.58]),
      properties: propertiesSource('http://localhost:8080/api/properties.geojson?month=2026-10'),
      [HEX_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [...base.layers, ...layers],
  };
}

describe('mapLayers', () => {
  it('builds a valid, self-contained style', () => {
    const s = style();
    expect(validateStyleMin(s)).toEqual([]);
    expect(s).not.toHaveProperty('glyphs');
    expect(s).not.toHaveProperty('sprite');
    // Symbol layers only with icons the map view draws itself (cluster numbers), never text: no glyphs are needed.
    for (const layer of s.layers.filter((l) => l.type === 'symbol')) {
      expect(layer.layout).not.toHaveProperty('text-field');
      expect(layer.layout).toHaveProperty('icon-image');
    }
  });

  it('stays valid with every option switched', () => {
    const variants: Partial<MapLayersOptions>[] = [
      { zensusVisible: true, zensusMode: 'share' },
      { contextVisible: false, onBasemap: true },
      { areasVisible: false, areaProvenance: null, colouring: new Map() },
      { areaLayer: 'districts', areaProvenance: 'official' },
      { selection: { selectedId: 7, selectedLayer: 'boroughs' } },
      { hasZensus: false },
      { theme: residents },
      { theme: { ...residents, areaFill: { colour: residentsFillColour([]), opacity: 0.85 } } },
      { theme: coverage([11, 12]) },
      { theme: coverage(), zensusVisible: true },
      { propertiesVisible: false, selectedProperty: 3 },
      { theme: analysis(['#ffffcc', '#800026'], false) },
      { theme: analysis([], true, '891f1d48177ffff') },
    ];
    for (const variant of variants) expect(validateStyleMin(style(mapLayers({ ...options, ...variant })))).toEqual([]);
  });

  it('draws in the documented order: theme fills above the area fill, theme lines above the borders', () => {
    const shared = ['context-fill', 'context-line', 'city-fill', 'area-fill', 'zensus-fill', 'area-line', 'area-hover'];
    const top = [
      'city-halo',
      'city-line',
      'selection-halo',
      'selection-line',
      'property-cluster-other',
      'property-cluster',
      'property-cluster-count',
      'property-point',
      'property-selected',
    ];
    expect(mapLayers(options).map((l) => l.id)).toEqual([...shared, ...top]);
    expect(mapLayers({ ...options, theme: coverage() }).map((l) => l.id)).toEqual([
      ...shared.slice(0, 4),
      'coverage-none-fill',
      'coverage-highlight-fill',
      'zensus-fill',
      'area-line',
      'area-hover',
      'coverage-none-line',
      'coverage-language-line',
      'coverage-visit-line',
      'coverage-highlight-line',
      ...top,
    ]);
    expect(mapLayers({ ...options, theme: analysis(['#000000'], true) }).map((l) => l.id)).toEqual([
      ...shared.slice(0, 4),
      'hex-fill',
      'zensus-fill',
      'area-line',
      'area-hover',
      'hex-line',
      'hex-selected',
      ...top,
    ]);
  });

  it('colours the area fill with the theme colour, the neutral colours without one', () => {
    const fill = (theme: ThemeMapLayers) => mapLayers({ ...options, theme }).find((l) => l.id === 'area-fill')!.paint as Record<string, unknown>;
    expect(fill(residents)['fill-color']).toEqual(residents.areaFill!.colour);
    expect(fill(NO_THEME_LAYERS)['fill-color']).not.toEqual(residents.areaFill!.colour);
    // Over hexagons the areas keep only their borders.
    expect(JSON.stringify(fill(analysis(['#000000'], true))['fill-opacity'])).toContain(',0]');
    expect(JSON.stringify(fill(analysis(['#000000'], false))['fill-opacity'])).toContain('0.85');
  });

  it('has no zensus layer for a city without a grid', () => {
    expect(mapLayers({ ...options, hasZensus: false }).some((l) => l.id === 'zensus-fill')).toBe(false);
  });

  it('reads every tile layer from the source-layer named like its source', () => {
    // properties and hexagons are GeoJSON sources: they have no source-layer.
    const geojson = ['properties', HEX_SOURCE];
    for (const layer of [...mapLayers(options), ...mapLayers({ ...options, theme: coverage() })]) {
      if ('source' in layer && !geojson.includes(layer.source)) expect(layer['source-layer']).toBe(layer.source);
    }
  });
});

describe('tileSources', () => {
  const bbox: [number, number, number, number] = [7.12, 51.5, 7.3, 51.58];
  it('writes tile URLs, zooms and the city bounds from the layer list', () => {
    const infos = [
      { id: 'city' as const, minzoom: 6, maxzoom: 16 },
      { id: 'context' as const, minzoom: 4, maxzoom: 14 },
    ];
    expect(tileSources('http://localhost:8080', ['city', 'context'], infos, bbox)).toEqual({
      city: { type: 'vector', tiles: ['http://localhost:8080/tiles/city/{z}/{x}/{y}.mvt'], minzoom: 6, maxzoom: 16, bounds: bbox },
      context: { type: 'vector', tiles: ['http://localhost:8080/tiles/context/{z}/{x}/{y}.mvt'], minzoom: 4, maxzoom: 14 },
    });
  });
  it('falls back to the TileJSON of a layer the list does not have', () => {
    expect(tileSources('http://localhost:8080', ['city'], undefined, bbox)).toEqual({
      city: { type: 'vector', url: 'http://localhost:8080/tiles/city.json' },
    });
  });
});
