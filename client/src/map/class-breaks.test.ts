import { describe, expect, it } from 'vitest';
import { classBreaks, niceRound, quantile } from './class-breaks.ts';

describe('niceRound', () => {
  it('rounds to half a power of ten', () => {
    expect([173, 258, 335, 396, 665, 46, 19, 9, 2.3, 0.73, 0.3].map(niceRound)).toEqual([
      150, 250, 350, 400, 650, 45, 20, 9, 2.5, 0.75, 0.3,
    ]);
  });
  it('gives 0 for zero, negative and non-finite values', () => {
    expect([0, -5, Number.NaN].map(niceRound)).toEqual([0, 0, 0]);
  });
});

describe('quantile', () => {
  it('interpolates between ranks like a spreadsheet (R type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30], 0.25)).toBe(15);
    expect(quantile([7], 0.8)).toBe(7);
  });
});

describe('classBreaks', () => {
  // Registered RO+BG residents of Herne's 13 quarters in the synthetic October 2026.
  const herneQuarters = [173, 258, 203, 335, 396, 348, 384, 46, 33, 19, 364, 665, 615];

  it('gives rounded quintiles of a real distribution', () => {
    // quintiles 96.8, 247, 351.2, 391.2 → rounded to half a power of ten
    expect(classBreaks(herneQuarters)).toEqual([95, 250, 350, 400]);
  });

  it('does not depend on the order of the values', () => {
    expect(classBreaks([...herneQuarters].reverse())).toEqual(classBreaks(herneQuarters));
  });

  it('merges breaks that round to the same number', () => {
    // quintiles 11, 12, 13, 14 round to 10, 10, 15, 15; 10 is the minimum itself
    expect(classBreaks([10, 11, 12, 13, 14, 100])).toEqual([15]);
  });

  it('leaves no class empty: breaks lie above the minimum and at most at the maximum', () => {
    for (const values of [herneQuarters, [1, 1, 1, 2], [0.2, 0.4, 5.5, 7.25, 9.9], [3, 1000, 1001]]) {
      const breaks = classBreaks(values);
      const min = Math.min(...values);
      const max = Math.max(...values);
      for (const b of breaks) expect(b > min && b <= max).toBe(true);
      expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
      expect(new Set(breaks).size).toBe(breaks.length);
    }
  });

  it('gives no breaks for one distinct value or none', () => {
    expect(classBreaks([4, 4, 4])).toEqual([]);
    expect(classBreaks([])).toEqual([]);
    expect(classBreaks([Number.NaN, Infinity])).toEqual([]);
  });

  it('honours a smaller number of classes', () => {
    expect(classBreaks(herneQuarters, 3).length).toBeLessThanOrEqual(2);
  });
});
