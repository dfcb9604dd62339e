/**
 * Integer share-outs that hit a total exactly: how the generator makes city sums come out at
 * the published figures (3,839 residents, 500–700 estimated) while each property keeps its
 * relative weight.
 */

/**
 * Shares `total` (a whole number ≥ 0) out in proportion to `weights` by the largest-remainder
 * (Hamilton) method. Ties of the remainder go to the lower index. Returns whole numbers that
 * sum to `total` exactly; an entry with weight 0 gets 0. All weights 0 and `total` > 0 throws.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const out = new Array<number>(weights.length).fill(0);
  if (total === 0) return out;
  let sum = 0;
  for (const w of weights) {
    if (!(w >= 0)) throw new Error(`largestRemainder: invalid weight ${w}`);
    sum += w;
  }
  if (!(sum > 0)) throw new Error(`largestRemainder: ${total} to share, but all weights are 0`);
  const remainders: Array<[number, number]> = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = (total * weights[i]) / sum;
    const whole = Math.floor(exact);
    out[i] = whole;
    given += whole;
    if (weights[i] > 0) remainders.push([exact - whole, i]);
  }
  remainders.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; given < total; k++, given++) out[remainders[k % remainders.length][1]]++;
  return out;
}

/**
 * Like {@link largestRemainder}, but entry i never gets more than `caps[i]` (whole numbers).
 * What a capped entry cannot take is shared among the others in proportion to their weights.
 * Throws if the caps of the entries with positive weight sum to less than `total`.
 */
export function cappedLargestRemainder(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  let room = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0) room += caps[i];
  if (room < total) throw new Error(`cappedLargestRemainder: ${total} to share, room for ${room}`);
  let left = total;
  const open = new Set<number>();
  for (let i = 0; i < n; i++) if (weights[i] > 0 && caps[i] > 0) open.add(i);
  while (left > 0) {
    const idx = [...open];
    const share = largestRemainder(
      left,
      idx.map((i) => weights[i]),
    );
    let capped = false;
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      const free = caps[i] - out[i];
      if (share[k] >= free) {
        // Fill this entry to its cap and share the rest again without it.
        out[i] += free;
        left -= free;
        open.delete(i);
        capped = true;
      }
    }
    if (!capped) {
      for (let k = 0; k < idx.length; k++) out[idx[k]] += share[k];
      left = 0;
    }
  }
  return out;
}
