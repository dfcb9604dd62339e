/**
 * H3 hexagons as analysis units: every cell of a resolution that overlaps the city
 * (so empty cells count as zeros, as they must for a hotspot statistic), plus the
 * cells of points that lie just outside the boundary line.
 */
import { cellToBoundary, cellToLatLng, latLngToCell, polygonToCellsExperimental, POLYGON_TO_CELLS_FLAGS } from 'h3-js';

/** GeoJSON Polygon or MultiPolygon in EPSG:4326. */
export interface OutlineGeometry {
  type: string;
  coordinates: unknown;
}

/** Resolution of an `h3_<r>` analysis level. */
export const h3Resolution = (level: string): number | null => {
  const match = /^h3_(\d+)$/.exec(level);
  return match ? Number(match[1]) : null;
};

/**
 * The cells of `resolution` that overlap the outline, and those containing `points`
 * ([lon, lat]), sorted by index so that the order is the same on every run.
 */
export function h3CellsCovering(outline: OutlineGeometry, resolution: number, points: readonly [number, number][] = []): string[] {
  const polygons =
    outline.type === 'Polygon'
      ? [outline.coordinates as number[][][]]
      : outline.type === 'MultiPolygon'
        ? (outline.coordinates as number[][][][])
        : [];
  const cells = new Set<string>();
  for (const polygon of polygons) {
    // isGeoJson = true: coordinates are [lon, lat]. Overlapping: a cell cut by the boundary is kept.
    for (const cell of polygonToCellsExperimental(polygon, resolution, POLYGON_TO_CELLS_FLAGS.containmentOverlapping, true)) cells.add(cell);
  }
  for (const [lon, lat] of points) cells.add(latLngToCell(lat, lon, resolution));
  return [...cells].sort();
}

/** The cell containing a point. */
export const h3CellOf = (lon: number, lat: number, resolution: number): string => latLngToCell(lat, lon, resolution);

/** The hexagon (or pentagon) as a closed GeoJSON ring, [lon, lat]. */
export const h3CellRing = (cell: string): number[][] => cellToBoundary(cell, true);

/** The cell's centre as [lon, lat]. */
export function h3CellCentre(cell: string): [number, number] {
  const [lat, lon] = cellToLatLng(cell);
  return [lon, lat];
}
