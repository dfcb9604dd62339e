/**
 * The composed style is checked with MapLibre's own validator and expression engine
 * (`@maplibre/maplibre-gl-style-spec`, which maplibre-gl itself depends on), so a spec
 * that MapLibre would reject or mis-evaluate fails here, without a browser.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { baseStyle } from './base-style.ts';
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
  hasZensus: true,
  zensusVisible: false,
  zensusMode: 'population',
  selection: { selectedId: null, selectedLayer: null },
};

function style(layers = mapLayers(options)): StyleSpecification {
  const base = baseStyle();
  return {
    ...base,
    sources: tileSources('http://localhost:8080', ['context', 'city', 'boroughs', 'quarters', 'districts', 'zensus'], undefined, [7.12, 51.5, 7.3, 51.58]),
    layers: [...base.layers, ...layers],
  };
}

describe('mapLayers', () => {
  it('builds a valid, self-contained style', () => {
    const s = style();
    expect(validateStyleMin(s)).toEqual([]);
    expect(s).not.toHaveProperty('glyphs');
    expect(s).not.toHaveProperty('sprite');
    expect(s.layers.filter((l) => l.type === 'symbol')).toEqual([]);
  });

  it('stays valid with every option switched', () => {
    const variants: Partial<MapLayersOptions>[] = [
      { zensusVisible: true, zensusMode: 'share' },
      { contextVisible: false, onBasemap: true },
      { areasVisible: false, areaProvenance: null, colouring: new Map() },
      { areaLayer: 'districts', areaProvenance: 'official' },
      { selection: { selectedId: 7, selectedLayer: 'boroughs' } },
      { hasZensus: false },
    ];
    for (const variant of variants) expect(validateStyleMin(style(mapLayers({ ...options, ...variant })))).toEqual([]);
  });

  it('draws in the documented order', () => {
    expect(mapLayers(options).map((l) => l.id)).toEqual([
      'context-fill',
      'context-line',
      'city-fill',
      'area-fill',
      'zensus-fill',
      'area-line',
      'area-hover',
      'city-halo',
      'city-line',
      'selection-halo',
      'selection-line',
    ]);
  });

  it('has no zensus layer for a city without a grid', () => {
    expect(mapLayers({ ...options, hasZensus: false }).some((l) => l.id === 'zensus-fill')).toBe(false);
  });

  it('reads every layer from the source-layer named like its source', () => {
    for (const layer of mapLayers(options)) {
      if ('source' in layer) expect(layer['source-layer']).toBe(layer.source);
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
