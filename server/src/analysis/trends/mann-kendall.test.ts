import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mannKendall } from './mann-kendall.ts';

interface ReferenceSeries {
  series: (number | null)[];
  n: number;
  s: number;
  variance: number;
  z: number;
  p: number;
  tau: number;
  senSlope: number;
}
/** R's cor.test(seq_along(x), x, method = "kendall", exact = FALSE, continuity = TRUE); see its `source`. */
const reference = JSON.parse(readFileSync(new URL('./fixtures/mann-kendall.json', import.meta.url), 'utf8')) as {
  source: string;
  series: Record<string, ReferenceSeries>;
};

const close = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));

describe('mannKendall', () => {
  it.each(Object.entries(reference.series))('matches R’s Kendall test on %s (S, Var S, z, p, tau-b, Sen slope)', (_name, expected) => {
    const result = mannKendall(expected.series);
    expect(result.n).toBe(expected.n);
    expect(result.s).toBe(expected.s);
    for (const key of ['variance', 'z', 'p', 'tau', 'senSlope'] as const) {
      expect(close(result[key], expected[key]), `${key}: ${result[key]} vs ${expected[key]}`).toBe(true);
    }
    expect(result.reason).toBeNull();
  });

  it('covers ties, a gap, a monthly series of 60 values and the smallest n', () => {
    const { series } = reference.series.monthly60;
    expect(series).toHaveLength(60);
    expect(new Set(series).size).toBeLessThan(30);
    expect(reference.series.withGaps.series).toContain(null);
    expect(reference.series.shortest.n).toBe(4);
  });

  it('reproduces the worked example of Little (Holy Cross), "A Mann-Kendall Example (By Hand)"', () => {
    // Published: S = 54, V = 14·13·33/18 − 2·1·9/18, Z = (S − 1)/√V ≈ 2.9058, one-sided p ≈ .0018.
    const result = mannKendall([12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7]);
    expect(result.s).toBe(54);
    expect(result.variance).toBeCloseTo((14 * 13 * 33) / 18 - (2 * 1 * 9) / 18, 10);
    expect(result.z).toBeCloseTo(2.9058, 4);
    expect(result.p / 2).toBeCloseTo(0.0018, 4);
    expect(result.trend).toBe('increasing');
  });

  it('reports the trend at alpha (default 0.05, p ≤ alpha)', () => {
    const { series, p } = reference.series.withGaps; // p ≈ 0.0163
    expect(mannKendall(series).trend).toBe('increasing');
    expect(mannKendall(series, { alpha: 0.01 }).trend).toBe('none');
    expect(mannKendall(series, { alpha: p }).trend).toBe('increasing');
    expect(mannKendall(reference.series.decreasingWithTies.series).trend).toBe('decreasing');
    expect(mannKendall(reference.series.noTrend.series).trend).toBe('none');
  });

  it('counts a skipped value as a time step for the slope: NaN and null alike', () => {
    // 0, 1, _, _, 4, 5 rises by 1 per step; with the gap closed, 0, 1, 4, 5 has pair slopes
    // 1, 2, 5/3, 3, 2, 1 and median 11/6.
    expect(mannKendall([0, 1, Number.NaN, Number.NaN, 4, 5]).senSlope).toBe(1);
    expect(mannKendall([0, 1, null, null, 4, 5]).senSlope).toBe(1);
    expect(mannKendall([0, 1, 4, 5]).senSlope).toBeCloseTo(11 / 6, 15);
  });

  it('fewer than 4 values: S, tau and the slope, but z and p NaN, no trend and a reason', () => {
    const result = mannKendall([1, Number.NaN, 3, 4]); // slopes 2/2, 3/3, 1/1
    expect(result).toMatchObject({ n: 3, s: 3, tau: 1, senSlope: 1, trend: 'none', reason: 'only 3 values: the test needs at least 4' });
    expect(result.z).toBeNaN();
    expect(result.p).toBeNaN();
    expect(mannKendall([]).senSlope).toBeNaN();
  });

  it('a constant series has no variance: no test, slope 0', () => {
    const result = mannKendall([7, 7, 7, 7, 7]);
    expect(result).toMatchObject({ s: 0, variance: 0, senSlope: 0, trend: 'none', reason: 'all values are equal' });
    expect(result.tau).toBeNaN();
  });

  it('tau-b reaches −1 with ties in the values (tau-a would not)', () => {
    const result = mannKendall([3, 3, 2, 2, 1]);
    expect(result.s).toBe(-8); // of 10 pairs, 2 are tied
    expect(result.tau).toBeCloseTo(-8 / Math.sqrt(10 * 8), 15);
  });

  it('rejects an infinite value and an alpha outside (0, 1)', () => {
    expect(() => mannKendall([1, Number.POSITIVE_INFINITY, 2, 3])).toThrow('series[1] is Infinity');
    expect(() => mannKendall([1, 2, 3, 4], { alpha: 5 })).toThrow('alpha is 5');
  });
});
