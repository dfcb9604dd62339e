/**
 * Turns a POSTed FeatureCollection into the analysis input: values (and populations)
 * read from the named properties, geometry projected to EPSG:25832. Every problem is
 * a HotspotInputError naming the feature, field and reason; nothing is guessed.
 */
import type { HotspotRequest } from '../../schemas/analysis.ts';
import { HotspotInputError } from '../hotspots/hotspot-input-error.ts';
import { toUtm32 } from '../projection/to-utm32.ts';

type Feature = HotspotRequest['features']['features'][number];

/**
 * Largest magnitude of a value or population: sums of squares over 20,000 units stay
 * finite and exact enough (1e308 overflowed to Infinity and answered 500, issue 10).
 */
const maxAbsValue = 1e12;

export interface HotspotFeatures {
  ids: (string | null)[];
  values: number[];
  populations: number[] | null;
  /** MultiPolygon coordinates in EPSG:25832; null for points. */
  polygons: number[][][][][] | null;
  points: [number, number][];
}

export function readHotspotFeatures(request: Pick<HotspotRequest, 'features' | 'valueProperty' | 'populationProperty'>, maxUnits: number): HotspotFeatures {
  const features = request.features.features;
  if (features.length > maxUnits) throw new HotspotInputError('features', `${features.length} features; at most ${maxUnits} can be analysed in one request`);
  const kinds = new Set<string>();
  const out: HotspotFeatures = { ids: [], values: [], populations: request.populationProperty ? [] : null, polygons: [], points: [] };
  features.forEach((feature, i) => {
    const where = `features[${i}]`;
    const value = readNumber(feature, i, request.valueProperty);
    // With a population the value is a count of events (a rate's numerator): never negative.
    // A -1 here reached the rate check as a RangeError and answered 500 (issue 10).
    if (request.populationProperty && value < 0) {
      throw new HotspotInputError(`${where}.properties.${request.valueProperty}`, `${value} is negative; with populationProperty the value is a count, 0 or more`);
    }
    out.values.push(value);
    if (request.populationProperty) {
      const population = readNumber(feature, i, request.populationProperty);
      if (population < 0) throw new HotspotInputError(`${where}.properties.${request.populationProperty}`, `${population} is negative; a population is 0 or more`);
      out.populations!.push(population);
    }
    const id = (feature as { id?: unknown }).id;
    out.ids.push(typeof id === 'string' || typeof id === 'number' ? String(id) : null);
    const geometry = feature.geometry;
    if (!geometry) throw new HotspotInputError(`${where}.geometry`, 'is missing (null); every feature needs a Point, Polygon or MultiPolygon');
    if (geometry.type === 'Point') {
      kinds.add('points');
      out.points.push(projectPosition(geometry.coordinates, `${where}.geometry.coordinates`));
      out.polygons!.push([]);
    } else if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      kinds.add('polygons');
      const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown[];
      if (!Array.isArray(polygons) || polygons.length === 0) throw new HotspotInputError(`${where}.geometry.coordinates`, 'has no polygon');
      const projected = polygons.map((polygon, p) => readPolygon(polygon, `${where}.geometry.coordinates${geometry.type === 'Polygon' ? '' : `[${p}]`}`));
      out.polygons!.push(projected);
      out.points.push(centroid(projected));
    } else {
      throw new HotspotInputError(`${where}.geometry.type`, `"${geometry.type}" is not supported; use Point, Polygon or MultiPolygon`);
    }
  });
  if (kinds.size > 1) throw new HotspotInputError('features', 'mixes points and polygons; send one kind');
  if (!kinds.has('polygons')) out.polygons = null;
  return out;
}

function readNumber(feature: Feature, i: number, property: string): number {
  const field = `features[${i}].properties.${property}`;
  const properties = feature.properties ?? {};
  if (!(property in properties) || properties[property] === null) throw new HotspotInputError(field, 'is missing');
  const value = properties[property];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new HotspotInputError(field, `${JSON.stringify(value)} is not a number`);
  if (Math.abs(value) > maxAbsValue) throw new HotspotInputError(field, `${value} is out of range; values lie within ±${maxAbsValue.toExponential()}`);
  return value;
}

function projectPosition(position: unknown, field: string): [number, number] {
  if (!Array.isArray(position) || position.length < 2 || !position.slice(0, 2).every((c) => typeof c === 'number' && Number.isFinite(c))) {
    throw new HotspotInputError(field, 'is not a [longitude, latitude] position');
  }
  const [lon, lat] = position as number[];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) throw new HotspotInputError(field, `[${lon}, ${lat}] is not a longitude/latitude in degrees (EPSG:4326)`);
  return toUtm32(lon, lat);
}

function readPolygon(polygon: unknown, field: string): number[][][] {
  if (!Array.isArray(polygon) || polygon.length === 0) throw new HotspotInputError(field, 'is not a polygon (an array of rings)');
  return polygon.map((ring, r) => {
    if (!Array.isArray(ring) || ring.length < 4) throw new HotspotInputError(`${field}[${r}]`, 'is not a closed ring of at least 4 positions');
    return ring.map((position, k) => projectPosition(position, `${field}[${r}][${k}]`));
  });
}

/**
 * Area-weighted centroid of the outer rings (shoelace), in the projected plane. Each part
 * weighs by its absolute area: GeoJSON readers must accept either winding (RFC 7946 §3.1.6),
 * and signed areas of opposite windings would cancel.
 */
function centroid(polygons: number[][][][]): [number, number] {
  let total = 0;
  let cx = 0;
  let cy = 0;
  for (const [outer] of polygons) {
    let area = 0;
    let px = 0;
    let py = 0;
    for (let k = 0; k < outer.length - 1; k++) {
      const [x0, y0] = outer[k];
      const [x1, y1] = outer[k + 1];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      px += (x0 + x1) * cross;
      py += (y0 + y1) * cross;
    }
    if (area === 0) continue;
    // px / (3 · area) is the part's centroid whatever its winding; weigh it by |area|.
    const weight = Math.abs(area);
    total += weight;
    cx += (px / (3 * area)) * weight;
    cy += (py / (3 * area)) * weight;
  }
  if (total === 0) {
    const [first] = polygons[0][0];
    return [first[0], first[1]];
  }
  return [cx / total, cy / total];
}
