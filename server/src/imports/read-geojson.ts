/**
 * A GeoJSON FeatureCollection → its features, numbered from 1 (the "row" of an
 * error). Coordinates are lon/lat (RFC 7946); a legacy `crs` member naming
 * EPSG:25832 is honoured, since German GIS exports often carry one.
 */
import type { FoundError } from './error-list.ts';
import { reasons, type Reason } from './reasons.ts';

export type Crs = 4326 | 25832;

export interface GeojsonFeature {
  row: number;
  /** null when the feature is not an object with a properties object. */
  properties: Record<string, unknown> | null;
  geometry: unknown;
}

export type ReadGeojson = { crs: Crs; features: GeojsonFeature[] } | { error: FoundError };

const fileError = (reason: Reason, field = '', value = ''): ReadGeojson => ({ error: { row: 0, field, value, reason } });

export function readGeojson(text: string): ReadGeojson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fileError(reasons.notJson((error as Error).message, lineAndColumn((error as Error).message, text)));
  }
  const collection = json as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (typeof json !== 'object' || json === null || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return fileError(reasons.notFeatureCollection());
  }
  let crs: Crs = 4326;
  const crsName = collection.crs?.properties?.name;
  if (crsName !== undefined) {
    const code = /(?:EPSG::?|EPSG\/0\/)(\d+)$/i.exec(String(crsName))?.[1];
    if (/CRS84$/i.test(String(crsName)) || code === '4326') crs = 4326;
    else if (code === '25832') crs = 25832;
    else return fileError(reasons.unsupportedCrs(String(crsName)), 'crs', String(crsName));
  }
  const features = (collection.features as unknown[]).map((f, i): GeojsonFeature => {
    const feature = f as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    const ok = typeof feature === 'object' && feature !== null && feature.type === 'Feature';
    const properties = ok && typeof feature.properties === 'object' && feature.properties !== null && !Array.isArray(feature.properties) ? (feature.properties as Record<string, unknown>) : null;
    return { row: i + 1, properties: ok ? (properties ?? {}) : null, geometry: ok ? feature.geometry : undefined };
  });
  return { crs, features };
}

/** "… at position 300" → line 4, column 12: editors show lines, not offsets. */
function lineAndColumn(message: string, text: string): { line: number; column: number } | undefined {
  const position = /at position (\d+)/.exec(message);
  if (!position) return undefined;
  const before = text.slice(0, Number(position[1]));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}
