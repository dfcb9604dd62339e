import { describe, expect, it } from 'vitest';
import { classify, classOf, stdDevBreaks, stdDevLabels, type ClassificationMethod } from './classify.ts';

// Registered RO+BG residents of Herne's 13 quarters in the synthetic October 2026 (the
// residents theme's classes). Sorted: 19 33 46 173 203 258 335 348 364 384 396 615 665.
const herne = [173, 258, 203, 335, 396, 348, 384, 46, 33, 19, 364, 665, 615];

// A textbook set with mean 5 and population SD 2 (sample SD would be 2.14):
// deviations −3 −1 −1 −1 0 0 2 4, squares sum to 32, 32 / 8 = 4.
const textbook = [2, 4, 4, 4, 5, 5, 7, 9];

describe('classOf', () => {
  it('puts a value equal to a break into the class above it (upper-exclusive)', () => {
    expect([0, 9.99, 10, 15, 20, 1e9].map((v) => classOf(v, [10, 20]))).toEqual([0, 0, 1, 1, 2, 2]);
  });
  it('gives −1 for a missing or non-finite value', () => {
    expect([null, Number.NaN, Infinity, -Infinity].map((v) => classOf(v, [10, 20]))).toEqual([-1, -1, -1, -1]);
  });
  it('gives class 0 for everything without breaks', () => {
    expect(classOf(-5, [])).toBe(0);
  });
});

describe('classify: the number of classes', () => {
  it.each([1, 8, 2.5, Number.NaN])('refuses %s classes, naming the allowed range', (classes) => {
    expect(() => classify(herne, { method: 'quantile', classes })).toThrow(`classes must be a whole number from 2 to 7, got ${classes}`);
  });
});

describe('classify: quantile', () => {
  it('breaks at the exact quintiles (R type 7) without rounding', () => {
    // positions 12·0.2 = 2.4 → 46 + 0.4·(173 − 46) = 96.8; 4.8 → 203 + 0.8·55 = 247;
    // 7.2 → 348 + 0.2·16 = 351.2; 9.6 → 384 + 0.6·12 = 391.2
    const c = classify(herne, { method: 'quantile', classes: 5, nice: false });
    expect(c.breaks.map((b) => Number(b.toFixed(6)))).toEqual([96.8, 247, 351.2, 391.2]);
    expect(c.counts).toEqual([3, 2, 3, 2, 3]);
    expect(c.warnings).toEqual([]);
  });

  it('rounds by default to numbers a legend can say (the residents theme\'s classes)', () => {
    // quintiles 96.8, 247, 351.2, 391.2 → rounded to half a power of ten
    const c = classify(herne, { method: 'quantile', classes: 5 });
    expect(c.breaks).toEqual([95, 250, 350, 400]);
    expect(classify([...herne].reverse(), { method: 'quantile', classes: 5 }).breaks).toEqual(c.breaks);
    // < 95: 19 33 46 | 173 203 | 258 335 348 | 364 384 396 | 615 665
    expect(c.counts).toEqual([3, 2, 3, 3, 2]);
  });

  it('collapses breaks that coincide and says so', () => {
    // quintiles 11, 12, 13, 14 round to 10, 10, 15, 15; 10 is the minimum itself
    const c = classify([10, 11, 12, 13, 14, 100], { method: 'quantile', classes: 5 });
    expect(c.breaks).toEqual([15]);
    expect(c.classes).toBe(2);
    expect(c.requestedClasses).toBe(5);
    expect(c.counts).toEqual([5, 1]);
    expect(c.warnings).toEqual(['legend.classesMerged']);
  });

  it('rounds negative quantiles by their magnitude', () => {
    // median −173 → −150 (niceRound alone, made for counts, would round it to 0)
    expect(classify([-500, -173, 0], { method: 'quantile', classes: 2 }).breaks).toEqual([-150]);
  });

  it('ignores nulls and non-finite values', () => {
    const c = classify([...herne, null, Number.NaN, Infinity], { method: 'quantile', classes: 5 });
    expect(c.breaks).toEqual([95, 250, 350, 400]);
    expect(c.counts.reduce((a, b) => a + b)).toBe(13);
  });
});

describe('classify: equal interval', () => {
  it('splits min to max into equal widths and reports the empty class', () => {
    // (665 − 19) / 5 = 129.2 → 148.2, 277.4, 406.6, 535.8; nothing lies in [406.6, 535.8)
    const c = classify(herne, { method: 'equal_interval', classes: 5, nice: false });
    expect(c.breaks.map((b) => Number(b.toFixed(6)))).toEqual([148.2, 277.4, 406.6, 535.8]);
    expect(c.counts).toEqual([3, 3, 5, 0, 2]);
    expect(c.warnings).toEqual(['legend.emptyClasses']);
  });

  it('rounds to a step of the class width, not of the value', () => {
    // width 129.2: the largest 5·10^k ≤ 129.2 / 4 is 5, so 148.2 → 150, 277.4 → 275, …
    expect(classify(herne, { method: 'equal_interval', classes: 5 }).breaks).toEqual([150, 275, 405, 535]);
    // width 24.25 → step 5: 1027.25 → 1025, 1051.5 → 1050, 1075.75 → 1075, where
    // niceRound would have sent all three to 1000 and merged the classes
    const far = classify([1003, 1100], { method: 'equal_interval', classes: 4 });
    expect(far.breaks).toEqual([1025, 1050, 1075]);
    expect(far.classes).toBe(4);
  });
});

describe('classify: standard deviation', () => {
  it('reports the mean and the population SD', () => {
    const c = classify(textbook, { method: 'std_dev', classes: 4 });
    expect(c.mean).toBe(5);
    expect(c.sd).toBe(2);
  });

  it('uses the mean as the middle break for an even number of classes', () => {
    // mean + (−1, 0, +1)·2
    const c = classify(textbook, { method: 'std_dev', classes: 4 });
    expect(c.breaks).toEqual([3, 5, 7]);
    // < 3: 2 | 4 4 4 | 5 5 | 7 9
    expect(c.counts).toEqual([1, 3, 2, 2]);
    expect(stdDevLabels(c)).toEqual([
      { from: null, to: -1 },
      { from: -1, to: 0 },
      { from: 0, to: 1 },
      { from: 1, to: null },
    ]);
  });

  it('centres a middle class on the mean for an odd number of classes', () => {
    // mean + (−1.5, −0.5, +0.5, +1.5)·2; nothing lies below 2
    const c = classify(textbook, { method: 'std_dev', classes: 5 });
    expect(c.breaks).toEqual([2, 4, 6, 8]);
    expect(c.counts).toEqual([0, 1, 5, 1, 1]);
    expect(c.warnings).toEqual(['legend.emptyClasses']);
    expect(stdDevLabels(c).map((b) => [b.from, b.to])).toEqual([
      [null, -1.5],
      [-1.5, -0.5],
      [-0.5, 0.5],
      [0.5, 1.5],
      [1.5, null],
    ]);
  });

  it('keeps classes beyond the data, so that a colour always means the same distance', () => {
    // 7 classes: ±0.5, ±1.5, ±2.5 SD → 0, 2, 4, 6, 8, 10
    const c = classify(textbook, { method: 'std_dev', classes: 7 });
    expect(c.breaks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(c.classes).toBe(7);
  });

  it('splits at the mean for two classes', () => {
    const c = classify(textbook, { method: 'std_dev', classes: 2 });
    expect(c.breaks).toEqual([5]);
    expect(c.counts).toEqual([4, 4]);
  });

  it('honours a half-SD interval', () => {
    // width 1: mean ± 0.5 → 4.5, 5.5
    const c = classify(textbook, { method: 'std_dev', classes: 3, sdInterval: 0.5 });
    expect(c.breaks).toEqual([4.5, 5.5]);
    expect(stdDevLabels(c).map((b) => [b.from, b.to])).toEqual([
      [null, -0.25],
      [-0.25, 0.25],
      [0.25, null],
    ]);
  });

  it('rounds only when asked, and then labels the rounded breaks in SD units', () => {
    const shifted = textbook.map((v) => v + 0.13); // mean 5.13, SD 2
    expect(classify(shifted, { method: 'std_dev', classes: 4 }).breaks.map((b) => Number(b.toFixed(9)))).toEqual([3.13, 5.13, 7.13]);
    const nice = classify(shifted, { method: 'std_dev', classes: 4, nice: true });
    // width 2 → step 0.5
    expect(nice.breaks).toEqual([3, 5, 7]);
    // (3 − 5.13) / 2 = −1.065, (5 − 5.13) / 2 = −0.065, (7 − 5.13) / 2 = 0.935
    expect(stdDevLabels(nice).map((b) => b.to)).toEqual([-1.065, -0.065, 0.935, null]);
  });

  it('refuses another interval', () => {
    expect(() => classify(textbook, { method: 'std_dev', classes: 3, sdInterval: 2 as never })).toThrow('sdInterval must be 1, 0.5 or 0.25, got 2');
  });

  it('computes the breaks from mean and width alone', () => {
    expect(stdDevBreaks(100, 10, 6)).toEqual([80, 90, 100, 110, 120]);
    expect(stdDevBreaks(100, 10, 3)).toEqual([95, 105]);
  });

  it('refuses SD labels for another method', () => {
    expect(() => stdDevLabels(classify(herne, { method: 'quantile', classes: 3 }))).toThrow('stdDevLabels needs a std_dev classification, got quantile');
  });
});

describe('classify: manual', () => {
  it('uses the given breaks', () => {
    const c = classify(herne, { method: 'manual', classes: 3, manualBreaks: [100, 400] });
    expect(c.breaks).toEqual([100, 400]);
    // < 100: 19 33 46 | 173 … 396 (8) | 615 665
    expect(c.counts).toEqual([3, 8, 2]);
  });

  it('keeps the breaks when there are no values', () => {
    const c = classify([null], { method: 'manual', classes: 2, manualBreaks: [5] });
    expect(c.breaks).toEqual([5]);
    expect(c.counts).toEqual([0, 0]);
    expect(c.warnings).toEqual(['legend.noValues']);
  });

  it.each([
    [[10, 15, 12], 4, 'manual break 3 (12) is not above break 2 (15)'],
    [[10, 10], 3, 'manual break 2 (10) is not above break 1 (10)'],
    [[10, Number.NaN], 3, 'manual break 2 (NaN) is not a finite number'],
    [[10, Infinity], 3, 'manual break 2 (Infinity) is not a finite number'],
    [[], 2, 'manual breaks: 1 to 6 are needed, got 0'],
    [[1, 2, 3, 4, 5, 6, 7], 7, 'manual breaks: 1 to 6 are needed, got 7'],
    [[10, 20], 5, 'manual breaks give 3 classes, but classes is 5'],
  ])('refuses %j (classes %i): %s', (manualBreaks, classes, message) => {
    expect(() => classify(herne, { method: 'manual', classes, manualBreaks })).toThrow(message);
  });

  it('refuses the manual method without breaks', () => {
    expect(() => classify(herne, { method: 'manual', classes: 3 })).toThrow('method "manual" needs manualBreaks');
  });
});

describe('classify: degenerate data', () => {
  const methods: ClassificationMethod[] = ['quantile', 'equal_interval', 'std_dev'];

  it.each(methods)('%s: one class when every value is the same', (method) => {
    const c = classify([4, 4, null, 4], { method, classes: 5 });
    expect(c.breaks).toEqual([]);
    expect(c.classes).toBe(1);
    expect(c.counts).toEqual([3]);
    expect(c.warnings).toEqual(['legend.singleValue']);
  });

  it.each(methods)('%s: no breaks and a warning without values', (method) => {
    const c = classify([null, Number.NaN], { method, classes: 3 });
    expect(c.breaks).toEqual([]);
    expect(c.counts).toEqual([0]);
    expect(Number.isNaN(c.min) && Number.isNaN(c.max)).toBe(true);
    expect(c.warnings).toEqual(['legend.noValues']);
  });
});

describe('classify: invariants', () => {
  const samples: (number | null)[][] = [herne, textbook, [0.2, 0.4, 5.5, 7.25, 9.9], [-12, -3, 0, 0, 4, 18, null], [3, 1000, 1001], [1, 1, 1, 2]];
  const methods: ClassificationMethod[] = ['quantile', 'equal_interval', 'std_dev'];

  it('counts every finite value once, in the class classOf gives it, with ascending breaks', () => {
    for (const values of samples) {
      for (const method of methods) {
        for (let classes = 2; classes <= 7; classes++) {
          for (const nice of [true, false]) {
            const c = classify(values, { method, classes, nice });
            const finite = values.filter((v): v is number => v !== null);
            expect(c.classes).toBe(c.breaks.length + 1);
            expect(c.classes).toBeLessThanOrEqual(classes);
            expect(c.breaks.every((b, i) => i === 0 || b > c.breaks[i - 1])).toBe(true);
            const expected = new Array(c.classes).fill(0);
            for (const v of finite) expected[classOf(v, c.breaks)]++;
            expect(c.counts).toEqual(expected);
          }
        }
      }
    }
  });

  it('does not depend on the order of the values', () => {
    for (const method of methods) {
      expect(classify([...herne].reverse(), { method, classes: 5 })).toEqual(classify(herne, { method, classes: 5 }));
    }
  });
});
