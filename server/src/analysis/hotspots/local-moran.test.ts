import { describe, expect, it } from 'vitest';
import columbus from './fixtures/columbus.json';
import reference from './fixtures/columbus-local-moran.json';
import { localMoran, type Quadrant } from './local-moran.ts';
import { weightsFromNeighbors } from './spatial-weights.ts';

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance);
  }
}

/** spdep's quadrant labels ("High-Low": own value, then lag) in our two-letter form. */
const quadrantOf = (label: string) => label.split('-').map((part) => part[0]).join('') as Quadrant;

const row = weightsFromNeighbors(columbus.colGalNb, 'row');
const binary = weightsFromNeighbors(columbus.colGalNb, 'binary');

describe('localMoran on Columbus CRIME (spdep localmoran)', () => {
  it.each([
    ['style W, conditional moments (spdep default)', row, {}, reference.conditionalW],
    ['style W, total randomisation (conditional = FALSE)', row, { moments: 'total' as const }, reference.totalW],
    ['style B, conditional moments', binary, {}, reference.conditionalB],
  ])('%s: Ii, E(Ii), Var(Ii), z and p match to 1e-6', (_, w, options, expected) => {
    const result = localMoran(columbus.crime, w, options);
    expectClose(result.ii, expected.ii, 1e-9);
    expectClose(result.expected, expected.eIi, 1e-9);
    expectClose(result.variance, expected.varIi, 1e-9);
    expectClose(result.z, expected.zIi, 1e-6);
    expectClose(result.p, expected.p, 1e-9);
  });

  it('the quadrants equal spdep attr(, "quadr")$pysal', () => {
    expect(localMoran(columbus.crime, row).quadrant).toEqual(reference.conditionalW.quadrant.map(quadrantOf));
    expect(new Set(localMoran(columbus.crime, row).quadrant)).toEqual(new Set(['HH', 'LL', 'HL', 'LH']));
  });

  it('conditional and total moments differ (the default is a real choice)', () => {
    const diff = reference.conditionalW.zIi.map((z, i) => Math.abs(z - reference.totalW.zIi[i]));
    expect(Math.max(...diff)).toBeGreaterThan(0.05);
  });

  it('an island has I = 0 and z = NaN', () => {
    const w = weightsFromNeighbors([[1], [0, 2], [1], []], 'row');
    const result = localMoran([1, 2, 3, 10], w);
    expect(result.ii[3]).toBe(0);
    expect(result.z[3]).toBeNaN();
    expect(result.p[3]).toBeNaN();
  });
});
