/**
 * Parsing of path and query values that JSON Schema cannot say enough about;
 * each failure names the parameter and the reason (400).
 */
import { badRequest } from '../plugins/error-handler.ts';
import { isLayerId, layerIds, mapLayers, type MapLayer } from '../queries/layers/map-layers.ts';
import { maxTileZoom } from '../tiles/tile-math.ts';

/** A value quoted back in a message: never thousands of characters. */
const quote = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function parseLayer(value: string): MapLayer {
  if (!isLayerId(value)) {
    throw badRequest('layer', { en: `unknown layer ${quote(value)}; known layers: ${layerIds.join(', ')}`, de: `unbekannte Ebene ${quote(value)}; bekannte Ebenen: ${layerIds.join(', ')}` }, 'enum');
  }
  return mapLayers[value];
}

function parseInteger(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw badRequest(name, { en: `${quote(value)} is not a whole number`, de: `${quote(value)} ist keine ganze Zahl` }, 'type');
  const n = Number(value);
  if (n < min || n > max) throw badRequest(name, { en: `${n} is outside ${min}–${max}`, de: `${n} liegt außerhalb von ${min}–${max}` }, 'out_of_range');
  return n;
}

/** z/x/y of a tile of `layer`: z within the layer's zooms, x and y within 0 … 2^z − 1. */
export function parseTile(layer: MapLayer, params: { z: string; x: string; y: string }) {
  const z = parseInteger('z', params.z, 0, maxTileZoom);
  if (z < layer.minzoom || z > layer.maxzoom) {
    throw badRequest('z', { en: `${z} is outside the zooms of layer ${layer.id} (${layer.minzoom}–${layer.maxzoom})`, de: `${z} liegt außerhalb der Zoomstufen der Ebene ${layer.id} (${layer.minzoom}–${layer.maxzoom})` }, 'out_of_range');
  }
  const x = parseInteger('x', params.x, 0, 2 ** z - 1);
  const y = parseInteger('y', params.y, 0, 2 ** z - 1);
  return { z, x, y };
}

/** `west,south,east,north` in degrees. */
export function parseBbox(value: string): [number, number, number, number] {
  const parts = value.split(',');
  if (parts.length !== 4) throw badRequest('bbox', { en: `${quote(value)} must be four numbers west,south,east,north`, de: `${quote(value)} muss aus vier Zahlen West,Süd,Ost,Nord bestehen` }, 'format');
  const numbers = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  const bad = numbers.findIndex((n) => !Number.isFinite(n));
  if (bad >= 0) {
    const side = { en: ['west', 'south', 'east', 'north'][bad], de: ['West', 'Süd', 'Ost', 'Nord'][bad] };
    throw badRequest('bbox', { en: `${quote(parts[bad])} (${side.en}) is not a number`, de: `${quote(parts[bad])} (${side.de}) ist keine Zahl` }, 'not_a_number');
  }
  const [west, south, east, north] = numbers;
  if (west < -180 || east > 180 || south < -90 || north > 90) {
    throw badRequest('bbox', { en: 'longitudes must lie within −180…180 and latitudes within −90…90', de: 'Längengrade müssen in −180…180 und Breitengrade in −90…90 liegen' }, 'out_of_range');
  }
  if (west >= east || south >= north) throw badRequest('bbox', { en: 'west must be less than east and south less than north', de: 'West muss kleiner als Ost und Süd kleiner als Nord sein' }, 'out_of_range');
  return [west, south, east, north];
}
