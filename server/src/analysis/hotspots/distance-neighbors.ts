/**
 * Distance-based neighbours of points: the k nearest, or all within a distance band.
 * Euclidean distance in the points' projected CRS (metres). Both use a uniform grid,
 * so the work grows with n·(neighbours per point), not with n².
 */
import { HotspotInputError } from './hotspot-input-error.ts';

/**
 * The k nearest other points of each point (spdep `knn2nb(knearneigh(xy, k))`).
 * Ties at the k-th distance go to the lower index, so the result is deterministic.
 * Coincident points are at distance 0 from each other and count like any others.
 * The lists are asymmetric in general (i may be among j's k nearest but not vice versa).
 *
 * @param points [x, y] per unit, in metres
 * @param k neighbours per point, an integer with 1 ≤ k < points.length
 * @returns per point, the ascending indices of its k nearest neighbours
 */
export function knnNeighbors(points: [number, number][], k: number): number[][] {
  const n = points.length;
  if (!Number.isInteger(k) || k < 1 || k >= n) {
    throw new HotspotInputError('weights.k', `${k} neighbours need an integer from 1 to ${n - 1} (there are ${n} points)`);
  }
  const grid = pointGrid(points, k / 2 + 1);
  const { cellSize, nx, ny, cellStart, cellPoints, xs, ys } = grid;
  // The k best so far, sorted by (squared distance, index).
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);
  const result: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const px = xs[i];
    const py = ys[i];
    const cx = cellOf(px, grid.minX, cellSize, nx);
    const cy = cellOf(py, grid.minY, cellSize, ny);
    let count = 0;
    const consider = (j: number) => {
      if (j === i) return;
      const dx = xs[j] - px;
      const dy = ys[j] - py;
      const d = dx * dx + dy * dy;
      if (count === k && (d > bestD[k - 1] || (d === bestD[k - 1] && j > bestI[k - 1]))) return;
      let pos = count < k ? count++ : k - 1;
      while (pos > 0 && (bestD[pos - 1] > d || (bestD[pos - 1] === d && bestI[pos - 1] > j))) {
        bestD[pos] = bestD[pos - 1];
        bestI[pos] = bestI[pos - 1];
        pos--;
      }
      bestD[pos] = d;
      bestI[pos] = j;
    };
    const maxRing = Math.max(nx, ny);
    for (let ring = 0; ring <= maxRing; ring++) {
      forEachCellOfRing(cx, cy, ring, nx, ny, (cell) => {
        for (let s = cellStart[cell]; s < cellStart[cell + 1]; s++) consider(cellPoints[s]);
      });
      // Points outside rings 0..ring are farther than ring·cellSize: done when the k-th is closer.
      const reach = ring * cellSize;
      if (count === k && bestD[k - 1] < reach * reach) break;
    }
    result[i] = Array.from(bestI).sort((a, b) => a - b);
  }
  return result;
}

/**
 * All other points within `thresholdMetres` of each point, the boundary included
 * (d ≤ threshold; spdep `dnearneigh(xy, 0, threshold)`, esda/libpysal `DistanceBand`).
 * Points farther than the threshold from all others are islands (empty lists).
 *
 * @param points [x, y] per unit, in metres
 * @param thresholdMetres the band's radius, finite and ≥ 0
 * @param maxLinks stop with a HotspotInputError once the band links more pairs than this
 *   (a band as wide as the city would otherwise build n² links and exhaust memory) @default Infinity
 * @returns per point, the ascending indices of the points in its band (symmetric)
 */
export function distanceBandNeighbors(points: [number, number][], thresholdMetres: number, maxLinks = Infinity): number[][] {
  if (!Number.isFinite(thresholdMetres) || thresholdMetres < 0) {
    throw new HotspotInputError('weights.thresholdMetres', `${thresholdMetres} is not a distance; give a finite number of metres ≥ 0`);
  }
  const n = points.length;
  // Cells at least as wide as the band, so that the 3 × 3 block around a point covers it.
  const grid = pointGrid(points, 2, thresholdMetres);
  const { cellSize, nx, ny, cellStart, cellPoints, xs, ys } = grid;
  const result: number[][] = new Array(n);
  let links = 0;
  for (let i = 0; i < n; i++) {
    const px = xs[i];
    const py = ys[i];
    const cx = cellOf(px, grid.minX, cellSize, nx);
    const cy = cellOf(py, grid.minY, cellSize, ny);
    const list: number[] = [];
    for (let y = Math.max(0, cy - 1); y <= Math.min(ny - 1, cy + 1); y++) {
      for (let x = Math.max(0, cx - 1); x <= Math.min(nx - 1, cx + 1); x++) {
        const cell = y * nx + x;
        for (let s = cellStart[cell]; s < cellStart[cell + 1]; s++) {
          const j = cellPoints[s];
          if (j !== i && Math.hypot(xs[j] - px, ys[j] - py) <= thresholdMetres) list.push(j);
        }
      }
    }
    result[i] = list.sort((a, b) => a - b);
    links += list.length;
    if (links > maxLinks) {
      throw new HotspotInputError(
        'weights.thresholdMetres',
        `${thresholdMetres} m links more than ${maxLinks} pairs of the ${n} units (${Math.round(maxLinks / n)} per unit on average); a local statistic needs a narrower band`,
      );
    }
  }
  return result;
}

interface PointGrid {
  xs: Float64Array;
  ys: Float64Array;
  minX: number;
  minY: number;
  cellSize: number;
  nx: number;
  ny: number;
  /** Points of cell c are cellPoints[cellStart[c] .. cellStart[c + 1]). */
  cellStart: Int32Array;
  cellPoints: Int32Array;
}

/**
 * Buckets the points into square cells holding about `perCell` points on average
 * (and no smaller than `minCellSize`).
 */
function pointGrid(points: [number, number][], perCell: number, minCellSize = 0): PointGrid {
  const n = points.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  points.forEach((p, i) => {
    const [x, y] = p;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new HotspotInputError(`points[${i}]`, `[${x}, ${y}] is not a finite coordinate pair`);
    xs[i] = x;
    ys[i] = y;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  const width = n > 0 ? maxX - minX : 0;
  const height = n > 0 ? maxY - minY : 0;
  const area = Math.max(width, Number.MIN_VALUE) * Math.max(height, Number.MIN_VALUE);
  let cellSize = Math.max(Math.sqrt((area * perCell) / Math.max(n, 1)), minCellSize, Math.max(width, height) / 4096);
  if (!(cellSize > 0) || !Number.isFinite(cellSize)) cellSize = 1;
  // A degenerate spread (all points on a line) would otherwise make tiny cells along it.
  while ((Math.floor(width / cellSize) + 1) * (Math.floor(height / cellSize) + 1) > 4 * n + 64) cellSize *= 2;
  const nx = Math.floor(width / cellSize) + 1;
  const ny = Math.floor(height / cellSize) + 1;
  const cellStart = new Int32Array(nx * ny + 1);
  const cellIndex = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    cellIndex[i] = cellOf(ys[i], minY, cellSize, ny) * nx + cellOf(xs[i], minX, cellSize, nx);
    cellStart[cellIndex[i] + 1]++;
  }
  for (let c = 0; c < nx * ny; c++) cellStart[c + 1] += cellStart[c];
  const fill = cellStart.slice(0, nx * ny);
  const cellPoints = new Int32Array(n);
  for (let i = 0; i < n; i++) cellPoints[fill[cellIndex[i]]++] = i;
  return { xs, ys, minX, minY, cellSize, nx, ny, cellStart, cellPoints };
}

function cellOf(v: number, min: number, cellSize: number, count: number): number {
  const c = Math.floor((v - min) / cellSize);
  return c < 0 ? 0 : c >= count ? count - 1 : c;
}

/** Calls `visit` for each cell at Chebyshev distance exactly `ring` from (cx, cy), inside the grid. */
function forEachCellOfRing(cx: number, cy: number, ring: number, nx: number, ny: number, visit: (cell: number) => void): void {
  if (ring === 0) {
    visit(cy * nx + cx);
    return;
  }
  for (let x = cx - ring; x <= cx + ring; x++) {
    if (x < 0 || x >= nx) continue;
    if (cy - ring >= 0) visit((cy - ring) * nx + x);
    if (cy + ring < ny) visit((cy + ring) * nx + x);
  }
  for (let y = cy - ring + 1; y <= cy + ring - 1; y++) {
    if (y < 0 || y >= ny) continue;
    if (cx - ring >= 0) visit(y * nx + cx - ring);
    if (cx + ring < nx) visit(y * nx + cx + ring);
  }
}
