/**
 * Spatial weights: who is a neighbour of whom, and with what weight. Built once from
 * neighbour lists (contiguity, k nearest, distance band, or lists sent by a client) and
 * shared by every statistic in this folder.
 */
import { HotspotInputError } from './hotspot-input-error.ts';

export interface SpatialWeights {
  /** Number of units. */
  n: number;
  /** neighbors[i]: ascending, unique indices of i's neighbours, never i itself. Empty for an island. */
  neighbors: number[][];
  /** weights[i][k] is the weight of the link i → neighbors[i][k]. */
  weights: number[][];
  /**
   * 'binary': every link weighs 1 (spdep style "B").
   * 'row': each non-empty row sums to 1, every link of unit i weighs 1/|N(i)| (spdep style "W").
   */
  transform: 'binary' | 'row';
}

/**
 * Weights from neighbour lists. The lists must already satisfy the invariants of
 * {@link SpatialWeights} (use {@link validateNeighbors} for lists from outside); they are
 * copied, so later changes to the argument do not leak into the weights.
 *
 * An island (empty list) keeps an empty row in both transforms, as spdep's
 * `nb2listw(..., zero.policy = TRUE)` does; the statistics report NaN for it.
 */
export function weightsFromNeighbors(neighbors: number[][], transform: 'binary' | 'row'): SpatialWeights {
  const rows = neighbors.map((list) => list.slice());
  const weights = rows.map((list) => {
    const weight = transform === 'row' ? 1 / list.length : 1;
    return list.map(() => weight);
  });
  return { n: rows.length, neighbors: rows, weights, transform };
}

/**
 * Checks neighbour lists that come from outside (a request body, a file) and returns
 * them sorted ascending. Throws {@link HotspotInputError} naming the first bad entry:
 * not an array of `n` arrays, an entry that is not an integer, out of 0..n−1, the unit
 * itself, or a duplicate. Asymmetric lists are accepted (k-nearest neighbours are
 * asymmetric by nature); {@link isSymmetric} tells the caller whether to report it.
 *
 * @param input the untrusted value, e.g. `request.weights.neighbors`
 * @param n the number of features the lists must describe
 */
export function validateNeighbors(input: unknown, n: number): number[][] {
  const field = 'weights.neighbors';
  if (!Array.isArray(input)) throw new HotspotInputError(field, `must be an array of ${n} arrays of feature indices, got ${describe(input)}`);
  if (input.length !== n) throw new HotspotInputError(field, `has ${input.length} lists for ${n} features; give one list per feature`);
  return input.map((row: unknown, i) => {
    if (!Array.isArray(row)) throw new HotspotInputError(`${field}[${i}]`, `must be an array of feature indices, got ${describe(row)}`);
    const seen = new Set<number>();
    row.forEach((j: unknown, k) => {
      const where = `${field}[${i}][${k}]`;
      if (typeof j !== 'number' || !Number.isInteger(j)) throw new HotspotInputError(where, `${describe(j)} is not an integer index`);
      if (j < 0 || j >= n) throw new HotspotInputError(where, `${j} is not an index of a feature (0–${n - 1})`);
      if (j === i) throw new HotspotInputError(where, `${j} is the feature itself; a unit is not its own neighbour (Gi* adds itself)`);
      if (seen.has(j)) throw new HotspotInputError(where, `${j} is listed twice`);
      seen.add(j);
    });
    return (row as number[]).slice().sort((a, b) => a - b);
  });
}

/** true when every link i → j has its reverse j → i. Lists must be sorted ascending. */
export function isSymmetric(neighbors: number[][]): boolean {
  return neighbors.every((list, i) => list.every((j) => binarySearch(neighbors[j], i) >= 0));
}

/** Position of `value` in the ascending list, or −1. */
function binarySearch(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid];
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
