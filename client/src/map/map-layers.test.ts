/**
 * The composed style is checked with MapLibre's own validator and expression engine
 * (`@maplibre/maplibre-gl-style-spec`, which maplibre-gl itself depends on), so a spec
 * that MapLibre would reject or mis-evaluate fails here, without a browser.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { baseStyle } from './base-style.ts';
import { HEX_SOURCE } from './layers/analysis-layer.ts';
import { propertiesSource } from './layers/properties-layer.ts';
import { mapLayers, type MapLayersOptions } from './map-layers.ts';
import { tileSources } from './tile-sources.ts';

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
  theme: 'areas',
  residentBreaks: [95, 250, 350, 400],
  coverageGaps: { no_case_manager: [13], no_language_match: [12, 14], no_recent_visit: [] },
  highlightedAreas: [],
  hasZensus: true,
  zensusVisible: false,
  zensusMode: 'population',
  zensusMinResidents: 30,
  propertiesVisible: true,
  selectedProperty: null,
  selection: { selectedId: null, selectedLayer: null },
  analysis: null,
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
      { theme: 'residents' },
      { theme: 'residents', residentBreaks: [] },
      { theme: 'coverage', highlightedAreas: [11, 12] },
      { theme: 'coverage', zensusVisible: true },
      { propertiesVisible: false, selectedProperty: 3 },
      { theme: 'analysis', analysis: { colours: ['#ffffcc', '#800026'], hexagons: false, selectedHex: null } },
      { theme: 'analysis', analysis: { colours: [], hexagons: true, selectedHex: '891f1d48177ffff' } },
    ];
    for (const variant of variants) expect(validateStyleMin(style(mapLayers({ ...options, ...variant })))).toEqual([]);
  });

  it('draws in the documented order', () => {
    expect(mapLayers(options).map((l) => l.id)).toEqual([
      'context-fill',
      'context-line',
      'city-fill',
      'area-fill',
      'hex-fill',
      'coverage-none-fill',
      'coverage-highlight-fill',
      'zensus-fill',
      'area-line',
      'area-hover',
      'hex-line',
      'hex-selected',
      'coverage-none-line',
      'coverage-language-line',
      'coverage-visit-line',
      'coverage-highlight-line',
      'city-halo',
      'city-line',
      'selection-halo',
      'selection-line',
      'property-cluster-other',
      'property-cluster',
      'property-cluster-count',
      'property-point',
      'property-selected',
    ]);
  });

  it('keeps the same layers in every thematic mode, so switching only sets properties', () => {
    const ids = (theme: MapLayersOptions['theme']) => mapLayers({ ...options, theme }).map((l) => l.id);
    expect(ids('residents')).toEqual(ids('areas'));
    expect(ids('coverage')).toEqual(ids('areas'));
    expect(ids('analysis')).toEqual(ids('areas'));
  });

  it('draws hexagons only in the analysis theme with a grid, and clears the area fill under them', () => {
    const layersOf = (patch: Partial<MapLayersOptions>) => mapLayers({ ...options, ...patch });
    const visibility = (layers: ReturnType<typeof mapLayers>, id: string) => layers.find((l) => l.id === id)!.layout?.visibility;
    const opacity = (layers: ReturnType<typeof mapLayers>) => JSON.stringify(layers.find((l) => l.id === 'area-fill')!.paint);
    const onGrid = layersOf({ theme: 'analysis', analysis: { colours: ['#000000'], hexagons: true, selectedHex: null } });
    const onAreas = layersOf({ theme: 'analysis', analysis: { colours: ['#000000'], hexagons: false, selectedHex: null } });
    expect(visibility(onGrid, 'hex-fill')).toBe('visible');
    expect(visibility(onAreas, 'hex-fill')).toBe('none');
    expect(visibility(layersOf({ theme: 'residents', analysis: { colours: [], hexagons: true, selectedHex: null } }), 'hex-fill')).toBe('none');
    expect(opacity(onGrid)).toContain(',0]');
    expect(opacity(onAreas)).toContain('0.85');
  });

  it('shows the coverage marks only in the coverage mode', () => {
    const visibility = (theme: MapLayersOptions['theme']) =>
      mapLayers({ ...options, theme })
        .filter((l) => l.id.startsWith('coverage-'))
        .map((l) => l.layout?.visibility);
    expect(new Set(visibility('coverage'))).toEqual(new Set(['visible']));
    expect(new Set(visibility('residents'))).toEqual(new Set(['none']));
  });

  it('has no zensus layer for a city without a grid', () => {
    expect(mapLayers({ ...options, hasZensus: false }).some((l) => l.id === 'zensus-fill')).toBe(false);
  });

  it('reads every tile layer from the source-layer named like its source', () => {
    // properties and hexagons are GeoJSON sources: they have no source-layer.
    const geojson = ['properties', HEX_SOURCE];
    for (const layer of mapLayers(options)) {
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
