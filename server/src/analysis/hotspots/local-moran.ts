/**
 * Local Moran's I (Anselin 1995, "Local indicators of spatial association — LISA"),
 * computed as spdep 1.2-7 `localmoran(x, listw)` does with its defaults:
 *
 *   z_i = x_i − x̄,  m2 = Σ z_j² / n            (mlvar = TRUE: divisor n, not n − 1)
 *   I_i = (z_i / m2) · Σ_j w_ij z_j
 *
 * and, by default, the CONDITIONAL moments (spdep's `conditional = TRUE`, the default since
 * spdep 1.1-7; Sokal, Oden & Thomson 1998): z_i held fixed, the neighbours' values drawn
 * without replacement from the other n − 1 units,
 *
 *   E(I_i)   = −z_i²·W_i / ((n − 1)·m2)
 *   Var(I_i) = (z_i/m2)² · n/(n − 2) · (S1_i − W_i²/(n − 1)) · (m2 − z_i²/(n − 1))
 *
 * with W_i = Σ_j w_ij and S1_i = Σ_j w_ij². These are exactly the mean and variance of the
 * conditional permutation distribution that permutation.ts samples. `moments: 'total'`
 * gives Anselin's (1995) moments under total randomisation (spdep `conditional = FALSE`):
 *
 *   E(I_i) = −W_i/(n − 1),  Var(I_i) = A·S1_i + B·(W_i² − S1_i) − E(I_i)²,
 *   A = (n − b2)/(n − 1),  B = (2·b2 − n)/((n − 1)(n − 2)),  b2 = (Σ z⁴/n)/m2².
 */
import { twoSidedP } from './normal.ts';
import type { SpatialWeights } from './spatial-weights.ts';

/** Quadrant of the Moran scatterplot: own value (H/L) then neighbours' weighted mean (H/L), both against the mean. */
export type Quadrant = 'HH' | 'LL' | 'HL' | 'LH';

export interface LocalMoranResult {
  /** I_i. */
  ii: Float64Array;
  /** E(I_i). */
  expected: Float64Array;
  /** Var(I_i). */
  variance: Float64Array;
  /** (I_i − E(I_i))/√Var(I_i); NaN for an island (no neighbours) or when all values are equal. */
  z: Float64Array;
  /** Two-sided p-value of z (normal approximation); NaN where z is NaN. */
  p: Float64Array;
  /**
   * From the signs of z_i = x_i − x̄ and of its spatial lag Σ_j w_ij z_j (spdep's
   * `attr(., "quadr")$pysal`; zero counts as low). An island's lag is 0, so it reads as
   * 'HL' or 'LL'; its p is NaN, so it never becomes a cluster.
   */
  quadrant: Quadrant[];
}

export interface LocalMoranOptions {
  /**
   * 'conditional': moments of the conditional randomisation (spdep's default);
   * 'total': moments under total randomisation (Anselin 1995; spdep `conditional = FALSE`).
   * @default 'conditional'
   */
  moments?: 'conditional' | 'total';
}

/**
 * @param values one value per unit (finite)
 * @param w weights without self-links, usually row-standardised
 */
export function localMoran(values: ArrayLike<number>, w: SpatialWeights, options: LocalMoranOptions = {}): LocalMoranResult {
  const n = w.n;
  if (values.length !== n) throw new Error(`${values.length} values for weights of ${n} units`);
  if (n < 3) throw new Error(`local Moran needs at least 3 units, got ${n}`);
  const conditional = (options.moments ?? 'conditional') === 'conditional';

  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  const dev = new Float64Array(n);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    dev[i] = values[i] - mean;
    m2 += dev[i] ** 2;
    m4 += dev[i] ** 4;
  }
  m2 /= n;
  m4 /= n;
  const b2 = m4 / (m2 * m2);
  const a = (n - b2) / (n - 1);
  const b = (2 * b2 - n) / ((n - 1) * (n - 2));

  const ii = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const z = new Float64Array(n);
  const quadrant: Quadrant[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const list = w.neighbors[i];
    const weights = w.weights[i];
    let lag = 0;
    let wi = 0;
    let s1 = 0;
    for (let t = 0; t < list.length; t++) {
      lag += weights[t] * dev[list[t]];
      wi += weights[t];
      s1 += weights[t] * weights[t];
    }
    const zi = dev[i];
    ii[i] = (zi / m2) * lag;
    if (conditional) {
      expected[i] = -(zi * zi * wi) / ((n - 1) * m2);
      variance[i] = (zi / m2) ** 2 * (n / (n - 2)) * (s1 - (wi * wi) / (n - 1)) * (m2 - (zi * zi) / (n - 1));
    } else {
      expected[i] = -wi / (n - 1);
      variance[i] = a * s1 + b * (wi * wi - s1) - expected[i] ** 2;
    }
    z[i] = list.length === 0 ? Number.NaN : (ii[i] - expected[i]) / Math.sqrt(variance[i]);
    quadrant[i] = zi > 0 ? (lag > 0 ? 'HH' : 'HL') : lag > 0 ? 'LH' : 'LL';
  }
  return { ii, expected, variance, z, p: z.map(twoSidedP), quadrant };
}
