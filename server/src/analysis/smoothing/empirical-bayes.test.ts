import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { empiricalBayesRates } from './empirical-bayes.ts';

/** Made by fixtures/make-reference.R with spdep's EBest; its `source` says how. */
interface Reference {
  source: string;
  events: number[];
  populations: number[];
  global: { raw: number[]; smoothed: number[]; priorMean: number; priorVariance: number };
  homogeneous: { events: number[]; populations: number[]; raw: number[]; smoothed: number[]; priorMean: number; priorVariance: number };
}
const reference = JSON.parse(readFileSync(new URL('./fixtures/empirical-bayes-auckland.json', import.meta.url), 'utf8')) as Reference;

/** |actual − expected| ≤ 1e-9 · |expected|, element by element. */
function expectRelativelyClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    expect(Math.abs(value - expected[i]), `element ${i}: ${value} vs ${expected[i]}`).toBeLessThanOrEqual(1e-9 * Math.abs(expected[i]));
  });
}

describe('empiricalBayesRates (spdep EBest, poisson)', () => {
  it('matches spdep on the Auckland infant deaths (Marshall 1991) to 1e-9', () => {
    expect(reference.source).toMatch(/spdep 1\.2\.7/);
    const result = empiricalBayesRates(reference.events, reference.populations);
    expectRelativelyClose(result.raw, reference.global.raw);
    expectRelativelyClose(result.smoothed, reference.global.smoothed);
    expectRelativelyClose([result.priorMean, result.priorVariance], [reference.global.priorMean, reference.global.priorVariance]);
    // The point of smoothing: the spread of the rates shrinks.
    const range = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    expect(range(result.smoothed)).toBeLessThan(range(result.raw) / 2);
  });

  it('a negative moment estimate of the prior variance becomes 0 and every rate shrinks to the mean (as spdep)', () => {
    const { events, populations } = reference.homogeneous;
    const result = empiricalBayesRates(events, populations);
    expect(reference.homogeneous.priorVariance).toBe(0);
    expect(result.priorVariance).toBe(0);
    expectRelativelyClose([result.priorMean], [reference.homogeneous.priorMean]);
    expectRelativelyClose(result.smoothed, reference.homogeneous.smoothed);
  });

  it('shrinks by the formula of Marshall (1991) on a hand-checkable example', () => {
    // b = 30 / 3000 = 0.01; s² = (1000·0.01² + 1000·0 + 1000·0.01²) / 3000 = 2/30000;
    // a = s² − b / (3000 / 3) = 6.6667e-5 − 1e-5 = 5.6667e-5.
    const result = empiricalBayesRates([0, 10, 20], [1000, 1000, 1000]);
    const a = 2 / 30000 - 0.01 / 1000;
    expect(result.priorMean).toBeCloseTo(0.01, 15);
    expect(result.priorVariance).toBeCloseTo(a, 15);
    expect(result.smoothed[0]).toBeCloseTo(0.01 + (a * -0.01) / (a + 0.01 / 1000), 15);
    expect(result.smoothed[1]).toBeCloseTo(0.01, 15);
  });

  it('leaves out areas without population: NaN for them, the rest as spdep gives for the data without them', () => {
    const events = [...reference.events];
    const populations = [...reference.populations];
    events.splice(5, 0, 0);
    populations.splice(5, 0, 0);
    events.splice(9, 0, 3); // events but no population: still left out, not Infinity
    populations.splice(9, 0, 0);
    events.splice(12, 0, Number.NaN);
    populations.splice(12, 0, 500);
    const result = empiricalBayesRates(events, populations);
    for (const i of [5, 9, 12]) {
      expect(result.raw[i]).toBeNaN();
      expect(result.smoothed[i]).toBeNaN();
    }
    const kept = (xs: number[]) => xs.filter((_, i) => ![5, 9, 12].includes(i));
    expectRelativelyClose(kept(result.smoothed), reference.global.smoothed);
    expectRelativelyClose([result.priorMean, result.priorVariance], [reference.global.priorMean, reference.global.priorVariance]);
  });

  it('with no events anywhere every rate is 0 (spdep: NaN)', () => {
    expect(empiricalBayesRates([0, 0, 0], [10, 20, 30])).toEqual({ raw: [0, 0, 0], smoothed: [0, 0, 0], priorMean: 0, priorVariance: 0 });
  });

  it('with no area taking part everything is NaN', () => {
    const result = empiricalBayesRates([1, 2], [0, null]);
    expect(result.smoothed).toEqual([Number.NaN, Number.NaN]);
    expect(result.priorMean).toBeNaN();
  });

  it('rejects inputs that are not counts and populations, naming the value', () => {
    expect(() => empiricalBayesRates([1, 2], [10])).toThrow('events has 2 areas but populations has 1');
    expect(() => empiricalBayesRates([1, -2], [10, 10])).toThrow('events[1] is -2');
    expect(() => empiricalBayesRates([1, 2], [10, Number.POSITIVE_INFINITY])).toThrow('populations[1] is Infinity');
  });
});
