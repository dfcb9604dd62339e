/**
 * The coordinates of a GeoJSON point or (multi)polygon in EPSG:25832 metres, for measuring
 * distances, areas and centroids in a plane. Polygons come back in MultiPolygon form, so a
 * caller handles one shape for both.
 */
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { toUtm32 } from './to-utm32.ts';

/** A projection of longitude/latitude in degrees to plane coordinates. */
export type Projection = (lon: number, lat: number) => [number, number];

/**
 * Projects a geometry's coordinates (longitude/latitude in degrees, EPSG:4326 or ETRS89).
 *
 * @param geometry - a Point, Polygon or MultiPolygon; a third coordinate (height) is dropped
 * @param project - the projection @default toUtm32 (EPSG:25832, metres)
 * @returns for a Point `[x, y]`; for a Polygon or MultiPolygon `polygons[p][ring][vertex] = [x, y]`
 *   (a Polygon becomes a single polygon), rings and their order kept as given
 * @throws RangeError for any other geometry type
 */
export function projectGeometryCoordinates(geometry: Point, project?: Projection): [number, number];
export function projectGeometryCoordinates(geometry: Polygon | MultiPolygon, project?: Projection): number[][][][];
export function projectGeometryCoordinates(geometry: Point | Polygon | MultiPolygon, project?: Projection): [number, number] | number[][][][];
export function projectGeometryCoordinates(
  geometry: Point | Polygon | MultiPolygon,
  project: Projection = toUtm32,
): [number, number] | number[][][][] {
  const position = ([lon, lat]: Position): [number, number] => project(lon, lat);
  const polygon = (rings: Position[][]) => rings.map((ring) => ring.map(position));
  switch (geometry.type) {
    case 'Point':
      return position(geometry.coordinates);
    case 'Polygon':
      return [polygon(geometry.coordinates)];
    case 'MultiPolygon':
      return geometry.coordinates.map(polygon);
    default:
      throw new RangeError(`a geometry of type ${(geometry as { type: string }).type} cannot be projected: only Point, Polygon and MultiPolygon`);
  }
}
