/**
 * Contiguity neighbours of polygons: queen (the boundaries share at least one point) or
 * rook (they share a stretch of boundary of positive length).
 *
 * Unlike spdep's `poly2nb`, which compares vertices only (queen: one common vertex, rook:
 * two), this compares boundary segments, so a vertex that exists on one side only (a
 * T-junction, or a boundary digitised with more vertices on one side) still makes
 * neighbours. On data whose shared boundaries have the same vertices on both sides
 * (a topologically clean layer) the two agree.
 *
 * Cost: the edges go into a uniform grid, and only edges of different features in the
 * same cell are compared, so the work grows with the number of edges, not with the
 * square of the number of features.
 */

/** Features closer than this fraction of the data's extent count as touching. */
const RELATIVE_TOLERANCE = 1e-6;

/**
 * @param polygons per feature, a GeoJSON MultiPolygon's coordinates (polygons → rings →
 *   [x, y]) in a projected CRS (metres). Rings may or may not repeat their first vertex.
 * @param rule 'queen': any common boundary point; 'rook': a common boundary segment.
 * @returns per feature, the ascending indices of its neighbours (symmetric, no self).
 *
 * Two boundaries touch where they come within 1e-6 × the extent of all the data (the
 * larger side of its bounding box): 1 mm for a 1,000 km extent, far below digitising
 * precision and far above floating-point noise. A rook boundary segment must be longer
 * than that tolerance, and both of its ends must lie within the tolerance of the other
 * feature's edge line.
 */
export function contiguityNeighbors(polygons: number[][][][][], rule: 'queen' | 'rook'): number[][] {
  const n = polygons.length;
  const edges = collectEdges(polygons);
  const m = edges.owner.length;
  const result: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  if (m === 0) return result.map(() => []);

  const { coords } = edges;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let lengthSum = 0;
  for (let e = 0; e < m; e++) {
    const x1 = coords[4 * e];
    const y1 = coords[4 * e + 1];
    const x2 = coords[4 * e + 2];
    const y2 = coords[4 * e + 3];
    minX = Math.min(minX, x1, x2);
    maxX = Math.max(maxX, x1, x2);
    minY = Math.min(minY, y1, y2);
    maxY = Math.max(maxY, y1, y2);
    lengthSum += Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1));
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  const tol = RELATIVE_TOLERANCE * extent;
  const grid = buildGrid(coords, m, minX, minY, maxX - minX, maxY - minY, lengthSum / m, tol);

  const linked = new Set<number>();
  const touches = rule === 'queen' ? segmentsTouch : segmentsOverlap;
  const { cellStart, cellEdges, cellSize, nx } = grid;
  for (let cell = 0; cell + 1 < cellStart.length; cell++) {
    const from = cellStart[cell];
    const to = cellStart[cell + 1];
    for (let a = from; a < to; a++) {
      const ea = cellEdges[a];
      const oa = edges.owner[ea];
      for (let b = a + 1; b < to; b++) {
        const eb = cellEdges[b];
        const ob = edges.owner[eb];
        if (oa === ob) continue;
        const key = oa < ob ? oa * n + ob : ob * n + oa;
        if (linked.has(key)) continue;
        // Test each pair of edges once: in the cell holding the lower-left corner of
        // their (tolerance-padded) bounding boxes' overlap.
        const cornerX = Math.max(Math.min(coords[4 * ea], coords[4 * ea + 2]), Math.min(coords[4 * eb], coords[4 * eb + 2])) - tol;
        const cornerY = Math.max(Math.min(coords[4 * ea + 1], coords[4 * ea + 3]), Math.min(coords[4 * eb + 1], coords[4 * eb + 3])) - tol;
        const cx = clampCell(Math.floor((cornerX - minX) / cellSize), nx);
        const cy = clampCell(Math.floor((cornerY - minY) / cellSize), grid.ny);
        if (cy * nx + cx !== cell) continue;
        if (touches(coords, ea, eb, tol)) {
          linked.add(key);
          result[oa].add(ob);
          result[ob].add(oa);
        }
      }
    }
  }
  return result.map((set) => Array.from(set).sort((a, b) => a - b));
}

interface Edges {
  /** x1, y1, x2, y2 per edge. */
  coords: Float64Array;
  /** Feature index per edge. */
  owner: Int32Array;
}

function collectEdges(polygons: number[][][][][]): Edges {
  let count = 0;
  for (const feature of polygons) for (const polygon of feature) for (const ring of polygon) count += ring.length;
  const coords = new Float64Array(4 * count);
  const owner = new Int32Array(count);
  let e = 0;
  polygons.forEach((feature, f) => {
    for (const polygon of feature) {
      for (const ring of polygon) {
        const last = ring.length - 1;
        if (last < 1) continue;
        const closed = ring[0][0] === ring[last][0] && ring[0][1] === ring[last][1];
        const edgeCount = closed ? last : last + 1;
        for (let k = 0; k < edgeCount; k++) {
          const p = ring[k];
          const q = ring[k === last ? 0 : k + 1];
          coords[4 * e] = p[0];
          coords[4 * e + 1] = p[1];
          coords[4 * e + 2] = q[0];
          coords[4 * e + 3] = q[1];
          owner[e] = f;
          e++;
        }
      }
    }
  });
  return { coords: coords.subarray(0, 4 * e), owner: owner.subarray(0, e) };
}

interface Grid {
  /** Edges of cell c are cellEdges[cellStart[c] .. cellStart[c + 1]). */
  cellStart: Int32Array;
  cellEdges: Int32Array;
  cellSize: number;
  nx: number;
  ny: number;
}

/** A uniform grid whose cells are about as large as a typical edge, with at most ~4 cells per edge overall. */
function buildGrid(coords: Float64Array, m: number, minX: number, minY: number, width: number, height: number, meanEdge: number, tol: number): Grid {
  const extent = Math.max(width, height);
  let cellSize = extent === 0 ? 1 : Math.max(meanEdge, extent / 4096, tol);
  let nx = Math.floor(width / cellSize) + 1;
  let ny = Math.floor(height / cellSize) + 1;
  // Many tiny edges spread over a large extent must not blow up the cell count.
  while (nx * ny > 4 * m + 64) {
    cellSize *= 2;
    nx = Math.floor(width / cellSize) + 1;
    ny = Math.floor(height / cellSize) + 1;
  }
  const cellRange = (e: number, out: Int32Array) => {
    const x1 = coords[4 * e];
    const y1 = coords[4 * e + 1];
    const x2 = coords[4 * e + 2];
    const y2 = coords[4 * e + 3];
    out[0] = clampCell(Math.floor((Math.min(x1, x2) - tol - minX) / cellSize), nx);
    out[1] = clampCell(Math.floor((Math.max(x1, x2) + tol - minX) / cellSize), nx);
    out[2] = clampCell(Math.floor((Math.min(y1, y2) - tol - minY) / cellSize), ny);
    out[3] = clampCell(Math.floor((Math.max(y1, y2) + tol - minY) / cellSize), ny);
  };
  const range = new Int32Array(4);
  const cellStart = new Int32Array(nx * ny + 1);
  for (let e = 0; e < m; e++) {
    cellRange(e, range);
    for (let cy = range[2]; cy <= range[3]; cy++) for (let cx = range[0]; cx <= range[1]; cx++) cellStart[cy * nx + cx + 1]++;
  }
  for (let c = 0; c < nx * ny; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, nx * ny);
  const cellEdges = new Int32Array(cellStart[nx * ny]);
  for (let e = 0; e < m; e++) {
    cellRange(e, range);
    for (let cy = range[2]; cy <= range[3]; cy++) for (let cx = range[0]; cx <= range[1]; cx++) cellEdges[fill[cy * nx + cx]++] = e;
  }
  return { cellStart, cellEdges, cellSize, nx, ny };
}

function clampCell(c: number, count: number): number {
  return c < 0 ? 0 : c >= count ? count - 1 : c;
}

/** Queen: the two segments come within `tol` of each other (a shared vertex, a vertex on an edge, or a crossing). */
function segmentsTouch(c: Float64Array, a: number, b: number, tol: number): boolean {
  const ax = c[4 * a];
  const ay = c[4 * a + 1];
  const bx = c[4 * a + 2];
  const by = c[4 * a + 3];
  const cx = c[4 * b];
  const cy = c[4 * b + 1];
  const dx = c[4 * b + 2];
  const dy = c[4 * b + 3];
  const tol2 = tol * tol;
  if (
    pointSegmentDistance2(cx, cy, ax, ay, bx, by) <= tol2 ||
    pointSegmentDistance2(dx, dy, ax, ay, bx, by) <= tol2 ||
    pointSegmentDistance2(ax, ay, cx, cy, dx, dy) <= tol2 ||
    pointSegmentDistance2(bx, by, cx, cy, dx, dy) <= tol2
  ) {
    return true;
  }
  // A proper crossing (overlapping polygons): the endpoints of each lie on opposite sides of the other.
  const d1 = cross(ax, ay, bx, by, cx, cy);
  const d2 = cross(ax, ay, bx, by, dx, dy);
  const d3 = cross(cx, cy, dx, dy, ax, ay);
  const d4 = cross(cx, cy, dx, dy, bx, by);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/**
 * Rook: the segments are collinear within `tol` and overlap over more than `tol`. The
 * longer segment is the reference line; both ends of the shorter must lie within `tol` of it.
 */
function segmentsOverlap(c: Float64Array, a: number, b: number, tol: number): boolean {
  let ax = c[4 * a];
  let ay = c[4 * a + 1];
  let bx = c[4 * a + 2];
  let by = c[4 * a + 3];
  let cx = c[4 * b];
  let cy = c[4 * b + 1];
  let dx = c[4 * b + 2];
  let dy = c[4 * b + 3];
  const lengthA = Math.hypot(bx - ax, by - ay);
  const lengthB = Math.hypot(dx - cx, dy - cy);
  if (lengthB > lengthA) {
    [ax, ay, bx, by, cx, cy, dx, dy] = [cx, cy, dx, dy, ax, ay, bx, by];
  }
  const length = Math.max(lengthA, lengthB);
  if (Math.min(lengthA, lengthB) <= tol) return false;
  const ux = (bx - ax) / length;
  const uy = (by - ay) / length;
  const offC = Math.abs(ux * (cy - ay) - uy * (cx - ax));
  const offD = Math.abs(ux * (dy - ay) - uy * (dx - ax));
  if (offC > tol || offD > tol) return false;
  const tC = ux * (cx - ax) + uy * (cy - ay);
  const tD = ux * (dx - ax) + uy * (dy - ay);
  const overlap = Math.min(length, Math.max(tC, tD)) - Math.max(0, Math.min(tC, tD));
  return overlap > tol;
}

function cross(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

function pointSegmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * vx - px;
  const ey = ay + t * vy - py;
  return ex * ex + ey * ey;
}
