import { Type, type Static } from 'typebox';
import { Bbox } from './common.ts';

/** The map layers the server tiles. Names are ids in URLs: /tiles/{layer}/{z}/{x}/{y}.mvt */
export const LayerId = Type.Union(
  [
    Type.Literal('context'),
    Type.Literal('city'),
    Type.Literal('boroughs'),
    Type.Literal('quarters'),
    Type.Literal('districts'),
    Type.Literal('zensus'),
  ],
  { description: 'context: neighbouring regions; city: boundary; boroughs/quarters/districts: area levels; zensus: 100 m grid' },
);
export type LayerId = Static<typeof LayerId>;

export const LayerInfo = Type.Object({
  id: LayerId,
  minzoom: Type.Integer(),
  maxzoom: Type.Integer(),
  featureCount: Type.Integer(),
  attribution: Type.String({ description: 'Attribution of all datasets of the layer, joined with "; " (as in its TileJSON)' }),
  attributions: Type.Array(Type.String(), { description: 'Attribution of each dataset of the layer, as the licences require it' }),
  synthetic: Type.Boolean({ description: 'true when the layer holds generated geometry or figures' }),
});
export type LayerInfo = Static<typeof LayerInfo>;

export const TileParams = Type.Object({
  layer: Type.String(),
  z: Type.String(),
  x: Type.String(),
  y: Type.String(),
});

export const GeojsonQuery = Type.Object({
  bbox: Type.Optional(Type.String({ description: 'west,south,east,north in degrees' })),
});

export const TileJson = Type.Object({
  tilejson: Type.Literal('3.0.0'),
  name: Type.String(),
  tiles: Type.Array(Type.String()),
  minzoom: Type.Integer(),
  maxzoom: Type.Integer(),
  bounds: Bbox,
  attribution: Type.String(),
  vector_layers: Type.Array(
    Type.Object({ id: Type.String(), fields: Type.Record(Type.String(), Type.String()), minzoom: Type.Integer(), maxzoom: Type.Integer() }),
  ),
});
export type TileJson = Static<typeof TileJson>;

/**
 * Properties of an area feature in the `city`, `boroughs`, `quarters` and `districts`
 * layers, in tiles and GeoJSON alike (list-area-features.sql).
 */
export const AreaFeatureProperties = Type.Object({
  key: Type.String(),
  name: Type.String(),
  level: Type.String(),
  parent_name: Type.Optional(Type.String()),
  provenance: Type.String(),
  zensus_population: Type.Optional(Type.Integer()),
  area_km2: Type.Number(),
});
export type AreaFeatureProperties = Static<typeof AreaFeatureProperties>;

/** GeoJSON of a layer; geometry and properties are passed through as they are. */
export const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer(),
      properties: Type.Record(Type.String(), Type.Unknown()),
      geometry: Type.Object({}, { additionalProperties: true }),
    }),
  ),
});
