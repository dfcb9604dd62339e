/**
 * Gives every area a palette index such that areas sharing a border get different
 * colours (greedy graph colouring, most-connected area first). Colour then only
 * separates neighbours; it carries no meaning, which the legend says.
 *
 * Neighbours are found with turf on the full geometry from `/api/layers/<level>.geojson`,
 * not on tiles: a tile holds clipped pieces and would miss borders across tile edges.
 */
import { bbox as turfBbox, booleanIntersects } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * Areas whose borders come closer than this count as neighbours, in metres. Real
 * partitions have hairline gaps and overlaps (rounding, simplification), so an exact
 * touch test alone misses neighbours; 10 m is far below any area's size.
 */
const NEIGHBOUR_TOLERANCE_M = 10;
const METRES_PER_DEGREE = 111_320;
const BBOX_TOLERANCE_DEG = NEIGHBOUR_TOLERANCE_M / (METRES_PER_DEGREE * 0.5);

function bboxesOverlap(a: number[], b: number[]): boolean {
  const t = BBOX_TOLERANCE_DEG;
  return a[0] - t <= b[2] && b[0] - t <= a[2] && a[1] - t <= b[3] && b[1] - t <= a[3];
}

/** All rings as point lists in a local metric plane (x east, y north, metres). */
function ringsInMetres(geometry: Polygon | MultiPolygon, lat0: number): number[][][] {
  const k = Math.cos((lat0 * Math.PI) / 180) * METRES_PER_DEGREE;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flat().map((ring) => ring.map(([lon, lat]) => [lon * k, lat * METRES_PER_DEGREE]));
}

function segmentDistanceSquared(p: number[], a: number[], b: number[]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return (p[0] - a[0] - t * dx) ** 2 + (p[1] - a[1] - t * dy) ** 2;
}

/** True if some vertex of `a` lies within `tolerance` metres of an edge of `b`. */
function verticesNear(a: number[][][], b: number[][][], tolerance: number): boolean {
  const limit = tolerance * tolerance;
  for (const ringA of a) {
    for (const p of ringA) {
      for (const ringB of b) {
        for (let i = 1; i < ringB.length; i++) if (segmentDistanceSquared(p, ringB[i - 1], ringB[i]) <= limit) return true;
      }
    }
  }
  return false;
}

/** Pairs of feature ids whose geometries touch, overlap or nearly touch. */
export function areaAdjacency(collection: FeatureCollection<Polygon | MultiPolygon>): Map<number, Set<number>> {
  const features = collection.features.filter((f) => typeof f.id === 'number' && f.geometry);
  const boxes = features.map((f) => turfBbox(f));
  const lat0 = boxes.length > 0 ? (boxes[0][1] + boxes[0][3]) / 2 : 0;
  const rings = features.map((f) => ringsInMetres(f.geometry, lat0));
  const neighbours = new Map<number, Set<number>>(features.map((f) => [f.id as number, new Set<number>()]));
  for (let i = 0; i < features.length; i++) {
    for (let j = i + 1; j < features.length; j++) {
      if (!bboxesOverlap(boxes[i], boxes[j])) continue;
      const adjacent =
        booleanIntersects(features[i], features[j]) ||
        verticesNear(rings[i], rings[j], NEIGHBOUR_TOLERANCE_M) ||
        verticesNear(rings[j], rings[i], NEIGHBOUR_TOLERANCE_M);
      if (!adjacent) continue;
      neighbours.get(features[i].id as number)!.add(features[j].id as number);
      neighbours.get(features[j].id as number)!.add(features[i].id as number);
    }
  }
  return neighbours;
}

/**
 * @param paletteSize number of colours available (≥ 4 always suffices for a map in
 *   theory; greedy needs at most max degree + 1). If it runs out, the colour least used
 *   among the neighbours is reused.
 * @returns feature id → palette index in [0, paletteSize)
 */
export function areaColouring(
  collection: FeatureCollection<Polygon | MultiPolygon>,
  paletteSize: number,
): Map<number, number> {
  const neighbours = areaAdjacency(collection);
  const ids = [...neighbours.keys()].sort((a, b) => neighbours.get(b)!.size - neighbours.get(a)!.size || a - b);
  const colourOf = new Map<number, number>();
  const usage = new Array<number>(paletteSize).fill(0);
  for (const id of ids) {
    const taken = new Map<number, number>();
    for (const n of neighbours.get(id)!) {
      const c = colourOf.get(n);
      if (c !== undefined) taken.set(c, (taken.get(c) ?? 0) + 1);
    }
    // Among the free colours take the least used one, so a level shows the whole palette
    // instead of three colours.
    let choice = -1;
    for (let c = 0; c < paletteSize; c++) {
      if (taken.has(c)) continue;
      if (choice < 0 || usage[c] < usage[choice]) choice = c;
    }
    if (choice < 0) {
      choice = 0;
      for (let c = 1; c < paletteSize; c++) if (taken.get(c)! < taken.get(choice)!) choice = c;
    }
    colourOf.set(id, choice);
    usage[choice]++;
  }
  return colourOf;
}
