import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localEmpiricalBayesRates } from './local-empirical-bayes.ts';

interface LocalReference {
  raw: number[];
  smoothed: number[];
  priorMeans: number[];
  priorVariances: number[];
}
/** Made by fixtures/make-reference.R with spdep's EBlocal; its `source` says how. */
interface Reference {
  source: string;
  events: number[];
  populations: number[];
  neighbors: number[][];
  local: LocalReference;
  localGeoda: LocalReference;
}
const reference = JSON.parse(readFileSync(new URL('./fixtures/empirical-bayes-auckland.json', import.meta.url), 'utf8')) as Reference;

/**
 * |actual − expected| ≤ 1e-9 · (|expected| + largest |expected| · 1e-6): relative, with a floor
 * far below the values so that a variance clipped to 0 by R and one left at 1e-25 here agree.
 */
function expectRelativelyClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  const scale = Math.max(...expected.map(Math.abs));
  actual.forEach((value, i) => {
    expect(Math.abs(value - expected[i]), `element ${i}: ${value} vs ${expected[i]}`).toBeLessThanOrEqual(1e-9 * (Math.abs(expected[i]) + 1e-6 * scale));
  });
}

function expectMatches(actual: LocalReference, expected: LocalReference): void {
  expectRelativelyClose(actual.raw, expected.raw);
  expectRelativelyClose(actual.smoothed, expected.smoothed);
  expectRelativelyClose(actual.priorMeans, expected.priorMeans);
  expectRelativelyClose(actual.priorVariances, expected.priorVariances);
}

describe('localEmpiricalBayesRates (spdep EBlocal)', () => {
  it('matches spdep on the Auckland infant deaths with queen neighbours to 1e-9', () => {
    expect(reference.source).toMatch(/spdep 1\.2\.7/);
    const result = localEmpiricalBayesRates(reference.events, reference.populations, reference.neighbors);
    expectMatches(result, reference.local);
    // The reference covers both branches: clipped (a = 0) and positive prior variances.
    expect(reference.local.priorVariances.filter((a) => a === 0).length).toBeGreaterThan(10);
    expect(reference.local.priorVariances.filter((a) => a > 0).length).toBeGreaterThan(10);
  });

  it('matches spdep with geoda = TRUE (spread about the area’s own local mean)', () => {
    const result = localEmpiricalBayesRates(reference.events, reference.populations, reference.neighbors, { geoda: true });
    expectMatches(result, reference.localGeoda);
    const spdepDefault = localEmpiricalBayesRates(reference.events, reference.populations, reference.neighbors);
    expect(result.smoothed).not.toEqual(spdepDefault.smoothed);
  });

  it('adds the area itself to its neighbourhood, once, whether or not it is listed', () => {
    const withSelf = reference.neighbors.map((list, i) => [...list, i]);
    const result = localEmpiricalBayesRates(reference.events, reference.populations, withSelf);
    expectMatches(result, reference.local);
  });

  it('an area without neighbours keeps its raw rate', () => {
    const result = localEmpiricalBayesRates([4, 0, 6], [100, 50, 300], [[], [2], [1]]);
    expect(result.smoothed[0]).toBe(0.04);
    expect(result.priorVariances[0]).toBe(0);
  });

  it('a neighbourhood without events smooths to 0 (spdep: NaN)', () => {
    const result = localEmpiricalBayesRates([0, 0, 5], [100, 50, 300], [[1], [0], []]);
    expect(result.smoothed.slice(0, 2)).toEqual([0, 0]);
  });

  it('leaves out areas without population: NaN for them, and their neighbours see them as absent', () => {
    const count = reference.events.length;
    const events = [...reference.events, 0];
    const populations = [...reference.populations, 0];
    // The empty area borders on the first ten areas.
    const neighbors = [...reference.neighbors.map((list, i) => (i < 10 ? [...list, count] : list)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]];
    const result = localEmpiricalBayesRates(events, populations, neighbors);
    expect(result.smoothed[count]).toBeNaN();
    expect(result.priorMeans[count]).toBeNaN();
    const withoutEmpty = {
      raw: result.raw.slice(0, count),
      smoothed: result.smoothed.slice(0, count),
      priorMeans: result.priorMeans.slice(0, count),
      priorVariances: result.priorVariances.slice(0, count),
    };
    expectMatches(withoutEmpty, reference.local);
  });

  it('rejects neighbour lists that do not fit the areas', () => {
    expect(() => localEmpiricalBayesRates([1, 2], [10, 10], [[1]])).toThrow('neighbors has 1 lists but there are 2 areas');
    expect(() => localEmpiricalBayesRates([1, 2], [10, 10], [[2], [0]])).toThrow('neighbors[0] holds 2, which is not an area index (0 … 1)');
    expect(() => localEmpiricalBayesRates([1, 2], [10, 10], [[1, 1], [0]])).toThrow('neighbors[0] lists area 1 twice');
  });
});
