import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../plugins/error-handler.ts';
import { publicOrigin } from '../plugins/public-origin.ts';
import { getCity } from '../queries/city/city.ts';
import { listLayerSummaries } from '../queries/layers/layers.ts';
import { layerIds, mapLayers } from '../queries/layers/map-layers.ts';
import { ErrorResponse } from '../schemas/common.ts';
import { FeatureCollection, GeojsonQuery, LayerInfo, TileJson, TileParams } from '../schemas/layer.ts';
import { encodeTile, listLayerFeatures } from '../tiles/tile-encoder.ts';
import { parseBbox, parseLayer, parseTile } from './parse-params.ts';

/**
 * Tiles change only when data is imported; a minute of caching plus an ETag keeps
 * panning cheap while an import shows up within a minute.
 */
const tileCacheControl = 'public, max-age=60';
const worldBbox: [number, number, number, number] = [-180, -85.0511, 180, 85.0511];

export const layerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { pool, config } = app.ctx;

  app.get('/api/layers', { schema: { tags: ['layers'], summary: 'The map layers with feature counts and attribution', response: { 200: Type.Array(LayerInfo) } } }, async () => {
    const summaries = await listLayerSummaries(pool, config.cityAgs);
    return layerIds.map((id) => {
      const summary = summaries.get(id);
      return {
        id,
        minzoom: mapLayers[id].minzoom,
        maxzoom: mapLayers[id].maxzoom,
        featureCount: summary?.featureCount ?? 0,
        attribution: (summary?.attributions ?? []).join('; '),
        attributions: summary?.attributions ?? [],
        synthetic: summary?.synthetic ?? false,
      };
    });
  });

  app.get(
    '/api/layers/:layer.geojson',
    {
      schema: {
        tags: ['layers'],
        summary: 'A layer as GeoJSON, optionally limited to a bbox',
        params: Type.Object({ layer: Type.String() }),
        querystring: GeojsonQuery,
        response: { 200: FeatureCollection, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const layer = parseLayer(request.params.layer);
      const bbox = request.query.bbox === undefined ? worldBbox : parseBbox(request.query.bbox);
      const rows = await listLayerFeatures(pool, layer, config.cityAgs, bbox);
      reply.type('application/geo+json');
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((row) => ({ type: 'Feature' as const, id: row.id, properties: row.props, geometry: row.geometry })),
      };
    },
  );

  app.get(
    '/tiles/:layer.json',
    { schema: { tags: ['tiles'], summary: 'TileJSON 3.0 of a layer', params: Type.Object({ layer: Type.String() }), response: { 200: TileJson, 400: ErrorResponse } } },
    async (request) => {
      const layer = parseLayer(request.params.layer);
      const [city, summaries] = await Promise.all([getCity(pool, config.cityAgs), listLayerSummaries(pool, config.cityAgs)]);
      if (!city) throw notFound({ en: `City ${config.cityAgs}`, de: `Stadt ${config.cityAgs}` });
      const margin = layer.id === 'context' ? 0.5 : 0;
      const [w, s, e, n] = city.bbox;
      return {
        tilejson: '3.0.0' as const,
        name: layer.id,
        tiles: [`${publicOrigin(app)}/tiles/${layer.id}/{z}/{x}/{y}.mvt`],
        minzoom: layer.minzoom,
        maxzoom: layer.maxzoom,
        bounds: [w - margin, s - margin, e + margin, n + margin] as [number, number, number, number],
        attribution: (summaries.get(layer.id)?.attributions ?? []).join('; '),
        vector_layers: [{ id: layer.id, fields: layer.fields, minzoom: layer.minzoom, maxzoom: layer.maxzoom }],
      };
    },
  );

  app.get(
    '/tiles/:layer/:z/:x/:y.mvt',
    {
      schema: {
        tags: ['tiles'],
        summary: 'A Mapbox vector tile of a layer (204 when empty)',
        params: TileParams,
        response: { 200: Type.Any({ description: 'application/vnd.mapbox-vector-tile' }), 204: Type.Null(), 304: Type.Null(), 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const layer = parseLayer(request.params.layer);
      const { z, x, y } = parseTile(layer, request.params);
      const tile = await encodeTile(pool, app.ctx.tileEncoder, layer, config.cityAgs, z, x, y);
      reply.header('Cache-Control', tileCacheControl);
      if (tile.length === 0) return reply.code(204).send(null);
      const etag = `"${createHash('sha1').update(tile).digest('base64url')}"`;
      reply.header('ETag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      return reply.type('application/vnd.mapbox-vector-tile').send(tile);
    },
  );
};
