/**
 * The one place where the two database engines differ: PostGIS encodes vector
 * tiles with ST_AsMVT; PGlite's PostGIS is built without protobuf-c, so there the
 * same features are read as GeoJSON and encoded in Node (geojson-vt + vt-pbf).
 * Which encoder runs is decided once, by probing ST_AsMVT, not by engine name,
 * so a PostGIS server without protobuf also falls back correctly.
 */
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type pg from 'pg';
import { loadSql } from '../db/sql-file.ts';
import { tileBbox } from './tile-math.ts';
import type { MapLayer } from '../queries/layers/map-layers.ts';

const sql = loadSql(import.meta.url, ['encode-mvt', 'as-geojson', 'probe-st-asmvt'] as const);

export type TileEncoderKind = 'st_asmvt' | 'node';

/** Tile extent and buffer in tile units; the same on both paths so tiles match. */
const extent = 4096;
const buffer = 64;

export async function detectTileEncoder(pool: pg.Pool): Promise<TileEncoderKind> {
  try {
    await pool.query(sql['probe-st-asmvt']);
    return 'st_asmvt';
  } catch {
    return 'node';
  }
}

/** Inserts a layer's features SQL into a wrapper and numbers the wrapper's own `$name` parameters after the layer's. */
export function composeSql(wrapper: string, featuresSql: string, paramCount: number, names: string[] = []): string {
  let composed = wrapper.replace('{{features}}', featuresSql.trim().replace(/;\s*$/, ''));
  names.forEach((name, i) => {
    composed = composed.replaceAll(`$${name}`, `$${paramCount + i + 1}`);
  });
  return composed;
}

export function layerParams(layer: MapLayer, cityAgs: string, bbox: [number, number, number, number]): unknown[] {
  return [cityAgs, ...bbox, ...layer.extraParams];
}

export interface GeojsonFeatureRow {
  id: number;
  props: Record<string, unknown>;
  geometry: GeoJSON.Geometry;
}

/** A layer's features in a bbox as GeoJSON rows (both engines). */
export async function listLayerFeatures(pool: pg.Pool, layer: MapLayer, cityAgs: string, bbox: [number, number, number, number]) {
  const params = layerParams(layer, cityAgs, bbox);
  const result = await pool.query<GeojsonFeatureRow>(composeSql(sql['as-geojson'], layer.featuresSql, params.length), params);
  return result.rows;
}

/**
 * Encodes tile z/x/y of a layer. Returns an empty buffer when no feature falls
 * into the tile. Both paths read the same features: those meeting the tile's
 * bbox grown by the tile buffer.
 */
export async function encodeTile(
  pool: pg.Pool,
  kind: TileEncoderKind,
  layer: MapLayer,
  cityAgs: string,
  z: number,
  x: number,
  y: number,
): Promise<Buffer> {
  const bbox = tileBbox(z, x, y, buffer / extent);
  const params = layerParams(layer, cityAgs, bbox);
  if (kind === 'st_asmvt') {
    const query = composeSql(sql['encode-mvt'], layer.featuresSql, params.length, ['z', 'x', 'y', 'name']);
    const result = await pool.query<{ mvt: Buffer | null }>(query, [...params, z, x, y, layer.id]);
    return result.rows[0]?.mvt ?? Buffer.alloc(0);
  }
  const rows = await listLayerFeatures(pool, layer, cityAgs, bbox);
  if (rows.length === 0) return Buffer.alloc(0);
  const collection: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: rows.map((row) => ({ type: 'Feature', id: row.id, properties: row.props, geometry: row.geometry })),
  };
  const tile = geoJSONToTile(collection, z, x, y, { extent, buffer, clip: true, maxZoom: Math.max(z, 1) });
  if (!tile) return Buffer.alloc(0);
  const features = (tile.features as TileFeature[]).filter(hasExtent);
  if (features.length === 0) return Buffer.alloc(0);
  tile.features = features as typeof tile.features;
  return Buffer.from(fromGeojsonVt({ [layer.id]: tile }, { version: 2, extent }));
}

type TileFeature = NonNullable<ReturnType<typeof geoJSONToTile>>['features'][number];

/**
 * ST_AsMVTGeom drops polygons that collapse to zero area on the tile grid (a cell
 * that only grazes the buffer edge); geojson-vt keeps them as slivers. Dropping
 * them here makes both paths return the same features.
 */
function hasExtent(feature: TileFeature): boolean {
  if (feature.type !== 3) return true;
  return (feature.geometry as number[][][]).some((ring) => {
    let twiceArea = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) twiceArea += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
    return twiceArea !== 0;
  });
}
