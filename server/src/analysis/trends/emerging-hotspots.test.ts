import { describe, expect, it } from 'vitest';
import { classifyEmergingHotspot, type EmergingHotspotCategory, type HotspotDirection } from './emerging-hotspots.ts';
import { mannKendall, type TrendDirection } from './mann-kendall.ts';

/**
 * A location's time steps from a pattern, oldest first: H significant hot spot (z 3, p 0.001),
 * C significant cold spot (z −3, p 0.001), . not significant (z 0.5, p 0.6), _ no data.
 */
function steps(pattern: string): { z: (number | null)[]; p: (number | null)[] } {
  const z: (number | null)[] = [];
  const p: (number | null)[] = [];
  for (const symbol of pattern) {
    const [score, probability] = { H: [3, 0.001], C: [-3, 0.001], '.': [0.5, 0.6], _: [Number.NaN, null] }[symbol as 'H' | 'C' | '.' | '_'];
    z.push(score);
    p.push(probability);
  }
  return { z, p };
}

function classify(pattern: string, trend: TrendDirection = 'none') {
  return classifyEmergingHotspot({ ...steps(pattern), mannKendall: { trend } });
}

const mirror = (pattern: string) => pattern.replace(/[HC]/g, (symbol) => (symbol === 'H' ? 'C' : 'H'));
const mirrorTrend = (trend: TrendDirection): TrendDirection => (trend === 'increasing' ? 'decreasing' : trend === 'decreasing' ? 'increasing' : 'none');

describe('classifyEmergingHotspot (ArcGIS Pro Emerging Hot Spot Analysis categories)', () => {
  // One hand-built location per category, written for hot spots; each runs mirrored for cold.
  const cases: [EmergingHotspotCategory, string, TrendDirection, number][] = [
    ['new', '.........H', 'none', 1],
    ['consecutive', '......HHHH', 'increasing', 4],
    ['consecutive', '..HHHHHHHH', 'increasing', 8], // 80 %: still under the 90 % of the other categories
    ['intensifying', 'HHHHHHHHHH', 'increasing', 10],
    ['intensifying', '.HHHHHHHHH', 'increasing', 9], // exactly 90 %
    ['persistent', 'HHHH.HHHHH', 'none', 9],
    ['diminishing', 'HHHHHHHHHH', 'decreasing', 10],
    ['sporadic', '..H..H.H.H', 'none', 4],
    ['sporadic', 'H.......HH', 'none', 3], // a final run, but not the first time hot
    ['oscillating', 'CC....H..H', 'none', 2],
    ['historical', 'HHHHHHHHH.', 'none', 9],
    ['historical', 'HHHHHHHHH_', 'decreasing', 9], // a missing final step is not hot either
  ];
  for (const [direction, flip] of [['hot', (x: string) => x], ['cold', mirror]] as const) {
    it.each(cases)(`%s ${direction} spot: %s (trend %s)`, (category, pattern, trend, significantSteps) => {
      const result = classify(flip(pattern), direction === 'hot' ? trend : mirrorTrend(trend));
      expect(result).toMatchObject({ category, direction: direction as HotspotDirection, significantSteps });
      expect(result.reason).toMatch(direction);
    });
  }

  it('cold spots intensify as z falls: a falling trend intensifies a cold spot and diminishes a hot spot', () => {
    expect(classify('CCCCCCCCCC', 'decreasing').category).toBe('intensifying');
    expect(classify('CCCCCCCCCC', 'increasing').category).toBe('diminishing');
    expect(classify('HHHHHHHHHH', 'decreasing').category).toBe('diminishing');
  });

  it('no pattern: not significant at the end and under 90 % before', () => {
    expect(classify('..H....C..')).toMatchObject({ category: 'none', direction: null, significantSteps: 2 });
    expect(classify('..........')).toMatchObject({ category: 'none', direction: null, significantSteps: 0 });
  });

  it('overlapping definitions: the final step decides', () => {
    // Hot for 90 % and cold at the end: oscillating cold, not historical hot.
    expect(classify('HHHHHHHHHC')).toMatchObject({ category: 'oscillating', direction: 'cold', significantSteps: 1 });
    // Cold once, long ago, then hot at the end only: oscillating, not new.
    expect(classify('C........H')).toMatchObject({ category: 'oscillating', direction: 'hot' });
  });

  it('steps without data count as not significant: a gap can take a location under 90 %', () => {
    expect(classify('HHH_HHHHHH').category).toBe('persistent'); // 9 of 10
    expect(classify('HHH__HHHHH').category).toBe('sporadic'); // 8 of 10
  });

  it('90 % is a boundary that belongs to the upper categories: 63 hot steps of 70 are persistent, 62 are not', () => {
    expect(classify(`${'.'.repeat(7)}${'H'.repeat(63)}`)).toMatchObject({ category: 'persistent', significantSteps: 63 });
    expect(classify(`${'.'.repeat(8)}${'H'.repeat(62)}`)).toMatchObject({ category: 'consecutive', significantSteps: 62 });
  });

  it('a step is significant when p ≤ alpha (default 0.05)', () => {
    const location = { z: [0.4, 0.2, 2.2], p: [0.7, 0.8, 0.03], mannKendall: { trend: 'none' as const } };
    expect(classifyEmergingHotspot(location).category).toBe('new');
    expect(classifyEmergingHotspot(location, { alpha: 0.01 }).category).toBe('none');
    expect(classifyEmergingHotspot(location, { alpha: 0.03 }).category).toBe('new');
  });

  it('edge cases: no steps, no data at all, a single step', () => {
    expect(classify('')).toEqual({ category: 'none', direction: null, significantSteps: 0, reason: 'no time steps' });
    expect(classify('____')).toEqual({ category: 'none', direction: null, significantSteps: 0, reason: 'no time step has a z-score and a p-value' });
    expect(classify('H')).toMatchObject({ category: 'new', direction: 'hot', significantSteps: 1 });
    expect(classify('C')).toMatchObject({ category: 'new', direction: 'cold', significantSteps: 1 });
    expect(classify('.')).toMatchObject({ category: 'none', direction: null });
  });

  it('takes the Mann–Kendall result of the z-scores as it comes', () => {
    const z = [2.1, 2.4, 2.3, 2.9, 3.2, 3.1, 3.8, 4.0, 4.4, 4.9];
    const location = { z, p: z.map(() => 0.01), mannKendall: mannKendall(z) };
    expect(location.mannKendall.trend).toBe('increasing');
    expect(classifyEmergingHotspot(location)).toMatchObject({ category: 'intensifying', direction: 'hot', significantSteps: 10 });
  });

  it('rejects z and p of different lengths and an alpha outside (0, 1)', () => {
    expect(() => classifyEmergingHotspot({ z: [1, 2], p: [0.1], mannKendall: { trend: 'none' } })).toThrow('z has 2 time steps but p has 1');
    expect(() => classifyEmergingHotspot({ z: [1], p: [0.1], mannKendall: { trend: 'none' } }, { alpha: 0 })).toThrow('alpha is 0');
  });
});
