/**
 * Parsing of path and query values that JSON Schema cannot say enough about;
 * each failure names the parameter and the reason (400).
 */
import { badRequest } from '../plugins/error-handler.ts';
import { isLayerId, layerIds, mapLayers, type MapLayer } from '../queries/layers/map-layers.ts';
import { maxTileZoom } from '../tiles/tile-math.ts';

export function parseLayer(value: string): MapLayer {
  if (!isLayerId(value)) throw badRequest('layer', `unknown layer "${value}"; known layers: ${layerIds.join(', ')}`);
  return mapLayers[value];
}

function parseInteger(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw badRequest(name, `"${value}" is not a whole number`);
  const n = Number(value);
  if (n < min || n > max) throw badRequest(name, `${n} is outside ${min}–${max}`);
  return n;
}

/** z/x/y of a tile of `layer`: z within the layer's zooms, x and y within 0 … 2^z − 1. */
export function parseTile(layer: MapLayer, params: { z: string; x: string; y: string }) {
  const z = parseInteger('z', params.z, 0, maxTileZoom);
  if (z < layer.minzoom || z > layer.maxzoom) throw badRequest('z', `${z} is outside the zooms of layer ${layer.id} (${layer.minzoom}–${layer.maxzoom})`);
  const x = parseInteger('x', params.x, 0, 2 ** z - 1);
  const y = parseInteger('y', params.y, 0, 2 ** z - 1);
  return { z, x, y };
}

/** `west,south,east,north` in degrees. */
export function parseBbox(value: string): [number, number, number, number] {
  const parts = value.split(',');
  if (parts.length !== 4) throw badRequest('bbox', `"${value}" must be four numbers west,south,east,north`);
  const numbers = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  const bad = numbers.findIndex((n) => !Number.isFinite(n));
  if (bad >= 0) throw badRequest('bbox', `"${parts[bad]}" (${['west', 'south', 'east', 'north'][bad]}) is not a number`);
  const [west, south, east, north] = numbers;
  if (west < -180 || east > 180 || south < -90 || north > 90) throw badRequest('bbox', 'longitudes must lie within −180…180 and latitudes within −90…90');
  if (west >= east || south >= north) throw badRequest('bbox', 'west must be less than east and south less than north');
  return [west, south, east, north];
}
