/**
 * Global Moran's I with its moments under normality and under randomisation (Cliff &
 * Ord 1981), computed as spdep 1.2-7 `moran.test(x, listw, randomisation = TRUE|FALSE)`
 * with its defaults (`adjust.n = TRUE`: n counts only units with at least one neighbour;
 * `drop.EI2 = FALSE`). Weights may be asymmetric (k nearest neighbours, row-standardised);
 * S1 and S2 use w_ij + w_ji.
 */
import { twoSidedP } from './normal.ts';
import type { SpatialWeights } from './spatial-weights.ts';

export interface GlobalMoranResult {
  /** Moran's I = (n/S0) · Σ_i Σ_j w_ij z_i z_j / Σ_i z_i². */
  I: number;
  /** E(I) = −1/(n − 1), the same under both assumptions. */
  expected: number;
  varianceNormality: number;
  zNormality: number;
  /** Two-sided p under normality. spdep's default one-sided p ("greater") is normalUpperTail(zNormality) (normal.ts). */
  pNormality: number;
  varianceRandomisation: number;
  zRandomisation: number;
  /** Two-sided p under randomisation. spdep's default one-sided p ("greater") is normalUpperTail(zRandomisation). */
  pRandomisation: number;
}

/**
 * @param values one value per unit (finite); the mean is over all units, islands included
 * @param w weights without self-links; at least 4 units must have neighbours
 */
export function globalMoran(values: ArrayLike<number>, w: SpatialWeights): GlobalMoranResult {
  const size = w.n;
  if (values.length !== size) throw new Error(`${values.length} values for weights of ${size} units`);

  let mean = 0;
  for (let i = 0; i < size; i++) mean += values[i];
  mean /= size;
  let zz = 0;
  let z4 = 0;
  for (let i = 0; i < size; i++) {
    const d = values[i] - mean;
    zz += d * d;
    z4 += d ** 4;
  }
  // Kurtosis over all values, as spdep's moran() does (length(x), not the adjusted n).
  const kurtosis = (size * z4) / (zz * zz);

  // w_ji for each link i → j, to form S1 = ½ Σ (w_ij + w_ji)² without a dense matrix.
  const reverse = new Map<number, number>();
  for (let i = 0; i < size; i++) w.neighbors[i].forEach((j, t) => reverse.set(i * size + j, w.weights[i][t]));
  let n = 0;
  let s0 = 0;
  let s1 = 0;
  const rowSum = new Float64Array(size);
  const colSum = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const list = w.neighbors[i];
    if (list.length > 0) n++;
    for (let t = 0; t < list.length; t++) {
      const j = list[t];
      const wij = w.weights[i][t];
      const wji = reverse.get(j * size + i) ?? 0;
      s0 += wij;
      s1 += wij * wij + wij * wji;
      rowSum[i] += wij;
      colSum[j] += wij;
    }
  }
  if (n < 4) throw new Error(`global Moran's I needs at least 4 units with neighbours, got ${n}`);
  let s2 = 0;
  for (let i = 0; i < size; i++) s2 += (rowSum[i] + colSum[i]) ** 2;

  const I = moranI(values, w);
  const expected = -1 / (n - 1);
  const s02 = s0 * s0;
  const nn = n * n;
  const varianceNormality = (nn * s1 - n * s2 + 3 * s02) / (s02 * (nn - 1)) - expected ** 2;
  const varianceRandomisation =
    (n * (s1 * (nn - 3 * n + 3) - n * s2 + 3 * s02) - kurtosis * (s1 * (nn - n) - 2 * n * s2 + 6 * s02)) / ((n - 1) * (n - 2) * (n - 3) * s02) -
    expected ** 2;
  const zNormality = (I - expected) / Math.sqrt(varianceNormality);
  const zRandomisation = (I - expected) / Math.sqrt(varianceRandomisation);
  return {
    I,
    expected,
    varianceNormality,
    zNormality,
    pNormality: twoSidedP(zNormality),
    varianceRandomisation,
    zRandomisation,
    pRandomisation: twoSidedP(zRandomisation),
  };
}

/**
 * Moran's I alone, the one definition `globalMoran` reports and a permutation test redraws:
 * the mean over all units, islands included, n the units that have neighbours (spdep's
 * `adjust.n`), so that an observed and a shuffled I are on the same scale.
 */
export function moranI(values: ArrayLike<number>, w: SpatialWeights): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  let n = 0;
  let num = 0;
  let den = 0;
  let s0 = 0;
  for (let i = 0; i < values.length; i++) {
    const di = values[i] - mean;
    den += di * di;
    const list = w.neighbors[i];
    if (list.length > 0) n++;
    const weights = w.weights[i];
    for (let k = 0; k < list.length; k++) {
      num += weights[k] * di * (values[list[k]] - mean);
      s0 += weights[k];
    }
  }
  return (n / s0) * (num / den);
}
