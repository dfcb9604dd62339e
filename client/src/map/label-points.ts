/**
 * Where to put an area's name: the pole of inaccessibility (the interior point
 * farthest from the boundary, "polylabel") of the area's largest polygon. Unlike a
 * centroid it is always inside, also for crescent-shaped or multi-part areas, and
 * it sits where the label has the most room.
 *
 * Computed in a local equirectangular plane (x = lon·cos φ₀, y = lat): at city scale
 * (< 30 km) that keeps distances isotropic to well under 1 %, which is all a label needs.
 */
import { area as turfArea, pointOnFeature, polygon as turfPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export interface LabelPoint {
  /** Feature id (= area id). */
  id: number;
  name: string;
  /** [lon, lat] in degrees: the pole of inaccessibility of the largest part. */
  position: [number, number];
  /** Further [lon, lat] spots inside the area, best first, tried when `position` collides. */
  alternatives: Array<[number, number]>;
  /** Area of the whole feature in km², used to rank labels when they collide. */
  areaKm2: number;
}

type Ring = Position[];

/** Signed distance from (x, y) to the rings: positive inside the polygon, negative outside. */
function signedDistance(x: number, y: number, rings: Ring[]): number {
  let inside = false;
  let minSquared = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[j];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      minSquared = Math.min(minSquared, segmentDistanceSquared(x, y, ax, ay, bx, by));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSquared);
}

function segmentDistanceSquared(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  const dx = bx - ax;
  const dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  return (px - x) ** 2 + (py - y) ** 2;
}

interface Cell {
  x: number;
  y: number;
  /** Half the cell's side. */
  h: number;
  /** Distance from the cell centre to the polygon. */
  d: number;
  /** Upper bound of the distance anywhere in the cell. */
  max: number;
}

function makeCell(x: number, y: number, h: number, rings: Ring[]): Cell {
  const d = signedDistance(x, y, rings);
  return { x, y, h, d, max: d + h * Math.SQRT2 };
}

/** Binary max-heap on `max`, so the most promising cell is refined first. */
class CellQueue {
  private readonly items: Cell[] = [];
  get size(): number {
    return this.items.length;
  }
  push(cell: Cell): void {
    const items = this.items;
    items.push(cell);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].max >= cell.max) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = cell;
  }
  pop(): Cell {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = -1;
        let largestMax = last.max;
        if (left < n && items[left].max > largestMax) {
          largest = left;
          largestMax = items[left].max;
        }
        if (right < n && items[right].max > largestMax) largest = right;
        if (largest < 0) break;
        items[i] = items[largest];
        i = largest;
      }
      items[i] = last;
    }
    return top;
  }
}

/**
 * Pole of inaccessibility of one polygon given in a planar coordinate system.
 * @param rings outer ring first, then holes
 * @param precision stop refining when a cell cannot beat the best by more than this (plane units)
 */
export function poleOfInaccessibility(rings: Ring[], precision: number): [number, number] {
  const outer = rings[0];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const size = Math.min(maxX - minX, maxY - minY);
  if (size === 0) return [minX, minY];
  const h = size / 2;

  const queue = new CellQueue();
  for (let x = minX; x < maxX; x += size) {
    for (let y = minY; y < maxY; y += size) queue.push(makeCell(x + h, y + h, h, rings));
  }
  let best = makeCell(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0, rings);
  while (queue.size > 0) {
    const cell = queue.pop();
    if (cell.d > best.d) best = cell;
    if (cell.max - best.d <= precision) continue;
    const half = cell.h / 2;
    queue.push(makeCell(cell.x - half, cell.y - half, half, rings));
    queue.push(makeCell(cell.x + half, cell.y - half, half, rings));
    queue.push(makeCell(cell.x - half, cell.y + half, half, rings));
    queue.push(makeCell(cell.x + half, cell.y + half, half, rings));
  }
  return [best.x, best.y];
}

function largestPolygon(geometry: Polygon | MultiPolygon): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  let best = geometry.coordinates[0];
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const a = turfArea(turfPolygon(coordinates));
    if (a > bestArea) {
      best = coordinates;
      bestArea = a;
    }
  }
  return best;
}

/**
 * Other good spots inside the polygon, for when the best one collides with a
 * neighbour's label: the most central grid point above, below, left and right of the
 * pole (at least 40 % of the pole's border distance away from it, and at least half as
 * far from the border as the pole), most central first. One per direction, so that a
 * label blocked on one side can move to another.
 */
function alternativeSpots(rings: Ring[], pole: [number, number], count: number): Array<[number, number]> {
  const poleDistance = signedDistance(pole[0], pole[1], rings);
  if (poleDistance <= 0) return [];
  const xs = rings[0].map((p) => p[0]);
  const ys = rings[0].map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const steps = 24;
  const best = new Map<string, { x: number; y: number; d: number }>();
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const x = minX + ((maxX - minX) * i) / steps;
      const y = minY + ((maxY - minY) * j) / steps;
      const dx = x - pole[0];
      const dy = y - pole[1];
      if (Math.hypot(dx, dy) < 0.4 * poleDistance) continue;
      const d = signedDistance(x, y, rings);
      if (d < 0.5 * poleDistance) continue;
      const direction = Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'right' : 'left') : dy > 0 ? 'up' : 'down';
      const current = best.get(direction);
      if (!current || d > current.d) best.set(direction, { x, y, d });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.d - a.d || a.x - b.x || a.y - b.y)
    .slice(0, count)
    .map(({ x, y }) => [x, y]);
}

/**
 * Label position [lon, lat] of one (Multi)Polygon feature, and up to `alternatives`
 * further positions inside its largest part (see `alternativeSpots`).
 */
export function labelPositions(
  feature: Feature<Polygon | MultiPolygon>,
  alternatives = 0,
): { position: [number, number]; alternatives: Array<[number, number]> } {
  const polygon = largestPolygon(feature.geometry);
  if (!polygon || polygon.length === 0 || polygon[0].length < 4) {
    const [lon, lat] = pointOnFeature(feature).geometry.coordinates;
    return { position: [lon, lat], alternatives: [] };
  }
  const lat0 = polygon[0].reduce((sum, p) => sum + p[1], 0) / polygon[0].length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const rings = polygon.map((ring) => ring.map(([lon, lat]) => [lon * k, lat]));
  const ys = rings[0].map((p) => p[1]);
  // 1/200 of the polygon's height: ~10 m for a 2 km quarter, far below a label's size.
  const precision = Math.max((Math.max(...ys) - Math.min(...ys)) / 200, 1e-7);
  const pole = poleOfInaccessibility(rings, precision);
  const toLonLat = ([x, y]: [number, number]): [number, number] => [x / k, y];
  return {
    position: toLonLat(pole),
    alternatives: alternatives > 0 ? alternativeSpots(rings, pole, alternatives).map(toLonLat) : [],
  };
}

/** Label position [lon, lat] of one (Multi)Polygon feature. */
export function labelPoint(feature: Feature<Polygon | MultiPolygon>): [number, number] {
  return labelPositions(feature).position;
}

/**
 * Label points for every area of a level, each with up to 4 alternative positions.
 * Features without a numeric id or a name are skipped (they cannot be linked to
 * `/api/areas/:id` anyway).
 */
export function labelPoints<P extends { name: string; area_km2?: number }>(
  collection: FeatureCollection<Polygon | MultiPolygon, P>,
): LabelPoint[] {
  const points: LabelPoint[] = [];
  for (const feature of collection.features) {
    if (typeof feature.id !== 'number' || !feature.properties?.name || !feature.geometry) continue;
    const { position, alternatives } = labelPositions(feature, 4);
    points.push({
      id: feature.id,
      name: feature.properties.name,
      position,
      alternatives,
      areaKm2: feature.properties.area_km2 ?? turfArea(feature) / 1e6,
    });
  }
  return points;
}
