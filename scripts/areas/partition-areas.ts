/**
 * Deterministic sub-city area geometry for Herne (AGS 05916000).
 *
 * Why this exists: Stadt Herne publishes the *names* of its 4 Stadtbezirke, 13 Ortsteile
 * and 32 statistical districts, but no polygons under an open licence. The dashboard still
 * needs a three-level area hierarchy to aggregate on, so we build one that is honest about
 * what it is:
 *
 * - Level "borough" (4 Stadtbezirke, provenance "approximate"): Voronoi cells of one sourced
 *   representative point per Stadtbezirk (herne/herne_ortsteile_centres.csv in SOURCE_DATA_DIR), clipped
 *   to the DVG2 city boundary. Real names, approximate shapes. Where the clipping cuts a
 *   small fragment off a cell (the boundary leaves the convex cell and re-enters it), the
 *   fragment goes to the neighbour it shares the longest edge with, so each borough is one
 *   Polygon. Zensus cells belong to the borough containing their centre; centres in no
 *   borough (generalised boundary) go to the nearest borough.
 * - Level "quarter" (13 Ortsteil-level units) and "district" (32 statistical-district-level
 *   units), provenance "synthetic": population-balanced, contiguous partitions of each
 *   borough built from the real Zensus 2011 100 m grid. Neutral names ("Wanne 1",
 *   "Wanne 1.2"), never a real Ortsteil name, because their shapes are not the real ones.
 *
 * Method for the synthetic levels: recursive population-weighted bisection with straight
 * cuts along a meridian (east-west split) or a parallel (north-south split).
 *   Given cells, a region polygon and a target count k: if k = 1 the unit is the region.
 *   Otherwise k1 = floor(k/2), k2 = k - k1. Candidate axes are ordered by the population-
 *   weighted standard deviation of the cell centres along them, in metres (longitude
 *   differences scaled by cos(reference latitude)); the larger spread goes first, so cuts go
 *   across the long side and units stay compact. Along an axis the cells are sorted by their
 *   centre coordinate (tie-break cell_id) and the cut is placed between two neighbouring
 *   centres such that the population of the first part is as close as possible to k1/k of
 *   the total; the cut line lies midway between those two centres (in whole micro-degrees,
 *   so it survives the 6-decimal rounding exactly and no centre lies on it). Both sides are
 *   the region intersected with a large half-plane rectangle (turf.intersect; bboxClip is not
 *   safe for non-convex polygons). Recurse on each side with k1 and k2.
 *   Improvement over plain bisection, to keep units single Polygons: a straight cut through a
 *   non-convex region can leave a side in several pieces. Candidate cuts are therefore tried
 *   in this order — preferred axis best split, other axis best split, then on each axis the
 *   further cut positions whose first-part population deviates from the target by at most
 *   {@link SPLIT_TOLERANCE} of the region's population, closest first — and the first cut
 *   whose two sides are both single Polygons wins. Only if no candidate qualifies is the
 *   preferred axis' best cut used and the MultiPolygon recorded (reported by the generator).
 *   Every cell goes to exactly one side (by its centre coordinate), so populations add up
 *   exactly at every level and each district nests exactly inside one quarter (its geometry
 *   is a piece of the quarter's region cut by straight lines).
 *
 * Assumptions: one representative point per Stadtbezirk is good enough for an approximate
 * borough outline; the Zensus 2011 residential distribution is a reasonable proxy for
 * today's; straight cuts are acceptable stand-ins for real district boundaries (which follow
 * streets, rail lines and the canal).
 *
 * All functions here are pure (no file I/O) and deterministic: fixed ordering everywhere,
 * coordinates rounded to 6 decimals, properties in a fixed key order, features sorted by key.
 * No randomness is used.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { readCsv } from '../../server/src/seed/read-csv.ts';
import type { LocalizedText } from '../../server/src/schemas/common.ts';

/** AGS (Amtlicher Gemeindeschlüssel) of Herne; parent key of the boroughs. */
export const HERNE_AGS = '05916000';

/**
 * Official number of Ortsteil-level units per Stadtbezirk (Stadt Herne: 13 Ortsteile; Börnig
 * and Holthausen are one statistical unit, so herne_admin_hierarchy.csv's 14 rows give 13).
 */
export const HERNE_QUARTERS_PER_BOROUGH: Readonly<Record<string, number>> = {
  Wanne: 3, // Wanne, Crange, Baukau-West
  Eickel: 3, // Eickel, Röhlinghausen, Wanne-Süd
  'Herne-Mitte': 4, // Baukau-Ost, Holsterhausen, Herne-Mitte, Herne-Süd
  Sodingen: 3, // Börnig/Holthausen, Horsthausen, Sodingen
};

/** Official number of statistical districts in Herne. */
export const HERNE_DISTRICT_COUNT = 32;

/**
 * Maximum deviation of a cut's first-part population from its target, as a fraction of the
 * region's population, that we accept in exchange for both sides being single Polygons.
 * 0.02 costs at most ~4 % in the max/min population ratio of siblings.
 */
export const SPLIT_TOLERANCE = 0.02;

const DECIMALS = 6;
const MICRO = 1e6; // coordinates are handled as integer micro-degrees for cut positions
const EARTH_RADIUS_M = 6_371_008.8;

export const ZENSUS_SOURCE: LocalizedText = {
  de: 'Zensus 2011, 100-m-Gitter (Destatis); synthetische Gliederung durch Quartiersatlas',
  en: 'Zensus 2011 100-m-Gitter (Destatis); synthetic partition by Quartiersatlas',
};
export const BOROUGH_SOURCE: LocalizedText = {
  de: 'Lagepunkte: herne_ortsteile_centres.csv (Koordinaten der de.wikipedia; Destatis-Gemeindemittelpunkt für Herne-Mitte); Grenze: DVG2 2018 © Land NRW (dl-de/zero-2.0); Einwohner: Zensus 2011, 100-m-Gitter (Destatis)',
  en: 'Seed points: herne_ortsteile_centres.csv (de.wikipedia coordinates; Destatis Gemeindemittelpunkt for Herne-Mitte); boundary: DVG2 2018 © Land NRW (dl-de/zero-2.0); population: Zensus 2011 100-m-Gitter (Destatis)',
};

/** One inhabited Zensus 2011 100 m cell, reduced to what the partition needs. */
export interface ZensusCell {
  /** Zensus cell id, e.g. "100mN31584E41233"; used as deterministic tie-break. */
  cellId: string;
  /** Cell centre longitude, degrees (EPSG:4326). */
  lon: number;
  /** Cell centre latitude, degrees (EPSG:4326). */
  lat: number;
  /** Residents in the cell (pop_sum_grp), persons. */
  population: number;
}

/** Representative point of a Stadtbezirk. */
export interface BoroughSeed {
  /** Real Stadtbezirk name, e.g. "Herne-Mitte". */
  name: string;
  /** Longitude, degrees (EPSG:4326). */
  lon: number;
  /** Latitude, degrees (EPSG:4326). */
  lat: number;
}

export type AreaLevel = 'borough' | 'quarter' | 'district';

/** Properties of every generated area, in the order they are serialised. */
export interface AreaProperties {
  key: string;
  name: string;
  level: AreaLevel;
  parent_key: string;
  provenance: 'approximate' | 'synthetic';
  method: LocalizedText;
  source: LocalizedText;
  /** Sum of pop_sum_grp of the Zensus cells assigned to the unit, persons. */
  zensus_population: number;
  /** Number of Zensus cells assigned to the unit. */
  cell_count: number;
}

export type AreaGeometry = Polygon | MultiPolygon;
export type AreaFeature = Feature<AreaGeometry, AreaProperties>;
export type AreaCollection = FeatureCollection<AreaGeometry, AreaProperties>;

/** One piece of a partition: its geometry and the cells whose centres it owns. */
export interface PartitionPart {
  geometry: AreaGeometry;
  cells: ZensusCell[];
}

/** Options for {@link partitionByPopulation}. */
export interface PartitionOptions {
  /**
   * Weight of a cell; defaults to its population. Tests pass `() => 1` (balance by cell
   * count, i.e. by settled area) to show that the population balance is really doing work.
   */
  weight?: (cell: ZensusCell) => number;
  /** Reference latitude for the metric scale of longitude, degrees; default: region bbox centre. */
  refLat?: number;
  /** See {@link SPLIT_TOLERANCE}. 0 disables the search for alternative cut positions. */
  tolerance?: number;
  /** If given, cut statistics are added to it (for the build report). */
  stats?: CutStats;
}

/** How the cuts of one or more partitions were chosen. */
export interface CutStats {
  /** Number of cuts made. */
  cuts: number;
  /** Cuts that used the axis with the smaller spread, because the preferred one gave a MultiPolygon. */
  otherAxis: number;
  /** Cuts at a position other than the best one on their axis (within the tolerance). */
  offBest: number;
  /** Cuts where no candidate gave two single Polygons (a MultiPolygon was accepted). */
  multipart: number;
}

/** A zeroed {@link CutStats}. */
export const emptyCutStats = (): CutStats => ({ cuts: 0, otherAxis: 0, offBest: 0, multipart: 0 });

// ---------------------------------------------------------------------------------------
// Small numeric helpers
// ---------------------------------------------------------------------------------------

const round6 = (v: number): number => {
  const r = Math.round(v * MICRO) / MICRO;
  return Object.is(r, -0) ? 0 : r;
};
const toMicro = (v: number): number => Math.round(v * MICRO);
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * ASCII slug for keys: lower case, German umlauts transliterated, anything else non-
 * alphanumeric collapsed to "-". "Herne-Mitte" → "herne-mitte", "Börnig" → "boernig".
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------

/** Signed planar area of a ring in degree² (positive = counter-clockwise). */
function ringSignedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return s / 2;
}

/**
 * Rounds a ring to 6 decimals and removes what rounding makes degenerate (repeated
 * vertices, zero-area spikes). Returns null if nothing with area is left.
 * Orientation is normalised (outer counter-clockwise, holes clockwise, RFC 7946) so the
 * output does not depend on the winding the clipping library happened to produce.
 */
function cleanRing(ring: Position[], outer: boolean): Position[] | null {
  const pts: Position[] = [];
  for (const p of ring) {
    const q: Position = [round6(p[0]), round6(p[1])];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) pts.push(q);
  }
  // drop the closing vertex for processing
  if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  // remove spikes A-B-A (collinear back-tracking) that rounding can create
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const a = pts[(i - 1 + pts.length) % pts.length];
      const c = pts[(i + 1) % pts.length];
      if (a[0] === c[0] && a[1] === c[1]) {
        // B is a spike tip: remove B and one copy of A
        pts.splice(i, 1);
        pts.splice(i % pts.length, 1);
        changed = true;
        break;
      }
    }
  }
  if (pts.length < 3) return null;
  const closed = [...pts, pts[0]];
  const a = ringSignedArea(closed);
  if (Math.abs(a) < 1e-14) return null;
  if ((a > 0) !== outer) closed.reverse();
  return closed;
}

/**
 * Rounds a (Multi)Polygon to 6 decimals, drops degenerate rings/parts, and returns a
 * Polygon if only one part remains. Returns null if nothing is left.
 */
export function cleanGeometry(geom: AreaGeometry): AreaGeometry | null {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const out: Position[][][] = [];
  for (const poly of polys) {
    const outer = cleanRing(poly[0], true);
    if (!outer) continue;
    const holes = poly
      .slice(1)
      .map((r) => cleanRing(r, false))
      .filter((r): r is Position[] => r !== null);
    out.push([outer, ...holes]);
  }
  if (out.length === 0) return null;
  if (out.length === 1) return { type: 'Polygon', coordinates: out[0] };
  // fixed part order: by first vertex of the outer ring (lon, then lat)
  out.sort((p, q) => p[0][0][0] - q[0][0][0] || p[0][0][1] - q[0][0][1]);
  return { type: 'MultiPolygon', coordinates: out };
}

function intersectGeoms(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  const r = turf.intersect(turf.featureCollection([turf.feature(a), turf.feature(b)]));
  if (!r) return null;
  return cleanGeometry(r.geometry as AreaGeometry);
}

/** Axis-aligned rectangle as a Polygon (counter-clockwise). */
function rectangle(minLon: number, minLat: number, maxLon: number, maxLat: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLon, minLat],
        [maxLon, minLat],
        [maxLon, maxLat],
        [minLon, maxLat],
        [minLon, minLat],
      ],
    ],
  };
}

/** Metric equirectangular projection around refLat; good to well below 0.1 % over a city. */
function makeProjector(refLat: number): (lon: number, lat: number) => [number, number] {
  const k = (Math.PI / 180) * EARTH_RADIUS_M;
  const c = Math.cos((refLat * Math.PI) / 180);
  return (lon, lat) => [lon * k * c, lat * k];
}

/** Distance in metres from a point to a (Multi)Polygon; 0 if inside. */
function distanceToGeometryM(lon: number, lat: number, geom: AreaGeometry, refLat: number): number {
  if (turf.booleanPointInPolygon([lon, lat], geom)) return 0;
  const proj = makeProjector(refLat);
  const [px, py] = proj(lon, lat);
  let best = Infinity;
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [ax, ay] = proj(ring[i][0], ring[i][1]);
        const [bx, by] = proj(ring[i + 1][0], ring[i + 1][1]);
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------------------

/**
 * Splits `total` integer seats over units in proportion to `weights` by the largest-
 * remainder (Hamilton) method, with at least `min` seats per unit.
 *
 * Why this variant: every Ortsteil-level unit must get at least one statistical district,
 * and the result must not depend on iteration order. Units first get max(min, floor(quota));
 * remaining seats go to the largest remainders (quota − floor(quota)); ties are broken by
 * index, so callers pass units sorted by key. If the minimum makes the floors overshoot,
 * seats are taken back from units above the minimum, most over-represented (seats − quota)
 * first (ties: highest index first).
 *
 * @param total number of seats to distribute (non-negative integer)
 * @param weights one non-negative weight per unit (e.g. population in persons)
 * @param min minimum seats per unit (default 1)
 * @returns seats per unit, same order as `weights`; sums to `total`
 * @throws if `total < min * weights.length` or inputs are invalid
 */
export function allocateByLargestRemainder(total: number, weights: readonly number[], min = 1): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`total must be a non-negative integer, got ${total}`);
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w))) throw new Error('weights must be finite and >= 0');
  const n = weights.length;
  if (n === 0) {
    if (total !== 0) throw new Error('cannot allocate seats to zero units');
    return [];
  }
  if (total < min * n) throw new Error(`total ${total} < min ${min} × ${n} units`);
  const sum = weights.reduce((s, w) => s + w, 0);
  // all-zero weights: share equally
  const quotas = weights.map((w) => (sum > 0 ? (total * w) / sum : total / n));
  const seats = quotas.map((q) => Math.max(min, Math.floor(q)));
  const rem = quotas.map((q, i) => q - Math.floor(q) + (seats[i] > Math.floor(q) ? -Infinity : 0));
  let assigned = seats.reduce((s, v) => s + v, 0);
  if (assigned < total) {
    const order = [...Array(n).keys()].sort((a, b) => rem[b] - rem[a] || a - b);
    for (let j = 0; assigned < total; j = (j + 1) % n) {
      seats[order[j]]++;
      assigned++;
    }
  } else if (assigned > total) {
    const order = [...Array(n).keys()].sort((a, b) => quotas[a] - seats[a] - (quotas[b] - seats[b]) || b - a);
    for (let j = 0; assigned > total; j = (j + 1) % n) {
      if (seats[order[j]] > min) {
        seats[order[j]]--;
        assigned--;
      }
    }
  }
  return seats;
}

// ---------------------------------------------------------------------------------------
// Boroughs
// ---------------------------------------------------------------------------------------

/**
 * Voronoi cells of the seed points, clipped to the city boundary (turf.voronoi over a bbox
 * that covers city and seeds, then turf.intersect with the boundary). Fragments that the
 * clipping cuts off from a cell's main part are merged into the adjacent cell (see
 * mergeDetachedFragments), so each borough is a single Polygon where possible.
 *
 * @param boundary city boundary, EPSG:4326 degrees
 * @param seeds one representative point per borough (any order; output is sorted by name)
 * @returns per seed (sorted by seed name): geometry rounded to 6 decimals, and how many
 *   fragments of its Voronoi cell were given to a neighbour
 */
export function voronoiBoroughs(
  boundary: Polygon | MultiPolygon,
  seeds: readonly BoroughSeed[],
): Array<{ seed: BoroughSeed; geometry: AreaGeometry; movedFragments: number }> {
  const sorted = [...seeds].sort((a, b) => compareStrings(a.name, b.name));
  const [minX, minY, maxX, maxY] = turf.bbox(boundary);
  // generous margin: the Voronoi diagram only has to cover the city, and a bbox that also
  // contains all seeds keeps turf.voronoi from dropping a cell
  const pad = 0.05;
  const bbox: [number, number, number, number] = [
    Math.min(minX, ...sorted.map((s) => s.lon)) - pad,
    Math.min(minY, ...sorted.map((s) => s.lat)) - pad,
    Math.max(maxX, ...sorted.map((s) => s.lon)) + pad,
    Math.max(maxY, ...sorted.map((s) => s.lat)) + pad,
  ];
  const points = turf.featureCollection(sorted.map((s) => turf.point([s.lon, s.lat], { name: s.name })));
  const cells = turf.voronoi(points, { bbox });
  const clipped = sorted.map((seed, i) => {
    const cell = cells.features[i];
    if (!cell) throw new Error(`no Voronoi cell for ${seed.name}`);
    const g = intersectGeoms(cell.geometry, boundary);
    if (!g) throw new Error(`Voronoi cell of ${seed.name} does not intersect the boundary`);
    return g;
  });
  const { geometries, movedFragments } = mergeDetachedFragments(clipped);
  return sorted.map((seed, i) => ({ seed, geometry: geometries[i], movedFragments: movedFragments[i] }));
}

/** Perimeter of a (Multi)Polygon in degrees (planar); only used to compare shared edges. */
function perimeterDeg(g: AreaGeometry): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let s = 0;
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length - 1; i++) s += Math.hypot(ring[i + 1][0] - ring[i][0], ring[i + 1][1] - ring[i][1]);
    }
  }
  return s;
}

function unionGeoms(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  const r = turf.union(turf.featureCollection([turf.feature(a), turf.feature(b)]));
  return r ? cleanGeometry(r.geometry as AreaGeometry) : null;
}

/**
 * A convex Voronoi cell clipped to a non-convex boundary can fall apart: where the boundary
 * leaves the cell and comes back, a small fragment is cut off from the cell's main part and
 * is connected to the rest of the city only through a neighbouring cell. Such a fragment is
 * merged into the neighbour it shares the longest edge with (only if the merge yields a single
 * Polygon), so every Stadtbezirk is one contiguous Polygon. The main part is the largest one.
 *
 * @returns the adjusted geometries (same order) and, per input, the number of fragments given away
 */
function mergeDetachedFragments(geoms: AreaGeometry[]): { geometries: AreaGeometry[]; movedFragments: number[] } {
  const out = [...geoms];
  const moved = geoms.map(() => 0);
  for (let i = 0; i < out.length; i++) {
    const g = out[i];
    if (g.type !== 'MultiPolygon') continue;
    const parts = g.coordinates
      .map((c) => ({ c, area: turf.area(turf.polygon(c)) }))
      .sort((a, b) => b.area - a.area || a.c[0][0][0] - b.c[0][0][0] || a.c[0][0][1] - b.c[0][0][1]);
    const kept: Position[][][] = [parts[0].c];
    for (const frag of parts.slice(1)) {
      const fragGeom: Polygon = { type: 'Polygon', coordinates: frag.c };
      let best: { j: number; merged: AreaGeometry; shared: number } | null = null;
      for (let j = 0; j < out.length; j++) {
        if (j === i) continue;
        const merged = unionGeoms(out[j], fragGeom);
        if (!merged || merged.type !== 'Polygon') continue;
        const shared = (perimeterDeg(out[j]) + perimeterDeg(fragGeom) - perimeterDeg(merged)) / 2;
        if (!best || shared > best.shared) best = { j, merged, shared };
      }
      if (best) {
        out[best.j] = best.merged;
        moved[i]++;
      } else {
        kept.push(frag.c); // no neighbour can take it: stays a MultiPolygon part (and is reported)
      }
    }
    out[i] = kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
  }
  return { geometries: out, movedFragments: moved };
}

/**
 * Assigns every cell to the geometry containing its centre; cells whose centre lies in none
 * (the DVG2 boundary is generalised, so some inside-Herne cells have centres just outside)
 * go to the nearest geometry by centre distance (ties: lowest index).
 *
 * @returns per geometry the cells (input order kept), plus the number of nearest-fallback cells
 */
export function assignCellsToRegions(
  cells: readonly ZensusCell[],
  regions: readonly AreaGeometry[],
  refLat: number,
): { byRegion: ZensusCell[][]; nearestFallback: number } {
  const byRegion: ZensusCell[][] = regions.map(() => []);
  let nearestFallback = 0;
  for (const cell of cells) {
    let idx = regions.findIndex((g) => turf.booleanPointInPolygon([cell.lon, cell.lat], g));
    if (idx < 0) {
      nearestFallback++;
      let best = Infinity;
      regions.forEach((g, i) => {
        const d = distanceToGeometryM(cell.lon, cell.lat, g, refLat);
        if (d < best) {
          best = d;
          idx = i;
        }
      });
    }
    byRegion[idx].push(cell);
  }
  return { byRegion, nearestFallback };
}

// ---------------------------------------------------------------------------------------
// Population-balanced partition
// ---------------------------------------------------------------------------------------

type Axis = 'x' | 'y';

interface CutCandidate {
  axis: Axis;
  /** cut position, integer micro-degrees of lon (x) or lat (y) */
  cutMicro: number;
  /** number of sorted cells in the first (west/south) part */
  index: number;
  /** |first-part weight − target| */
  deviation: number;
}

/** Population-weighted standard deviation of cell centres along each axis, metres. */
function weightedSpread(cells: readonly ZensusCell[], weight: (c: ZensusCell) => number, refLat: number): Record<Axis, number> {
  const proj = makeProjector(refLat);
  let w = 0;
  let sx = 0;
  let sy = 0;
  for (const c of cells) {
    const [x, y] = proj(c.lon, c.lat);
    const wi = weight(c);
    w += wi;
    sx += wi * x;
    sy += wi * y;
  }
  if (w === 0) return { x: 0, y: 0 };
  const mx = sx / w;
  const my = sy / w;
  let vx = 0;
  let vy = 0;
  for (const c of cells) {
    const [x, y] = proj(c.lon, c.lat);
    const wi = weight(c);
    vx += wi * (x - mx) ** 2;
    vy += wi * (y - my) ** 2;
  }
  return { x: Math.sqrt(vx / w), y: Math.sqrt(vy / w) };
}

function sortAlong(cells: readonly ZensusCell[], axis: Axis): ZensusCell[] {
  const coord = axis === 'x' ? (c: ZensusCell) => toMicro(c.lon) : (c: ZensusCell) => toMicro(c.lat);
  return [...cells].sort((a, b) => coord(a) - coord(b) || compareStrings(a.cellId, b.cellId));
}

/**
 * All admissible cuts along one axis, best (closest to target) first. A cut is admissible
 * between sorted cells i−1 and i if their centres differ by ≥ 2 micro-degrees, so that the
 * integer midpoint lies strictly between them.
 */
function cutCandidates(sorted: readonly ZensusCell[], axis: Axis, weight: (c: ZensusCell) => number, target: number): CutCandidate[] {
  const coord = axis === 'x' ? (c: ZensusCell) => toMicro(c.lon) : (c: ZensusCell) => toMicro(c.lat);
  const out: CutCandidate[] = [];
  let cum = 0;
  for (let i = 1; i < sorted.length; i++) {
    cum += weight(sorted[i - 1]);
    const a = coord(sorted[i - 1]);
    const b = coord(sorted[i]);
    if (b - a < 2) continue;
    out.push({ axis, cutMicro: Math.floor((a + b) / 2), index: i, deviation: Math.abs(cum - target) });
  }
  out.sort((p, q) => p.deviation - q.deviation || p.index - q.index);
  return out;
}

/** Region ∩ half-plane on each side of the cut; [west/south, east/north]. */
function clipBothSides(region: AreaGeometry, cut: CutCandidate): [AreaGeometry | null, AreaGeometry | null] {
  const [minX, minY, maxX, maxY] = turf.bbox(region);
  const c = cut.cutMicro / MICRO;
  const m = 1; // degrees of margin: the rectangles must fully cover the region on their side
  const [lo, hi] =
    cut.axis === 'x'
      ? [rectangle(minX - m, minY - m, c, maxY + m), rectangle(c, minY - m, maxX + m, maxY + m)]
      : [rectangle(minX - m, minY - m, maxX + m, c), rectangle(minX - m, c, maxX + m, maxY + m)];
  return [intersectGeoms(region, lo), intersectGeoms(region, hi)];
}

/**
 * Splits a region into k contiguous parts of (nearly) equal weight by recursive bisection
 * (see the file header for the method and its MultiPolygon-avoiding cut search).
 *
 * Cells are assigned by their centre coordinate relative to the cuts, so every input cell
 * lands in exactly one part even if its centre lies outside `region`.
 *
 * @param cells cells belonging to the region (centres in degrees; population in persons)
 * @param region polygon to split, EPSG:4326 degrees
 * @param k number of parts (≥ 1)
 * @param options weight function, reference latitude, cut tolerance
 * @returns k parts in recursion order (west/south part first at every cut)
 */
export function partitionByPopulation(
  cells: readonly ZensusCell[],
  region: AreaGeometry,
  k: number,
  options: PartitionOptions = {},
): PartitionPart[] {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, got ${k}`);
  const weight = options.weight ?? ((c: ZensusCell) => c.population);
  const tolerance = options.tolerance ?? SPLIT_TOLERANCE;
  const refLat = options.refLat ?? (turf.bbox(region)[1] + turf.bbox(region)[3]) / 2;
  const cleaned = cleanGeometry(region);
  if (!cleaned) throw new Error('empty region');
  return bisect([...cells], cleaned, k, weight, tolerance, refLat, options.stats ?? emptyCutStats());
}

function bisect(
  cells: ZensusCell[],
  region: AreaGeometry,
  k: number,
  weight: (c: ZensusCell) => number,
  tolerance: number,
  refLat: number,
  stats: CutStats,
): PartitionPart[] {
  if (k === 1) return [{ geometry: region, cells: [...cells].sort((a, b) => compareStrings(a.cellId, b.cellId)) }];
  if (cells.length < k) throw new Error(`cannot split ${cells.length} cells into ${k} parts`);
  const k1 = Math.floor(k / 2);
  const k2 = k - k1;
  const total = cells.reduce((s, c) => s + weight(c), 0);
  const target = (total * k1) / k;
  const spread = weightedSpread(cells, weight, refLat);
  const axes: Axis[] = spread.y > spread.x ? ['y', 'x'] : ['x', 'y'];

  const sortedBy: Record<Axis, ZensusCell[]> = { x: sortAlong(cells, 'x'), y: sortAlong(cells, 'y') };
  const candidatesBy: Record<Axis, CutCandidate[]> = {
    x: cutCandidates(sortedBy.x, 'x', weight, target),
    y: cutCandidates(sortedBy.y, 'y', weight, target),
  };
  // Order: best cut on preferred axis, best on the other axis, then the remaining cuts
  // within tolerance (preferred axis first, closest to target first).
  const ordered: CutCandidate[] = [];
  for (const a of axes) if (candidatesBy[a][0]) ordered.push(candidatesBy[a][0]);
  for (const a of axes) {
    for (const c of candidatesBy[a].slice(1)) {
      if (c.deviation > tolerance * total) break;
      ordered.push(c);
    }
  }
  if (ordered.length === 0) throw new Error('no admissible cut');

  let chosen: { cut: CutCandidate; sides: [AreaGeometry, AreaGeometry] } | null = null;
  let fallback: { cut: CutCandidate; sides: [AreaGeometry, AreaGeometry] } | null = null;
  const seen = new Set<string>();
  for (const cut of ordered) {
    const id = `${cut.axis}${cut.cutMicro}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const [lo, hi] = clipBothSides(region, cut);
    if (!lo || !hi) continue; // a side without area: not a real cut
    if (!fallback) fallback = { cut, sides: [lo, hi] };
    if (lo.type === 'Polygon' && hi.type === 'Polygon') {
      chosen = { cut, sides: [lo, hi] };
      break;
    }
  }
  const pick = chosen ?? fallback;
  if (!pick) throw new Error('no cut produces two non-empty sides');
  stats.cuts++;
  if (!chosen) stats.multipart++;
  if (pick.cut.axis !== axes[0]) stats.otherAxis++;
  if (pick.cut !== candidatesBy[pick.cut.axis][0]) stats.offBest++;
  const sorted = sortedBy[pick.cut.axis];
  const first = sorted.slice(0, pick.cut.index);
  const second = sorted.slice(pick.cut.index);
  return [
    ...bisect(first, pick.sides[0], k1, weight, tolerance, refLat, stats),
    ...bisect(second, pick.sides[1], k2, weight, tolerance, refLat, stats),
  ];
}

// ---------------------------------------------------------------------------------------
// Herne build
// ---------------------------------------------------------------------------------------

/** Everything {@link buildHerneAreas} needs, already parsed. */
export interface HerneInputs {
  /** City boundary (DVG2 2018), EPSG:4326. */
  boundary: Polygon | MultiPolygon;
  /** One representative point per Stadtbezirk. */
  seeds: BoroughSeed[];
  /** Inhabited Zensus cells inside Herne. */
  cells: ZensusCell[];
  /** Ortsteil-level units per Stadtbezirk name; default {@link HERNE_QUARTERS_PER_BOROUGH}. */
  quartersPerBorough?: Readonly<Record<string, number>>;
  /** Statistical-district-level units in total; default {@link HERNE_DISTRICT_COUNT}. */
  districtCount?: number;
}

/** Diagnostics of a build, for the generator's summary and the README. */
export interface HerneBuildReport {
  /** Cells whose centre lies in no borough and that were assigned to the nearest one. */
  nearestFallbackCells: number;
  /** Detached Voronoi fragments merged into a neighbouring borough, per donor borough name. */
  boroughFragmentsMerged: Record<string, number>;
  /** Number of MultiPolygon features per level. */
  multiPolygons: Record<AreaLevel, number>;
  /** How the bisection cuts were chosen (quarters and districts together). */
  cuts: CutStats;
}

export interface HerneAreas {
  boroughs: AreaCollection;
  quarters: AreaCollection;
  districts: AreaCollection;
  report: HerneBuildReport;
}

function makeFeature(props: AreaProperties, geometry: AreaGeometry): AreaFeature {
  // fixed key order, independent of how props was assembled
  const p: AreaProperties = {
    key: props.key,
    name: props.name,
    level: props.level,
    parent_key: props.parent_key,
    provenance: props.provenance,
    method: { de: props.method.de, en: props.method.en },
    source: { de: props.source.de, en: props.source.en },
    zensus_population: props.zensus_population,
    cell_count: props.cell_count,
  };
  return { type: 'Feature', properties: p, geometry };
}

function collection(features: AreaFeature[]): AreaCollection {
  const sorted = [...features].sort((a, b) => compareStrings(a.properties.key, b.properties.key));
  return { type: 'FeatureCollection', features: sorted };
}

const popOf = (cells: readonly ZensusCell[]): number => cells.reduce((s, c) => s + c.population, 0);

/**
 * Orders parts west→east by the longitude of their area centroid (ties: north first),
 * which is how the neutral unit numbers are assigned.
 */
function orderWestToEast(parts: PartitionPart[]): PartitionPart[] {
  const withC = parts.map((p) => {
    const c = turf.centerOfMass(turf.feature(p.geometry)).geometry.coordinates;
    return { p, lon: round6(c[0]), lat: round6(c[1]) };
  });
  withC.sort((a, b) => a.lon - b.lon || b.lat - a.lat);
  return withC.map((w) => w.p);
}

/**
 * Builds the three Herne area levels (see file header for the method).
 *
 * @returns boroughs (4), quarters (13), districts (32) as FeatureCollections sorted by key,
 *   plus a build report. Populations are in persons (Zensus 2011).
 */
export function buildHerneAreas(inputs: HerneInputs): HerneAreas {
  const quartersPer = inputs.quartersPerBorough ?? HERNE_QUARTERS_PER_BOROUGH;
  const districtCount = inputs.districtCount ?? HERNE_DISTRICT_COUNT;
  const [, minLat, , maxLat] = turf.bbox(inputs.boundary);
  const refLat = round6((minLat + maxLat) / 2);
  const boundary = cleanGeometry(inputs.boundary);
  if (!boundary) throw new Error('empty boundary');

  const vor = voronoiBoroughs(boundary, inputs.seeds);
  for (const v of vor) {
    if (!(v.seed.name in quartersPer)) throw new Error(`no quarter count for borough ${v.seed.name}`);
  }
  const cellsSorted = [...inputs.cells].sort((a, b) => compareStrings(a.cellId, b.cellId));
  const { byRegion, nearestFallback } = assignCellsToRegions(
    cellsSorted,
    vor.map((v) => v.geometry),
    refLat,
  );

  const cutStats = emptyCutStats();
  const boroughs: AreaFeature[] = [];
  const quarterParts: Array<{ key: string; name: string; parentKey: string; part: PartitionPart; boroughName: string; index: number }> = [];

  vor.forEach((v, i) => {
    const slug = slugify(v.seed.name);
    const key = `${HERNE_AGS}-B-${slug}`;
    boroughs.push(
      makeFeature(
        {
          key,
          name: v.seed.name,
          level: 'borough',
          parent_key: HERNE_AGS,
          provenance: 'approximate',
          method: {
            de: `Voronoi-Zelle des belegten Lagepunkts des Stadtbezirks ${v.seed.name} unter den ${vor.length} Stadtbezirkspunkten, zugeschnitten auf die DVG2-Stadtgrenze (Splitter, die der Zuschnitt vom Hauptteil einer Zelle abtrennt, gehen an den angrenzenden Stadtbezirk).`,
            en: `Voronoi cell of the sourced representative point of Stadtbezirk ${v.seed.name} among the ${vor.length} Stadtbezirk points, clipped to the DVG2 city boundary (fragments the clipping cuts off from a cell's main part go to the adjacent Stadtbezirk).`,
          },
          source: BOROUGH_SOURCE,
          zensus_population: popOf(byRegion[i]),
          cell_count: byRegion[i].length,
        },
        v.geometry,
      ),
    );
    const parts = orderWestToEast(partitionByPopulation(byRegion[i], v.geometry, quartersPer[v.seed.name], { refLat, stats: cutStats }));
    parts.forEach((part, j) => {
      quarterParts.push({
        key: `${HERNE_AGS}-Q-${slug}-${j + 1}`,
        name: `${v.seed.name} ${j + 1}`,
        parentKey: key,
        part,
        boroughName: v.seed.name,
        index: j + 1,
      });
    });
  });

  // districts: allocate by quarter population, quarters in key order for the tie-break
  quarterParts.sort((a, b) => compareStrings(a.key, b.key));
  const seats = allocateByLargestRemainder(
    districtCount,
    quarterParts.map((q) => popOf(q.part.cells)),
    1,
  );

  const quarters: AreaFeature[] = [];
  const districts: AreaFeature[] = [];
  quarterParts.forEach((q, qi) => {
    quarters.push(
      makeFeature(
        {
          key: q.key,
          name: q.name,
          level: 'quarter',
          parent_key: q.parentKey,
          provenance: 'synthetic',
          method: {
            de: `Einwohnergleicher Teil ${q.index} von ${quartersPer[q.boroughName]} des approximativen Stadtbezirks ${q.boroughName}, durch fortgesetzte Halbierung seiner Zensus-2011-Zellen mit geraden Nord-Süd-/Ost-West-Schnitten; von West nach Ost nummeriert.`,
            en: `Population-balanced part ${q.index} of ${quartersPer[q.boroughName]} of the approximate Stadtbezirk ${q.boroughName}, by recursive bisection of its Zensus 2011 cells with straight north-south/east-west cuts; numbered west to east.`,
          },
          source: ZENSUS_SOURCE,
          zensus_population: popOf(q.part.cells),
          cell_count: q.part.cells.length,
        },
        q.part.geometry,
      ),
    );
    const dParts = orderWestToEast(partitionByPopulation(q.part.cells, q.part.geometry, seats[qi], { refLat, stats: cutStats }));
    dParts.forEach((d, j) => {
      districts.push(
        makeFeature(
          {
            key: `${q.key.replace(`${HERNE_AGS}-Q-`, `${HERNE_AGS}-D-`)}-${j + 1}`,
            name: `${q.name}.${j + 1}`,
            level: 'district',
            parent_key: q.key,
            provenance: 'synthetic',
            method: {
              de: `Einwohnergleicher Teil ${j + 1} von ${seats[qi]} des synthetischen Ortsteils ${q.name} (Bezirke nach Zensus-Einwohnern auf die Ortsteile verteilt, größte Reste), durch fortgesetzte Halbierung mit geraden Schnitten; von West nach Ost nummeriert.`,
              en: `Population-balanced part ${j + 1} of ${seats[qi]} of the synthetic quarter ${q.name} (districts allocated to quarters by Zensus population, largest remainder), by recursive bisection with straight cuts; numbered west to east.`,
            },
            source: ZENSUS_SOURCE,
            zensus_population: popOf(d.cells),
            cell_count: d.cells.length,
          },
          d.geometry,
        ),
      );
    });
  });

  const countMulti = (fs: AreaFeature[]) => fs.filter((f) => f.geometry.type === 'MultiPolygon').length;
  return {
    boroughs: collection(boroughs),
    quarters: collection(quarters),
    districts: collection(districts),
    report: {
      nearestFallbackCells: nearestFallback,
      boroughFragmentsMerged: Object.fromEntries(vor.map((v) => [v.seed.name, v.movedFragments])),
      cuts: cutStats,
      multiPolygons: { borough: countMulti(boroughs), quarter: countMulti(quarters), district: countMulti(districts) },
    },
  };
}

/** Serialises a collection exactly as committed: compact JSON plus a trailing newline. */
export function serializeCollection(fc: AreaCollection): string {
  return `${JSON.stringify(fc)}\n`;
}

// ---------------------------------------------------------------------------------------
// Input parsing (pure: takes file contents, not paths)
// ---------------------------------------------------------------------------------------

/** Raw file contents of the Herne inputs. */
export interface HerneInputTexts {
  /** herne_boundary_dvg2_2018.geojson */
  boundaryGeojson: string;
  /** herne_ortsteile_centres.csv */
  centresCsv: string;
  /** herne_zensus2011_grid100m.geojson */
  gridGeojson: string;
}

/**
 * Parses the input files: the boundary polygon, the 4 Stadtbezirk seeds (rows whose
 * `ortsteil` equals `stadtbezirk`; the Röhlinghausen representative point is not a
 * Stadtbezirk seed) and the cells with `inside_herne: true`.
 */
export function parseHerneInputs(texts: HerneInputTexts): HerneInputs {
  const b = JSON.parse(texts.boundaryGeojson) as FeatureCollection<Polygon | MultiPolygon>;
  if (b.features.length !== 1) throw new Error(`expected 1 boundary feature, got ${b.features.length}`);
  const seeds = readCsv(texts.centresCsv)
    .filter((r) => r.ortsteil === r.stadtbezirk)
    .map((r) => ({ name: r.stadtbezirk, lon: Number(r.lon), lat: Number(r.lat) }));
  const grid = JSON.parse(texts.gridGeojson) as FeatureCollection<Polygon, Record<string, unknown>>;
  const cells: ZensusCell[] = grid.features
    .filter((f) => f.properties.inside_herne === true)
    .map((f) => ({
      cellId: String(f.properties.cell_id),
      lon: Number(f.properties.centre_lon),
      lat: Number(f.properties.centre_lat),
      population: Number(f.properties.pop_sum_grp),
    }));
  return { boundary: b.features[0].geometry, seeds, cells };
}
