import { describe, expect, it } from 'vitest';
import { ciede2000, colourDifference, hexToLab, MIN_DISTINGUISHABLE_DELTA_E, simulateColourVision, weakestPair, type Lab } from './colour-vision.ts';

describe('ciede2000', () => {
  // Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation
  // notes, supplementary test data, and mathematical observations", Table 1 (pair number,
  // Lab 1, Lab 2, ΔE00). The pairs cover the hue wrap-around and the blue rotation term.
  const pairs: [number, [number, number, number], [number, number, number], number][] = [
    [1, [50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [4, [50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
    [7, [50, 0, 0], [50, -1, 2], 2.3669],
    [9, [50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [11, [50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
    [13, [50, -0.001, 2.49], [50, 0.0009, -2.49], 4.8045],
    [17, [50, 2.5, 0], [73, 25, -18], 27.1492],
    [19, [50, 2.5, 0], [56, -27, -3], 31.903],
    [25, [60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [29, [22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    [34, [2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];
  const lab = ([L, a, b]: [number, number, number]): Lab => ({ L, a, b });

  it.each(pairs)('pair %i: %j vs %j → %f', (_, p, q, expected) => {
    expect(ciede2000(lab(p), lab(q))).toBeCloseTo(expected, 4);
    expect(ciede2000(lab(q), lab(p))).toBeCloseTo(expected, 4);
  });

  it('is zero for the same colour', () => {
    expect(ciede2000({ L: 40, a: 12, b: -7 }, { L: 40, a: 12, b: -7 })).toBe(0);
  });
});

describe('hexToLab', () => {
  it('maps white, black and sRGB red to their CIELAB (D65) coordinates', () => {
    const white = hexToLab('#ffffff');
    expect(white.L).toBeCloseTo(100, 2);
    expect(Math.abs(white.a) + Math.abs(white.b)).toBeLessThan(1e-4);
    expect(hexToLab('#000').L).toBe(0);
    // sRGB red is L 53.2408, a 80.0925, b 67.2032 with the seven-digit matrix (Bruce
    // Lindbloom's colour calculator); four-digit matrices give 53.23 / 80.11 / 67.22
    const red = hexToLab('#FF0000');
    expect(red.L).toBeCloseTo(53.2408, 3);
    expect(red.a).toBeCloseTo(80.0925, 3);
    expect(red.b).toBeCloseTo(67.2032, 3);
  });

  it('names input it cannot read', () => {
    expect(() => hexToLab('red')).toThrow('not a hex colour: "red"');
    expect(() => hexToLab('#12345')).toThrow('not a hex colour: "#12345"');
  });
});

describe('simulateColourVision', () => {
  it('leaves white and greys alone (every Machado row sums to 1)', () => {
    for (const d of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      expect(simulateColourVision('#ffffff', d)).toBe('#ffffff');
      expect(simulateColourVision('#808080', d)).toBe('#808080');
    }
  });

  it('turns red into an olive for a deuteranope', () => {
    // linear red (1, 0, 0) → first column (0.367322, 0.280085, −0.01182 → 0);
    // sRGB-encoded: 0.6400 → 163 = a3, 0.5658 → 144 = 90, 0 → 00
    expect(simulateColourVision('#ff0000', 'deuteranopia')).toBe('#a39000');
  });

  it('keeps red and blue apart for a tritanope (whose confusion axis is blue–yellow)', () => {
    expect(colourDifference('#ff0000', '#0000ff', 'tritanopia')).toBeGreaterThan(MIN_DISTINGUISHABLE_DELTA_E);
  });
});

describe('weakestPair', () => {
  it('catches a red–green palette that only typical vision tells apart', () => {
    // ColorBrewer RdYlGn with 4 classes, which ColorBrewer rates unsafe for colour-blind
    // readers: orange and light green are far apart for typical vision, not for deuteranopes
    const rdYlGn = ['#d7191c', '#fdae61', '#a6d96a', '#1a9641'];
    expect(colourDifference('#fdae61', '#a6d96a')).toBeGreaterThan(30);
    const weakest = weakestPair(rdYlGn);
    expect(weakest).toMatchObject({ first: 1, second: 2, vision: 'deuteranopia' });
    expect(weakest.deltaE).toBeLessThan(MIN_DISTINGUISHABLE_DELTA_E);
  });

  it('catches the plain red–green pair of a traffic-light legend', () => {
    const weakest = weakestPair(['#fc8d59', '#91cf60']);
    expect(weakest.vision).not.toBe('normal');
    expect(weakest.deltaE).toBeLessThan(MIN_DISTINGUISHABLE_DELTA_E);
  });

  it('passes a ramp whose neighbours differ in lightness', () => {
    expect(weakestPair(['#f7f7f7', '#969696', '#252525']).deltaE).toBeGreaterThan(MIN_DISTINGUISHABLE_DELTA_E);
  });

  it('compares every pair when asked, not only neighbours', () => {
    // the two ends are the same colour: neighbours differ, the ends do not
    const palette = ['#2166ac', '#f7f7f7', '#2166ac'];
    expect(weakestPair(palette).deltaE).toBeGreaterThan(MIN_DISTINGUISHABLE_DELTA_E);
    expect(weakestPair(palette, 'all')).toMatchObject({ first: 0, second: 2, deltaE: 0 });
  });

  it('needs two colours', () => {
    expect(() => weakestPair(['#ffffff'])).toThrow('a palette needs two colours to compare, got 1');
  });
});
