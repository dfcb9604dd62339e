/**
 * Minimal planar geometry on lon/lat (EPSG:4326) for placing synthetic points: point in
 * polygon and points inside a Zensus cell. At Herne's scale (about 12 × 8 km) treating degrees
 * as planar is exact enough for containment; distances use an equirectangular approximation.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A polygonal area in lon/lat degrees. */
export type Area = Polygon | MultiPolygon;

/** Ray casting: is (lon, lat) inside the closed ring? Points on an edge may go either way. */
export function pointInRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Is (lon, lat) inside the (Multi)Polygon: inside an outer ring and outside its holes? */
export function pointInArea(lon: number, lat: number, geometry: Area): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) {
    if (!pointInRing(lon, lat, rings[0])) continue;
    let inHole = false;
    for (let h = 1; h < rings.length; h++) if (pointInRing(lon, lat, rings[h])) inHole = true;
    if (!inHole) return true;
  }
  return false;
}

/** Metres per degree of latitude (mean). */
const M_PER_DEG_LAT = 111_195;

/** Approximate distance in metres between two lon/lat points (equirectangular, fine below ~20 km). */
export function distanceMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dy = (lat2 - lat1) * M_PER_DEG_LAT;
  const dx = (lon2 - lon1) * M_PER_DEG_LAT * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.sqrt(dx * dx + dy * dy);
}

/** Moves a lon/lat point by `east` and `north` metres (equirectangular). Returns [lon, lat]. */
export function offsetMeters(lon: number, lat: number, east: number, north: number): [number, number] {
  return [lon + east / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)), lat + north / M_PER_DEG_LAT];
}

/**
 * The point at (u, v) ∈ [0,1]² of a quadrilateral, by bilinear interpolation of its corners
 * `ring[0..3]` (a Zensus cell: a 100 m square in EPSG:3035, a slightly skewed quadrilateral in
 * lon/lat). Uniform (u, v) gives points spread practically uniformly over the cell.
 */
export function pointInQuad(ring: readonly Position[], u: number, v: number): [number, number] {
  const [p0, p1, p2, p3] = ring;
  const lon = (1 - v) * ((1 - u) * p0[0] + u * p1[0]) + v * ((1 - u) * p3[0] + u * p2[0]);
  const lat = (1 - v) * ((1 - u) * p0[1] + u * p1[1]) + v * ((1 - u) * p3[1] + u * p2[1]);
  return [lon, lat];
}

/** Rounds degrees to 6 decimals (about 0.1 m), the precision written to the CSV files. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
