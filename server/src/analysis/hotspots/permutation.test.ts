import { describe, expect, it } from 'vitest';
import { Rng } from '../prng.ts';
import columbus from './fixtures/columbus.json';
import giReference from './fixtures/columbus-gi-star.json';
import moranReference from './fixtures/columbus-local-moran.json';
import spdepPerm from './fixtures/columbus-local-moran-perm.json';
import { knnNeighbors } from './distance-neighbors.ts';
import { normalUpperTail } from './normal.ts';
import { conditionalPermutation } from './permutation.ts';
import { weightsFromNeighbors } from './spatial-weights.ts';

const row = weightsFromNeighbors(columbus.colGalNb, 'row');
const binary = weightsFromNeighbors(columbus.colGalNb, 'binary');
const crime = columbus.crime;

/**
 * The simulated mean lies within `zLimit` standard errors of the exact mean, and the
 * simulated sd within `sdRelative` of the exact sd. With 9,999 draws the standard error
 * of the mean is sd/100; the sd's relative error is about 1–2 % (seen over seeds 1–5:
 * at most 3.0 standard errors and 2.2 %), and their average over the units about 0.3 %.
 */
function expectMoments(
  result: { meanSim: Float64Array; sdSim: Float64Array },
  exactMean: readonly number[],
  exactVariance: readonly number[],
  draws: number,
): void {
  let sdErrorSum = 0;
  for (let i = 0; i < exactMean.length; i++) {
    const sd = Math.sqrt(exactVariance[i]);
    expect(Math.abs(result.meanSim[i] - exactMean[i]) / (sd / Math.sqrt(draws)), `mean of unit ${i}`).toBeLessThan(4.5);
    expect(Math.abs(result.sdSim[i] / sd - 1), `sd of unit ${i}`).toBeLessThan(0.05);
    sdErrorSum += result.sdSim[i] / sd - 1;
  }
  // Averaged over the units the random errors cancel; drawing WITH replacement would inflate
  // every sd by 3–8 % here (spdep 1.2-7's localmoran_perm does that).
  expect(Math.abs(sdErrorSum / exactMean.length)).toBeLessThan(0.01);
}

describe('conditionalPermutation: the simulated distribution has the exact conditional moments', () => {
  // spdep's conditional moments of local Moran, and the moments of plain Gi, are those of
  // |N(i)| values drawn without replacement from the n − 1 others: the permutation null.
  it('local Moran (style W): mean and sd equal spdep localmoran E.Ii and √Var.Ii', () => {
    const result = conditionalPermutation(crime, row, 'local_moran', 9999, 11);
    expectMoments(result, moranReference.conditionalW.eIi, moranReference.conditionalW.varIi, 9999);
    result.observed.forEach((value, i) => expect(value).toBeCloseTo(moranReference.conditionalW.ii[i], 12));
  });

  it('Gi (style B): mean and sd equal spdep localG internals E(G) and √V(G)', () => {
    const result = conditionalPermutation(crime, binary, 'gi', 9999, 12);
    expectMoments(result, giReference.crime.plainB.eg, giReference.crime.plainB.vg, 9999);
    result.observed.forEach((value, i) => expect(value).toBeCloseTo(giReference.crime.plainB.g[i], 12));
  });

  it('Gi* (style B): its own value fixed, the rest moves like Gi', () => {
    // G*_i = (x_i + S)/Σx with S the neighbours' sum; G_i = S/(Σx − x_i). So
    // E(G*_i) = (x_i + E(G_i)(Σx − x_i))/Σx and sd(G*_i) = sd(G_i)(Σx − x_i)/Σx.
    const total = crime.reduce((s, v) => s + v, 0);
    const { eg, vg } = giReference.crime.plainB;
    const mean = crime.map((x, i) => (x + eg[i] * (total - x)) / total);
    const variance = crime.map((x, i) => (vg[i] * (total - x) ** 2) / total ** 2);
    const result = conditionalPermutation(crime, binary, 'gi_star', 9999, 13);
    expectMoments(result, mean, variance, 9999);
    result.observed.forEach((value, i) => expect(value).toBeCloseTo(giReference.crime.starB.g[i], 12));
  });
});

describe('conditionalPermutation: pseudo p-values', () => {
  const result = conditionalPermutation(crime, row, 'local_moran', 999, 2026);
  /** |p − q| within 4 binomial standard errors (+ 0.01 for the discreteness of 999 draws). */
  const agree = (p: number, q: number, variance: number) => Math.abs(p - q) <= 4 * Math.sqrt(variance / 999) + 0.01;

  it('agree with the one-sided analytic p of the conditional z within sampling error (47 of 49 units or more)', () => {
    const analytic = moranReference.conditionalW.zIi.map((z) => normalUpperTail(Math.abs(z)));
    const agreeing = analytic.filter((q, i) => agree(result.pseudoP[i], q, q * (1 - q)));
    expect(agreeing.length).toBeGreaterThanOrEqual(47);
  });

  it("agree with spdep localmoran_perm's folded p (nsim = 999, with replacement) within sampling error", () => {
    const agreeing = spdepPerm.pFolded.filter((q, i) => {
      const p = (q + result.pseudoP[i]) / 2;
      return agree(result.pseudoP[i], q, 2 * p * (1 - p));
    });
    expect(agreeing.length).toBeGreaterThanOrEqual(47);
  });

  it('lie between 1/(permutations + 1) and 0.5 + 1/(permutations + 1)', () => {
    for (const p of result.pseudoP) {
      expect(p).toBeGreaterThanOrEqual(1 / 1000);
      expect(p).toBeLessThanOrEqual(0.501);
    }
    // (min(larger, 999 − larger) + 1)/1000 is a multiple of 1/1000.
    for (const p of result.pseudoP) expect(Math.abs(p * 1000 - Math.round(p * 1000))).toBeLessThan(1e-9);
  });

  it('converge to the exact permutation p on a case small enough to enumerate', () => {
    // Unit 0 (value 9, below the mean 72/7) has neighbours 3 and 4 (values 4 + 8 = 12). The exact
    // null draws each of the 15 unordered pairs of the 6 other values with equal probability;
    // powers of two make every pair sum distinct, so there are no floating-point ties.
    const values = [9, 1, 2, 4, 8, 16, 32];
    const w = weightsFromNeighbors([[3, 4], [2], [1], [0], [0], [6], [5]], 'row');
    const others = values.slice(1);
    const sums = others.flatMap((a, i) => others.slice(i + 1).map((b) => a + b));
    const observedSum = values[3] + values[4];
    // G*_0 grows with the neighbours' sum; I_0 = (z_0/m2)·lag falls with it, as z_0 < 0.
    const exact = {
      gi_star: sums.filter((s) => s >= observedSum).length / sums.length,
      local_moran: sums.filter((s) => s <= observedSum).length / sums.length,
    };
    expect(exact).toEqual({ gi_star: 10 / 15, local_moran: 6 / 15 });
    const draws = 20_000;
    for (const statistic of ['gi_star', 'local_moran'] as const) {
      const q = exact[statistic];
      const pseudoP = conditionalPermutation(values, w, statistic, draws, 5).pseudoP[0];
      expect(Math.abs(pseudoP - Math.min(q, 1 - q)), statistic).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / draws) + 1 / draws);
    }
  });
});

describe('conditionalPermutation: determinism and edge cases', () => {
  it('the same seed gives identical results; another seed different ones', () => {
    const a = conditionalPermutation(crime, row, 'gi_star', 199, 7);
    const b = conditionalPermutation(crime, row, 'gi_star', 199, 7);
    const c = conditionalPermutation(crime, row, 'gi_star', 199, 8);
    expect(b).toEqual(a);
    expect(Array.from(c.pseudoP)).not.toEqual(Array.from(a.pseudoP));
    expect(Array.from(c.meanSim)).not.toEqual(Array.from(a.meanSim));
  });

  it('draws the same index sets for any values: a change of unit leaves the pseudo p-values as they are', () => {
    const a = conditionalPermutation(crime, row, 'local_moran', 199, 3);
    const rescaled = conditionalPermutation(
      crime.map((x) => 1000 * x + 5),
      row,
      'local_moran',
      199,
      3,
    );
    expect(rescaled.pseudoP).toEqual(a.pseudoP);
  });

  it('reports NaN for an island and for a unit whose every draw equals the observed value', () => {
    // Unit 3 is an island; unit 1's value is the mean, so its local Moran I is 0 whatever is drawn.
    const w = weightsFromNeighbors([[1], [0, 2], [1], []], 'row');
    const result = conditionalPermutation([1, 2, 3, 2], w, 'local_moran', 99, 1);
    expect(result.pseudoP[3]).toBeNaN();
    expect(result.zSim[3]).toBeNaN();
    expect(result.pseudoP[1]).toBeNaN();
    expect(result.pseudoP[0]).toBeGreaterThan(0);
  });

  it('rejects a non-positive number of permutations', () => {
    expect(() => conditionalPermutation(crime, row, 'gi_star', 0, 1)).toThrow('permutations must be a positive integer, got 0');
  });

  it('runs 99 permutations on 10,000 units with 6 neighbours in well under a second', () => {
    const rng = new Rng(4, 'points');
    const points = Array.from({ length: 10_000 }, (): [number, number] => [rng.uniform(0, 1e4), rng.uniform(0, 1e4)]);
    const values = Float64Array.from(points, ([x]) => x / 1e4 + rng.normal());
    const w = weightsFromNeighbors(knnNeighbors(points, 6), 'row');
    const started = performance.now();
    conditionalPermutation(values, w, 'gi_star', 99, 1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
