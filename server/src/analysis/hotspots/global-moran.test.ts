import { describe, expect, it } from 'vitest';
import columbus from './fixtures/columbus.json';
import reference from './fixtures/columbus-global-moran.json';
import { knnNeighbors } from './distance-neighbors.ts';
import { globalMoran } from './global-moran.ts';
import { normalUpperTail, twoSidedP } from './normal.ts';
import { weightsFromNeighbors, type SpatialWeights } from './spatial-weights.ts';

const row = weightsFromNeighbors(columbus.colGalNb, 'row');
const binary = weightsFromNeighbors(columbus.colGalNb, 'binary');

interface MoranTest {
  i: number;
  expectation: number;
  variance: number;
  z: number;
  pGreater: number;
}

function expectMatches(actual: { I: number; expected: number; variance: number; z: number }, expected: MoranTest): void {
  expect(actual.I).toBeCloseTo(expected.i, 12);
  expect(actual.expected).toBeCloseTo(expected.expectation, 12);
  expect(actual.variance).toBeCloseTo(expected.variance, 12);
  expect(Math.abs(actual.z - expected.z)).toBeLessThanOrEqual(1e-6);
  // moran.test's default alternative is "greater".
  expect(Math.abs(normalUpperTail(actual.z) - expected.pGreater)).toBeLessThanOrEqual(1e-9);
}

const underNormality = (r: ReturnType<typeof globalMoran>) => ({ I: r.I, expected: r.expected, variance: r.varianceNormality, z: r.zNormality });
const underRandomisation = (r: ReturnType<typeof globalMoran>) => ({ I: r.I, expected: r.expected, variance: r.varianceRandomisation, z: r.zRandomisation });

describe('globalMoran on Columbus (spdep moran.test)', () => {
  it.each([
    ['CRIME, style W', columbus.crime, row, reference.crime.wRandomisation, reference.crime.wNormality],
    ['CRIME, style B', columbus.crime, binary, reference.crime.bRandomisation, reference.crime.bNormality],
    ['HOVAL, style W', columbus.hoval, row, reference.hoval.wRandomisation, reference.hoval.wNormality],
  ])('%s: I, E(I), Var(I) and z under randomisation and normality', (_, values, w, randomisation, normality) => {
    const result = globalMoran(values, w);
    expectMatches(underRandomisation(result), randomisation);
    expectMatches(underNormality(result), normality);
    expect(result.pRandomisation).toBe(twoSidedP(result.zRandomisation));
  });

  it('asymmetric weights (k nearest, row-standardised) match the dense-matrix formulas', () => {
    const w = weightsFromNeighbors(knnNeighbors(columbus.centroids as [number, number][], 4), 'row');
    const result = globalMoran(columbus.crime, w);
    const dense = denseMoran(columbus.crime, w);
    expect(result.I).toBeCloseTo(dense.I, 12);
    expect(result.varianceNormality).toBeCloseTo(dense.varianceNormality, 12);
    expect(result.varianceRandomisation).toBeCloseTo(dense.varianceRandomisation, 12);
  });
});

/** Cliff & Ord's formulas on an n × n matrix: S1 = ½ Σ (w_ij + w_ji)², S2 = Σ_i (w_i. + w_.i)². */
function denseMoran(x: number[], w: SpatialWeights) {
  const n = x.length;
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  w.neighbors.forEach((list, i) => list.forEach((j, t) => (m[i][j] = w.weights[i][t])));
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const z = x.map((v) => v - mean);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let cross = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    let colSum = 0;
    for (let j = 0; j < n; j++) {
      s0 += m[i][j];
      s1 += 0.5 * (m[i][j] + m[j][i]) ** 2;
      cross += m[i][j] * z[i] * z[j];
      rowSum += m[i][j];
      colSum += m[j][i];
    }
    s2 += (rowSum + colSum) ** 2;
  }
  const zz = z.reduce((s, v) => s + v * v, 0);
  const b2 = (n * z.reduce((s, v) => s + v ** 4, 0)) / zz ** 2;
  const e = -1 / (n - 1);
  const varianceNormality = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n * n - 1) * s0 * s0) - e * e;
  const varianceRandomisation =
    (n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0) - b2 * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0)) / ((n - 1) * (n - 2) * (n - 3) * s0 * s0) - e * e;
  return { I: ((n / s0) * cross) / zz, varianceNormality, varianceRandomisation };
}
