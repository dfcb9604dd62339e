/**
 * Class breaks for a choropleth: the quantiles of the values, rounded to numbers a
 * legend can say ("150", "2,5", "45"), without repeats. Quantiles rather than equal
 * intervals because a few large areas would otherwise leave most areas in one class;
 * rounded because "bis unter 173,4" reads worse than "bis unter 150" and the classes
 * are only a reading aid (the exact figure is in the label and the panel).
 */

/**
 * Rounds to a multiple of half the power of ten below the value: 173 → 150, 258 → 250,
 * 46 → 45, 2.3 → 2.5, 0.73 → 0.75. Zero and negative values give 0.
 */
export function niceRound(value: number): number {
  if (!(value > 0)) return 0;
  const step = 10 ** Math.floor(Math.log10(value)) / 2;
  // toPrecision drops binary noise such as 0.30000000000000004
  return Number((Math.round(value / step) * step).toPrecision(12));
}

/** Linear-interpolated quantile of sorted values, p in 0..1 (R type 7, as spreadsheets). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/**
 * Up to `classes − 1` breaks, ascending: class 1 is [min, b1), class k is [b(k−1), bk),
 * the last is [b(last), ∞). Every break lies above the smallest value and at or below the
 * largest, so no class is empty. Non-finite values are ignored; no values: no breaks.
 * @param classes wanted number of classes @default 5
 */
export function classBreaks(values: readonly number[], classes = 5): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const nice = niceRound(quantile(sorted, i / classes));
    if (nice > min && nice <= max && nice > (breaks.at(-1) ?? -Infinity)) breaks.push(nice);
  }
  return breaks;
}
