/**
 * The two numeric helpers of quantile classes: the quantile itself, and rounding a
 * break to a number a legend can say ("150", "2,5", "45") — because "bis unter 173,4"
 * reads worse than "bis unter 150", and classes are only a reading aid (the exact figure
 * is in the label and the panel).
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
