import { describe, expect, it } from 'vitest';
import { RESIDENTS_RAMP, RESIDENTS_ZERO, zensusPopulationClasses } from '../layers/palette.ts';
import { MAX_CLASSES, MIN_CLASSES } from './class-count.ts';
import { hexToLab, MIN_DISTINGUISHABLE_DELTA_E, weakestPair } from './colour-vision.ts';
import {
  CLUSTER_COLOURS,
  DIVERGING_PALETTES,
  divergingPalette,
  HOTSPOT_BIN_COLOURS,
  SEQUENTIAL_PALETTES,
  sequentialPalette,
  type DivergingPaletteName,
  type HotspotBin,
} from './palettes.ts';

const CLASS_COUNTS = Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i);
const lightness = (hex: string) => hexToLab(hex).L;
const hueDegrees = (hex: string) => {
  const { a, b } = hexToLab(hex);
  return (Math.atan2(b, a) * 180) / Math.PI;
};

/** Every diverging palette and class count that exists (BrBG stops at 6). */
const divergingCases: [DivergingPaletteName, number][] = DIVERGING_PALETTES.flatMap((name) =>
  CLASS_COUNTS.filter((n) => !(name === 'BrBG' && n === 7)).map((n): [DivergingPaletteName, number] => [name, n]),
);

describe('sequentialPalette', () => {
  it.each(SEQUENTIAL_PALETTES)('%s runs from light to dark for every class count', (name) => {
    for (const n of CLASS_COUNTS) {
      const colours = sequentialPalette(name, n);
      expect(colours).toHaveLength(n);
      const l = colours.map(lightness);
      expect(l.every((v, i) => i === 0 || v < l[i - 1])).toBe(true);
    }
  });

  it('takes the outer colours of the 3-class scheme for 2 classes', () => {
    const three = sequentialPalette('YlOrRd', 3);
    expect(sequentialPalette('YlOrRd', 2)).toEqual([three[0], three[2]]);
  });

  it('agrees with the colours transcribed earlier for the residents and Zensus layers', () => {
    // layers/palette.ts copied ColorBrewer PuBu (6) and YlGnBu (6, lightest dropped) by hand
    expect(sequentialPalette('PuBu', 6)).toEqual([RESIDENTS_ZERO, ...RESIDENTS_RAMP]);
    expect(sequentialPalette('YlGnBu', 6).slice(1)).toEqual(zensusPopulationClasses(0).map((c) => c.colour));
  });

  it('returns a fresh array each time', () => {
    sequentialPalette('viridis', 3).reverse();
    expect(lightness(sequentialPalette('viridis', 3)[0])).toBeGreaterThan(90);
  });

  it.each([1, 8, 3.5])('refuses %s classes', (n) => {
    expect(() => sequentialPalette('PuBu', n)).toThrow(`sequential palette PuBu: classes must be a whole number from 2 to 7, got ${n}`);
  });

  it('refuses an unknown name (from untyped input such as the URL)', () => {
    expect(() => sequentialPalette('Jet' as never, 5)).toThrow('unknown sequential palette "Jet"');
  });
});

describe('divergingPalette', () => {
  it.each(divergingCases)('%s with %i classes is lightest in the middle and darkest at the ends', (name, n) => {
    const l = divergingPalette(name, n).map(lightness);
    expect(l).toHaveLength(n);
    const middle = (n - 1) / 2;
    // lightness rises towards the middle from both ends
    for (let i = 1; i < n; i++) {
      if (i <= middle) expect(l[i]).toBeGreaterThan(l[i - 1]);
      if (i - 1 >= middle) expect(l[i]).toBeLessThan(l[i - 1]);
    }
  });

  it('has a neutral middle class for an odd count only', () => {
    const chroma = (hex: string) => Math.hypot(hexToLab(hex).a, hexToLab(hex).b);
    expect(chroma(divergingPalette('RdBu', 5)[2])).toBeLessThan(2);
    expect(divergingPalette('RdBu', 4).every((c) => chroma(c) > 10)).toBe(true);
  });

  it('reverses on request', () => {
    expect(divergingPalette('PuOr', 5, { reverse: true })).toEqual(divergingPalette('PuOr', 5).reverse());
  });

  it('has no BrBG with 7 classes, and says which counts it has', () => {
    expect(() => divergingPalette('BrBG', 7)).toThrow('diverging palette BrBG has no colour-blind-safe version with 7 classes (it has 2, 3, 4, 5, 6)');
  });
});

describe('HOTSPOT_BIN_COLOURS', () => {
  const bins: HotspotBin[] = [-3, -2, -1, 0, 1, 2, 3];

  it('is blue for cold spots, red for hot spots, darker with confidence', () => {
    for (const bin of bins) {
      const { a, b } = hexToLab(HOTSPOT_BIN_COLOURS[bin]);
      if (bin < 0) expect(b).toBeLessThan(0);
      if (bin > 0) expect(a).toBeGreaterThan(0);
    }
    for (const side of [-1, 1]) {
      const l = [0, 1, 2, 3].map((k) => lightness(HOTSPOT_BIN_COLOURS[(side * k) as HotspotBin]));
      expect(l.every((v, i) => i === 0 || v < l[i - 1])).toBe(true);
    }
  });
});

describe('CLUSTER_COLOURS', () => {
  it('tints the outliers in the colour of their own value, lighter than the clusters', () => {
    // HL: a high value among low ones, light red; LH: light blue (GeoDa's convention)
    expect(Math.abs(hueDegrees(CLUSTER_COLOURS.HL) - hueDegrees(CLUSTER_COLOURS.HH))).toBeLessThan(30);
    expect(Math.abs(hueDegrees(CLUSTER_COLOURS.LH) - hueDegrees(CLUSTER_COLOURS.LL))).toBeLessThan(30);
    expect(lightness(CLUSTER_COLOURS.HL)).toBeGreaterThan(lightness(CLUSTER_COLOURS.HH));
    expect(lightness(CLUSTER_COLOURS.LH)).toBeGreaterThan(lightness(CLUSTER_COLOURS.LL));
  });

  it('shows not significant as a light grey', () => {
    const ns = hexToLab(CLUSTER_COLOURS.ns);
    expect(Math.hypot(ns.a, ns.b)).toBeLessThan(1);
    expect(ns.L).toBeGreaterThan(85);
  });
});

describe('every palette stays readable with a colour-vision deficiency', () => {
  // Neighbouring classes for ramps; every pair for clusters, since any two cluster types
  // can share a border. ΔE00 under typical vision and simulated protanopia, deuteranopia
  // and tritanopia (Machado et al. 2009); the threshold is justified in colour-vision.ts.
  const cases: [string, string[], 'adjacent' | 'all'][] = [
    ...SEQUENTIAL_PALETTES.flatMap((name) => CLASS_COUNTS.map((n): [string, string[], 'adjacent'] => [`${name} ${n}`, sequentialPalette(name, n), 'adjacent'])),
    ...divergingCases.map(([name, n]): [string, string[], 'adjacent'] => [`${name} ${n}`, divergingPalette(name, n), 'adjacent']),
    ['hot spot bins', ([-3, -2, -1, 0, 1, 2, 3] as HotspotBin[]).map((b) => HOTSPOT_BIN_COLOURS[b]), 'adjacent'],
    ['local Moran clusters', Object.values(CLUSTER_COLOURS), 'all'],
  ];

  it.each(cases)('%s', (_, colours, pairs) => {
    const weakest = weakestPair(colours, pairs);
    expect(weakest.deltaE, `${colours[weakest.first]} vs ${colours[weakest.second]} for ${weakest.vision}`).toBeGreaterThanOrEqual(
      MIN_DISTINGUISHABLE_DELTA_E,
    );
  });
});
