/**
 * Getis–Ord local G statistics (Getis & Ord 1992; Ord & Getis 1995) with analytic
 * z-scores computed exactly as spdep 1.2-7 `localG(x, listw)` does.
 *
 * - Gi* ("star"): the unit counts itself. spdep's Gi* is `localG(x, nb2listw(include.self(nb),
 *   style))`: the self-link is added to the neighbour list BEFORE the weights are made, so
 *   with style "W" the row of unit i has k_i + 1 links of weight 1/(k_i + 1), self included.
 *   Moments (Ord & Getis 1995, eq. 9, valid for any weights):
 *     E = W_i·x̄,  Var = s²·(n·S1_i − W_i²)/(n − 1)
 *   with x̄ and s² (divisor n) over all n values, W_i = Σ_j w_ij, S1_i = Σ_j w_ij².
 * - Gi (plain): the unit is left out; the same moments over the n − 1 other values.
 *
 * The z-score does not change when a row of weights is multiplied by a constant, and
 * both transforms here give each row equal weights, so 'binary' and 'row' yield the same
 * z (as in spdep). PySAL esda's row-standardised z differ: esda uses the binary-weights
 * variance W_i(N − W_i)/(N − 1) with W_i = 1 (the row sum), which is not the variance of the
 * row-standardised statistic. This module follows spdep; gi-star.test.ts shows both.
 */
import { twoSidedP } from './normal.ts';
import type { SpatialWeights } from './spatial-weights.ts';

export interface LocalGResult {
  /** Standardised statistic (G − E(G))/√Var(G); NaN for a unit without neighbours or when all values are equal. */
  z: Float64Array;
  /** Two-sided p-value of z under the normal approximation; NaN where z is NaN. */
  p: Float64Array;
  /**
   * The G statistic itself: the weighted sum of values around i divided by the sum of all
   * values (Gi*) or of all other values (Gi). Meaningful for non-negative values only.
   */
  g: Float64Array;
}

/**
 * Gi*: each unit is its own neighbour with weight 1 before the transform.
 *
 * @param values one value per unit (finite)
 * @param w weights built from neighbour lists WITHOUT self-links; only `w.neighbors` and
 *   `w.transform` are read: the star weights are re-derived from them (binary: 1 for the
 *   unit and for each neighbour; row: 1/(k_i + 1) for each), as spdep does.
 *
 * An island (no neighbours) gets NaN, unlike spdep, which reports its standardised value
 * (x_i − x̄)/s: with only itself in its neighbourhood it is no evidence of a hot spot.
 */
export function giStar(values: ArrayLike<number>, w: SpatialWeights): LocalGResult {
  const n = checkLength(values, w);
  const { mean, sum, ss } = moments(values);
  const variance = ss / n;
  const z = new Float64Array(n);
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const list = w.neighbors[i];
    const k = list.length;
    const weight = w.transform === 'row' ? 1 / (k + 1) : 1;
    let lagDeviation = weight * (values[i] - mean);
    let lag = weight * values[i];
    for (let t = 0; t < k; t++) {
      lagDeviation += weight * (values[list[t]] - mean);
      lag += weight * values[list[t]];
    }
    const wi = weight * (k + 1);
    const s1 = weight * weight * (k + 1);
    const vg = (variance * (n * s1 - wi * wi)) / (n - 1);
    z[i] = k === 0 ? Number.NaN : lagDeviation / Math.sqrt(vg);
    g[i] = lag / sum;
  }
  return { z, p: z.map(twoSidedP), g };
}

/**
 * Gi: the unit itself is left out (Getis & Ord 1992). Reads `w.weights` as they are.
 * Its moments are those of the weighted sum of |N(i)| values drawn without replacement
 * from the n − 1 others, i.e. exactly the conditional permutation distribution.
 *
 * @param values one value per unit (finite)
 * @param w weights without self-links
 */
export function gi(values: ArrayLike<number>, w: SpatialWeights): LocalGResult {
  const n = checkLength(values, w);
  const { mean, sum, ss } = moments(values);
  const z = new Float64Array(n);
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const list = w.neighbors[i];
    const weights = w.weights[i];
    // Mean and variance (divisor n − 1) of the n − 1 other values, from the full-sample sums
    // without cancellation: Σ_{j≠i}(x_j − m_i)² = SS − d_i²·n/(n − 1), with d_i = x_i − x̄.
    const di = values[i] - mean;
    const otherMean = mean - di / (n - 1);
    const otherVariance = (ss - (di * di * n) / (n - 1)) / (n - 1);
    let lagDeviation = 0;
    let lag = 0;
    let wi = 0;
    let s1 = 0;
    for (let t = 0; t < list.length; t++) {
      const wt = weights[t];
      lagDeviation += wt * (values[list[t]] - otherMean);
      lag += wt * values[list[t]];
      wi += wt;
      s1 += wt * wt;
    }
    const vg = (otherVariance * ((n - 1) * s1 - wi * wi)) / (n - 2);
    z[i] = list.length === 0 ? Number.NaN : lagDeviation / Math.sqrt(vg);
    g[i] = lag / (sum - values[i]);
  }
  return { z, p: z.map(twoSidedP), g };
}

function checkLength(values: ArrayLike<number>, w: SpatialWeights): number {
  if (values.length !== w.n) throw new Error(`${values.length} values for weights of ${w.n} units`);
  if (w.n < 3) throw new Error(`local G needs at least 3 units, got ${w.n}`);
  return w.n;
}

/** Mean, sum and sum of squared deviations (two passes, so a large mean costs no precision). */
function moments(values: ArrayLike<number>): { mean: number; sum: number; ss: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - mean) ** 2;
  return { mean, sum, ss };
}
