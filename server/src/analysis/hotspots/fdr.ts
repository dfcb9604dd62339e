/**
 * Benjamini–Hochberg adjusted p-values (Benjamini & Hochberg 1995), equal to R's
 * `p.adjust(p, method = "BH")`: for the p-values sorted in decreasing order,
 *   q_(i) = min_{j ≥ i} min(1, m/j · p_(j)),
 * where m counts the p-values that are not NaN. A unit is significant at false discovery
 * rate α when q ≤ α. NaN (an island, no statistic) stays NaN and does not count in m,
 * as R treats NA.
 *
 * @param p p-values in [0, 1], in any order; the result is in the same order
 */
export function benjaminiHochberg(p: readonly number[] | Float64Array): number[] {
  const order: number[] = [];
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i])) order.push(i);
  order.sort((a, b) => p[b] - p[a] || a - b);
  const m = order.length;
  const q = Array.from(p, () => Number.NaN);
  let running = Infinity;
  order.forEach((index, position) => {
    const rank = m - position;
    running = Math.min(running, (m / rank) * p[index]);
    q[index] = Math.min(1, running);
  });
  return q;
}
