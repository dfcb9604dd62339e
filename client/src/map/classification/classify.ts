/**
 * Class breaks for a choropleth by one of four methods, with the class of each value
 * and warnings when the data do not allow what was asked. Pure: the map, the legend and
 * the panel all classify from the same result.
 *
 * Classes are upper-exclusive everywhere: with breaks b1 < b2,
 * class 0 is (−∞, b1), class 1 is [b1, b2), class 2 is [b2, ∞).
 */
import { niceRound, quantile } from './quantile.ts';
import { MAX_CLASSES, MIN_CLASSES } from './class-count.ts';

export type ClassificationMethod = 'quantile' | 'equal_interval' | 'std_dev' | 'manual';

/**
 * Message keys for what went differently from the request. The legend shows them; the
 * numbers their messages need are on the classification (`requestedClasses`, `classes`).
 * - `legend.classesMerged`: fewer classes than asked, because quantiles (or their rounding)
 *   coincided or fell on the smallest value;
 * - `legend.emptyClasses`: at least one class holds no unit (equal interval, standard
 *   deviation and manual breaks do not follow the data's spread);
 * - `legend.singleValue`: every unit has the same value, so there is one class;
 * - `legend.noValues`: no unit has a value.
 */
export type ClassificationWarning = 'legend.classesMerged' | 'legend.emptyClasses' | 'legend.singleValue' | 'legend.noValues';

/** Width of a standard-deviation class, in standard deviations (ArcGIS offers the same three). */
export type StdDevInterval = 1 | 0.5 | 0.25;

export interface ClassifyOptions {
  method: ClassificationMethod;
  /** Wanted number of classes, a whole number from 2 to 7. For `manual`, manualBreaks.length + 1. */
  classes: number;
  /** `manual` only: the inner breaks, ascending, finite, 1 to 6 of them. */
  manualBreaks?: readonly number[];
  /**
   * Round breaks to numbers a legend can say. Quantiles round like `niceRound` (to half a
   * power of ten of the value itself: Herne's quarters 95, 250, 350, 400); equal
   * intervals and standard deviations round to a half power of ten of at most a quarter
   * of the class width, so that the classes keep nearly equal widths and no break is
   * lost. Ignored for `manual`.
   * @default true for quantile and equal_interval, false for std_dev (whose breaks then
   * stay exactly mean + k·SD, as its legend says)
   */
  nice?: boolean;
  /** `std_dev` only: class width in standard deviations. @default 1 */
  sdInterval?: StdDevInterval;
}

export interface Classification {
  method: ClassificationMethod;
  /** The number of classes asked for. */
  requestedClasses: number;
  /** The number of classes there are: breaks.length + 1. */
  classes: number;
  /** Inner breaks, ascending; each is the inclusive lower bound of the class above it. */
  breaks: number[];
  /** Smallest and largest finite value; NaN when there is none. */
  min: number;
  max: number;
  /** `std_dev` only: arithmetic mean of the finite values. */
  mean?: number;
  /** `std_dev` only: population standard deviation (divided by n, not n − 1). */
  sd?: number;
  /** Units per class, in class order; null, NaN and ±∞ are in no class. */
  counts: number[];
  warnings: ClassificationWarning[];
}

/**
 * The class of `value`, 0-based, for ascending upper-exclusive `breaks`; −1 for null,
 * NaN and ±∞, which `classify` leaves out (the map draws them as "no figure").
 */
export function classOf(value: number | null, breaks: readonly number[]): number {
  if (value === null || !Number.isFinite(value)) return -1;
  let k = 0;
  while (k < breaks.length && value >= breaks[k]) k++;
  return k;
}

/**
 * Classifies `values` (one per unit; null for a unit without a figure).
 * - quantile: breaks at the i/classes quantiles (R type 7, as `quantile` in
 *   `quantile.ts`); breaks that coincide, or that fall on the smallest value, are
 *   dropped, so no class is empty and there may be fewer classes;
 * - equal_interval: breaks at min + i·(max − min)/classes;
 * - std_dev: classes `sdInterval` SD wide, centred on the mean (see `stdDevBreaks`);
 * - manual: the given breaks.
 * @throws RangeError naming the problem when `classes`, `manualBreaks` or `sdInterval` are invalid
 */
export function classify(values: readonly (number | null)[], options: ClassifyOptions): Classification {
  const { method, classes } = options;
  if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw new RangeError(`classes must be a whole number from ${MIN_CLASSES} to ${MAX_CLASSES}, got ${classes}`);
  }
  const sdInterval = options.sdInterval ?? 1;
  if (![1, 0.5, 0.25].includes(sdInterval)) throw new RangeError(`sdInterval must be 1, 0.5 or 0.25, got ${sdInterval}`);
  const manual = method === 'manual' ? validManualBreaks(options.manualBreaks, classes) : null;
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const min = sorted.length > 0 ? sorted[0] : Number.NaN;
  const max = sorted.length > 0 ? sorted[sorted.length - 1] : Number.NaN;
  const nice = options.nice ?? method !== 'std_dev';

  const warnings: ClassificationWarning[] = [];
  let breaks: number[];
  let stats: { mean: number; sd: number } | null = null;
  if (manual) {
    breaks = [...manual];
  } else if (sorted.length === 0 || min === max) {
    breaks = [];
    if (method === 'std_dev' && sorted.length > 0) stats = { mean: min, sd: 0 };
  } else if (method === 'quantile') {
    const candidates = Array.from({ length: classes - 1 }, (_, i) => quantile(sorted, (i + 1) / classes));
    breaks = keepInside(nice ? candidates.map(niceSigned) : candidates, min, max);
  } else if (method === 'equal_interval') {
    const width = (max - min) / classes;
    const candidates = Array.from({ length: classes - 1 }, (_, i) => min + (i + 1) * width);
    breaks = keepInside(nice ? candidates.map((b) => roundToWidth(b, width)) : candidates, min, max);
  } else {
    stats = meanAndSd(sorted);
    const width = sdInterval * stats.sd;
    const exact = stdDevBreaks(stats.mean, width, classes);
    breaks = nice ? exact.map((b) => roundToWidth(b, width)) : exact;
  }

  const counts = new Array<number>(breaks.length + 1).fill(0);
  for (const v of sorted) counts[classOf(v, breaks)]++;

  if (sorted.length === 0) warnings.push('legend.noValues');
  else if (min === max && !manual) warnings.push('legend.singleValue');
  else if (breaks.length < classes - 1) warnings.push('legend.classesMerged');
  if (sorted.length > 0 && counts.includes(0)) warnings.push('legend.emptyClasses');

  return {
    method,
    requestedClasses: classes,
    classes: breaks.length + 1,
    breaks,
    min,
    max,
    ...(stats ?? {}),
    counts,
    warnings,
  };
}

/**
 * Standard-deviation breaks: `classes − 1` breaks `width` apart, placed symmetrically
 * around the mean, i.e. mean + k·width for k = j − (classes − 2)/2, j = 0 … classes − 2.
 * An even number of classes has the mean itself as the middle break (4 classes at 1 SD:
 * −1, 0, +1 SD); an odd number has a middle class straddling the mean by half a width
 * (5 classes: −1.5, −0.5, +0.5, +1.5 SD).
 *
 * Why this rule: ArcGIS's standard deviation classification places breaks at 1, ½ or ¼
 * SD from the mean with one class that "straddles the mean value by the class interval"
 * (ArcObjects `StandardDeviation` class, help.arcgis.com/en/sdk/10.0/arcobjects_net,
 * and Esri's GIS Dictionary, "standard deviation classification"), but lets the data set
 * the number of classes. Here the number of classes is given (2–7, like the other
 * methods), so the odd counts follow ArcGIS, and the even counts use the mean as the
 * central break, as textbook mean–standard-deviation maps and z-score indices do (a unit
 * is above or below the mean). The two cases match ColorBrewer's diverging schemes: odd
 * counts have a neutral middle colour for the class around the mean, even counts meet at
 * the middle break. Classes beyond the data stay (and are reported as empty), so that a
 * colour always means the same distance from the mean.
 */
export function stdDevBreaks(mean: number, width: number, classes: number): number[] {
  return Array.from({ length: classes - 1 }, (_, j) => mean + (j - (classes - 2) / 2) * width);
}

/** Each class of a standard-deviation classification, in SD from the mean; null: open end. */
export interface StdDevBand {
  from: number | null;
  to: number | null;
}

/**
 * The bounds of each class in standard deviations from the mean, so the legend can say
 * "−1 SD to mean". Rounded to 6 decimals to drop floating-point noise (mean + 1·SD − mean
 * is not always exactly SD). A classification with a single class gives one open band.
 * @throws Error when the classification is not `std_dev`
 */
export function stdDevLabels(classification: Classification): StdDevBand[] {
  const { method, breaks, mean, sd } = classification;
  if (method !== 'std_dev') throw new Error(`stdDevLabels needs a std_dev classification, got ${method}`);
  if (breaks.length === 0 || mean === undefined || !sd) return [{ from: null, to: null }];
  const units = breaks.map((b) => Math.round(((b - mean) / sd) * 1e6) / 1e6 + 0);
  return [null, ...units].map((from, i) => ({ from, to: units[i] ?? null }));
}

function validManualBreaks(manualBreaks: readonly number[] | undefined, classes: number): readonly number[] {
  if (!manualBreaks) throw new RangeError('method "manual" needs manualBreaks');
  const most = MAX_CLASSES - 1;
  if (manualBreaks.length < 1 || manualBreaks.length > most) {
    throw new RangeError(`manual breaks: 1 to ${most} are needed, got ${manualBreaks.length}`);
  }
  manualBreaks.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isFinite(b)) throw new RangeError(`manual break ${i + 1} (${b}) is not a finite number`);
    if (i > 0 && !(b > manualBreaks[i - 1])) {
      throw new RangeError(`manual break ${i + 1} (${b}) is not above break ${i} (${manualBreaks[i - 1]})`);
    }
  });
  if (manualBreaks.length + 1 !== classes) {
    throw new RangeError(`manual breaks give ${manualBreaks.length + 1} classes, but classes is ${classes}`);
  }
  return manualBreaks;
}

/** Drops breaks at or below the minimum (an empty first class), above the maximum, and repeats. */
function keepInside(candidates: readonly number[], min: number, max: number): number[] {
  const breaks: number[] = [];
  for (const b of candidates) {
    if (b > min && b <= max && b > (breaks.at(-1) ?? -Infinity)) breaks.push(b);
  }
  return breaks;
}

/** `niceRound` for either sign: −173 → −150. */
function niceSigned(value: number): number {
  return value < 0 ? -niceRound(-value) : niceRound(value);
}

/**
 * Rounds to a multiple of the largest half power of ten (…, 0.5, 5, 50, …) that is at
 * most a quarter of `width`: with width 24.25 a break of 1027.25 becomes 1025, where
 * `niceRound` would make it 1000 and merge it with its neighbours. A break moves by at
 * most an eighth of the width, so breaks keep their order and stay inside the data.
 */
function roundToWidth(value: number, width: number): number {
  const step = 5 * 10 ** Math.floor(Math.log10(width / 20));
  // toPrecision drops binary noise such as 0.30000000000000004; + 0 turns −0 into 0
  return Number((Math.round(value / step) * step).toPrecision(12)) + 0;
}

function meanAndSd(sorted: readonly number[]): { mean: number; sd: number } {
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  const variance = sorted.reduce((sum, v) => sum + (v - mean) ** 2, 0) / sorted.length;
  return { mean, sd: Math.sqrt(variance) };
}
