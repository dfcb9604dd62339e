import { describe, expect, it } from 'vitest';
import { clusterClass, confidenceBin } from './significance.ts';

describe('confidenceBin (ArcGIS Gi_Bin)', () => {
  it.each([
    [2.8, 0.005, 3],
    [2.1, 0.01, 2],
    [2.1, 0.049, 2],
    [1.7, 0.05, 1],
    [1.7, 0.099, 1],
    [1.6, 0.1, 0],
    [-2.8, 0.005, -3],
    [-2.1, 0.03, -2],
    [-1.7, 0.07, -1],
    [-0.5, 0.6, 0],
    [Number.NaN, Number.NaN, 0],
    [3, Number.NaN, 0],
  ])('z = %f, p = %f → %i', (z, p, bin) => {
    expect(confidenceBin(z, p)).toBe(bin);
  });

  it('takes the sign from z and the level from the p it is given (e.g. FDR-adjusted)', () => {
    expect(confidenceBin(3.5, 0.2)).toBe(0);
    expect(confidenceBin(-1.2, 0.004)).toBe(-3);
  });
});

describe('clusterClass', () => {
  it('is the quadrant when p < alpha, else ns', () => {
    expect(clusterClass('HH', 0.01)).toBe('HH');
    expect(clusterClass('LH', 0.049)).toBe('LH');
    expect(clusterClass('LL', 0.05)).toBe('ns');
    expect(clusterClass('HL', 0.08, 0.1)).toBe('HL');
    expect(clusterClass('HH', Number.NaN)).toBe('ns');
  });
});
