import { describe, expect, it } from 'vitest';
import columbus from './fixtures/columbus.json';
import esda from './fixtures/esda-getisord.json';
import reference from './fixtures/columbus-gi-star.json';
import { gi, giStar } from './gi-star.ts';
import { twoSidedP } from './normal.ts';
import { weightsFromNeighbors } from './spatial-weights.ts';

/** |actual − expected| ≤ tolerance, element by element, with the index in the message. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance);
  }
}

const binary = weightsFromNeighbors(columbus.colGalNb, 'binary');
const row = weightsFromNeighbors(columbus.colGalNb, 'row');

describe('giStar on Columbus (spdep localG with include.self)', () => {
  it.each([
    ['CRIME', columbus.crime, reference.crime],
    ['HOVAL', columbus.hoval, reference.hoval],
  ])('%s: z for style B and W, and G*, match spdep to 1e-6', (_, values, expected) => {
    const b = giStar(values, binary);
    const w = giStar(values, row);
    expectClose(b.z, expected.starB.z);
    expectClose(w.z, expected.starW.z);
    expectClose(b.g, expected.starB.g, 1e-12);
    expectClose(w.g, expected.starW.g, 1e-12);
    expectClose(b.p, expected.starB.z.map(twoSidedP), 1e-12);
  });

  it('spdep itself gives the same z for B and W: scaling a row of equal weights leaves z unchanged', () => {
    expectClose(reference.crime.starW.z, reference.crime.starB.z, 1e-12);
    // ...but not the same G: the W row weighs each member 1/(k + 1).
    expect(Math.abs(reference.crime.starW.g[0] - reference.crime.starB.g[0])).toBeGreaterThan(1e-3);
  });

  it('differs from plain Gi, so the self-link is really in', () => {
    const plain = gi(columbus.crime, binary).z;
    const star = giStar(columbus.crime, binary).z;
    expect(Math.max(...plain.map((z, i) => Math.abs(z - star[i])))).toBeGreaterThan(0.1);
  });

  it('an island gets NaN (spdep would report its standardised value)', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1], []], 'binary');
    const { z, p } = giStar([1, 2, 3, 10], w);
    expect(z[3]).toBeNaN();
    expect(p[3]).toBeNaN();
    expect(Number.isFinite(z[0])).toBe(true);
  });
});

describe('gi (no self) on Columbus (spdep localG without self)', () => {
  it('z for style B and W, and G, match spdep to 1e-6', () => {
    const b = gi(columbus.crime, binary);
    const w = gi(columbus.crime, row);
    expectClose(b.z, reference.crime.plainB.z);
    expectClose(w.z, reference.crime.plainW.z);
    expectClose(b.g, reference.crime.plainB.g, 1e-12);
    expectClose(w.g, reference.crime.plainW.g, 1e-12);
  });
});

describe('the esda example (esda/tests/test_getisord.py; fixtures/esda-getisord.json)', () => {
  const w = (transform: 'binary' | 'row') => weightsFromNeighbors(esda.neighbors, transform);

  it('binary weights: Gi and Gi* z equal esda and spdep', () => {
    expect(gi(esda.y, w('binary')).z[0]).toBeCloseTo(esda.esdaZs0.binary, 7);
    expect(giStar(esda.y, w('binary')).z[0]).toBeCloseTo(esda.esdaZs0.starBinary, 7);
    expectClose(gi(esda.y, w('binary')).z, esda.spdep.plainB);
    expectClose(giStar(esda.y, w('binary')).z, esda.spdep.starB);
  });

  it('row-standardised: we follow spdep (the binary z); esda gets its literals from the binary-weights variance', () => {
    const plain = gi(esda.y, w('row'));
    const star = giStar(esda.y, w('row'));
    expectClose(plain.z, esda.spdep.plainW);
    expectClose(star.z, esda.spdep.starW);
    expect(plain.z[0]).not.toBeCloseTo(esda.esdaZs0.row, 2);
    expect(star.z[0]).not.toBeCloseTo(esda.esdaZs0.starRow, 2);
    // esda G_Local.calc(): E = W_i/N, Var = W_i(N − W_i)/(N − 1)/N² · s²/ȳ², with W_i the row sum
    // (1 when row-standardised) and ȳ, s² over the N values in the sum (N = n − 1 without self).
    // Applied to our G values it reproduces esda's published numbers: the statistic is the
    // same, only the variance differs.
    const esdaZ = (g: number, self: boolean, i: number) => {
      const y = esda.y.filter((_, j) => self || j !== i);
      const n = y.length;
      const mean = y.reduce((s, v) => s + v, 0) / n;
      const variance = y.reduce((s, v) => s + v * v, 0) / n - mean * mean;
      const rowSum = 1;
      const varG = ((rowSum * (n - rowSum)) / (n - 1) / n ** 2) * (variance / mean ** 2);
      return (g - rowSum / n) / Math.sqrt(varG);
    };
    expect(esdaZ(plain.g[0], false, 0)).toBeCloseTo(esda.esdaZs0.row, 7);
    expect(esdaZ(star.g[0], true, 0)).toBeCloseTo(esda.esdaZs0.starRow, 7);
  });
});
