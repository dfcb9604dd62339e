/**
 * Mann–Kendall test for a monotonic trend in a series (Mann 1945; Kendall 1975), with the
 * variance corrected for ties and the continuity correction, and the Theil–Sen slope (Sen 1968),
 * as laid out in Gilbert (1987), ch. 16:
 *
 *   S = Σ_{i<j} sign(x_j − x_i),
 *   Var(S) = [n(n−1)(2n+5) − Σ_k t_k(t_k−1)(2t_k+5)] / 18   (t_k: size of the k-th group of ties),
 *   z = (S − 1)/√Var(S) if S > 0, 0 if S = 0, (S + 1)/√Var(S) if S < 0,
 *   p = 2 · P(Z > |z|) (two-sided, normal approximation).
 *
 * z and p equal R's `cor.test(seq_along(x), x, method = "kendall", exact = FALSE,
 * continuity = TRUE)` (checked in mann-kendall.test.ts against fixtures/mann-kendall.json).
 * ArcGIS's Emerging Hot Spot Analysis runs this test on each location's Gi* z-scores.
 *
 * Gilbert R O (1987) Statistical Methods for Environmental Pollution Monitoring, Van Nostrand
 * Reinhold. Sen P K (1968) Estimates of the regression coefficient based on Kendall's tau,
 * JASA 63, 1379–1389.
 */
import { normalUpperTail } from '../hotspots/normal.ts';

/** Below this many values the normal approximation is not used (z and p are NaN). */
export const minValuesForMannKendall = 4;

export type TrendDirection = 'increasing' | 'decreasing' | 'none';

export interface MannKendall {
  /** Number of values taken (NaN and null left out). */
  n: number;
  /** Kendall's S: concordant minus discordant pairs in time order. */
  s: number;
  /** Var(S) under no trend, corrected for ties. */
  variance: number;
  /** Standard score of S with the continuity correction; NaN when the test does not run. */
  z: number;
  /** Two-sided p-value of z; NaN when the test does not run. */
  p: number;
  /**
   * Kendall's tau-b of (time, value): S / √(n₀ (n₀ − Σ t_k(t_k−1)/2)), n₀ = n(n−1)/2, the value
   * R's `cor(time, x, method = "kendall")` gives. Without ties it is S / n₀ (tau-a); with ties
   * tau-b can still reach ±1. NaN when n < 2 or all values are equal.
   */
  tau: number;
  /**
   * Theil–Sen slope: the median of (x_j − x_i) / (j − i) over all pairs of values, in units of
   * the series per time step. j and i are positions in the input, so a skipped value still
   * counts as a step. NaN when n < 2.
   */
  senSlope: number;
  /** `increasing`/`decreasing` when p ≤ alpha, by the sign of S; otherwise `none`. */
  trend: TrendDirection;
  /** Why the test did not run (z and p NaN), or null when it did. */
  reason: string | null;
}

export interface MannKendallOptions {
  /** Significance level for `trend`: a trend is reported when p ≤ alpha. @default 0.05 */
  alpha?: number;
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Mann–Kendall trend test and Theil–Sen slope of a series in time order (oldest first),
 * one value per equally long time step.
 *
 * @param series - values in time order; NaN or null marks a missing step: it is left out of
 *   the test, and its position still counts for the slope
 * @param options - `alpha`, the significance level for `trend` (default 0.05)
 * @throws RangeError on an infinite value or an alpha outside (0, 1)
 */
export function mannKendall(series: readonly (number | null)[], options: MannKendallOptions = {}): MannKendall {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha is ${alpha}: it must lie between 0 and 1`);
  const times: number[] = [];
  const values: number[] = [];
  series.forEach((value, t) => {
    if (value === null || Number.isNaN(value)) return;
    if (!Number.isFinite(value)) throw new RangeError(`series[${t}] is ${value}: a value must be finite (NaN or null when missing)`);
    times.push(t);
    values.push(value);
  });
  const n = values.length;

  let s = 0;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      s += Math.sign(values[j] - values[i]);
      slopes.push((values[j] - values[i]) / (times[j] - times[i]));
    }
  }
  const groupSizes = new Map<number, number>();
  for (const value of values) groupSizes.set(value, (groupSizes.get(value) ?? 0) + 1);
  let tieVarianceTerm = 0;
  let tiedPairs = 0;
  for (const t of groupSizes.values()) {
    tieVarianceTerm += t * (t - 1) * (2 * t + 5);
    tiedPairs += (t * (t - 1)) / 2;
  }
  const variance = (n * (n - 1) * (2 * n + 5) - tieVarianceTerm) / 18;
  const pairs = (n * (n - 1)) / 2;
  const tau = s / Math.sqrt(pairs * (pairs - tiedPairs));
  const senSlope = median(slopes);

  const notRun = (reason: string): MannKendall => ({ n, s, variance, z: Number.NaN, p: Number.NaN, tau, senSlope, trend: 'none', reason });
  if (n < minValuesForMannKendall) return notRun(`only ${n} values: the test needs at least ${minValuesForMannKendall}`);
  if (variance === 0) return notRun('all values are equal');

  const z = (s - Math.sign(s)) / Math.sqrt(variance);
  const p = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
  const trend: TrendDirection = p <= alpha ? (s > 0 ? 'increasing' : 'decreasing') : 'none';
  return { n, s, variance, z, p, tau, senSlope, trend, reason: null };
}
