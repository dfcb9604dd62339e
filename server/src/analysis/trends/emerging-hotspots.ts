/**
 * Emerging hot spot categories of one location, after ArcGIS Pro's Emerging Hot Spot Analysis
 * ("How Emerging Hot Spot Analysis works", pro.arcgis.com, tool-reference/space-time-pattern-mining/
 * learnmoreemerging.htm; the definitions are quoted at each rule below, for hot spots; cold spots
 * mirror them). Input: the location's Gi* z-scores and p-values per time step and the
 * Mann–Kendall trend of its z-scores, as the tool computes them.
 *
 * A time step is a significant hot (cold) spot when p ≤ alpha and z > 0 (z < 0). "Ninety percent
 * of the time-step intervals" is read as at least 90 % of all steps, steps without a z-score or
 * p-value counted as not significant (ArcGIS's cube has no such gaps; counting them against the
 * location keeps a gap from making it look more persistent).
 *
 * The published definitions overlap at a few edges; this module resolves them so that the name
 * says what the location is at the final step, and states each choice where it is made:
 * - a location significant at the final step is named by that step's direction (so a location
 *   hot for 90 % of the steps that turns cold at the end is an oscillating cold spot, not a
 *   historical hot spot);
 * - a location ≥ 90 % hot whose final step is not significant is historical, not persistent
 *   (ArcGIS's persistent text does not name the final step; historical says more);
 * - a cold history before a hot final step makes it oscillating, also where it would otherwise
 *   be new or consecutive ("never been a hot spot before" says nothing about cold);
 * - with a single time step, a significant location is new (it has no earlier step), not
 *   persistent.
 */
import type { MannKendall } from './mann-kendall.ts';

export type EmergingHotspotCategory =
  | 'new'
  | 'consecutive'
  | 'intensifying'
  | 'persistent'
  | 'diminishing'
  | 'sporadic'
  | 'oscillating'
  | 'historical'
  | 'none';

export type HotspotDirection = 'hot' | 'cold';

export interface EmergingHotspotInput {
  /** Gi* z-score per time step, oldest first; NaN or null where the step has none. */
  z: readonly (number | null)[];
  /** p-value per time step (raw or FDR-adjusted, as the caller chooses), same order and length as `z`. */
  p: readonly (number | null)[];
  /** Mann–Kendall test of the `z` series, `mannKendall(z)` (only its `trend` is read). */
  mannKendall: Pick<MannKendall, 'trend'>;
}

export interface EmergingHotspotOptions {
  /** Significance level for a time step: significant when p ≤ alpha. @default 0.05 */
  alpha?: number;
}

export interface EmergingHotspot {
  category: EmergingHotspotCategory;
  /** Hot or cold spot; null with category `none`. */
  direction: HotspotDirection | null;
  /**
   * Time steps that are significant spots of `direction`; with category `none`, the steps
   * significant either way.
   */
  significantSteps: number;
  /** The rule that applied, in words, with the counts it used. */
  reason: string;
}

type StepState = HotspotDirection | null;

/**
 * Classifies one location's time series of Gi* results.
 *
 * @param input - z-scores and p-values per time step (oldest first), and the Mann–Kendall
 *   result of the z-scores
 * @param options - `alpha`, the significance level of a time step (default 0.05)
 * @throws RangeError when `z` and `p` differ in length or alpha is outside (0, 1)
 */
export function classifyEmergingHotspot(input: EmergingHotspotInput, options: EmergingHotspotOptions = {}): EmergingHotspot {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha is ${alpha}: it must lie between 0 and 1`);
  const { z, p } = input;
  if (z.length !== p.length) throw new RangeError(`z has ${z.length} time steps but p has ${p.length}`);
  const steps = z.length;
  const missing = (value: number | null): value is null => value === null || Number.isNaN(value);
  const known = z.map((score, t) => !missing(score) && !missing(p[t]));
  const states: StepState[] = z.map((score, t) => {
    if (!known[t] || (p[t] as number) > alpha) return null;
    return (score as number) > 0 ? 'hot' : (score as number) < 0 ? 'cold' : null;
  });
  const count = (direction: HotspotDirection) => states.filter((state) => state === direction).length;
  const counts = { hot: count('hot'), cold: count('cold') };
  // "ninety percent of the time-step intervals", compared in integers so that the boundary is exact.
  const atLeast90Percent = (k: number) => 10 * k >= 9 * steps;
  const share = (k: number) => `${k} of ${steps} steps (${atLeast90Percent(k) ? '≥' : '<'} 90 %)`;

  if (steps === 0) return { category: 'none', direction: null, significantSteps: 0, reason: 'no time steps' };
  if (!known.includes(true)) {
    return { category: 'none', direction: null, significantSteps: 0, reason: 'no time step has a z-score and a p-value' };
  }

  const final = states[steps - 1];
  if (final === null) {
    // Historical: "The most recent time period is not hot, but at least ninety percent of the
    // time-step intervals have been statistically significant hot spots."
    for (const direction of ['hot', 'cold'] as const) {
      if (atLeast90Percent(counts[direction])) {
        return {
          category: 'historical',
          direction,
          significantSteps: counts[direction],
          reason: `not significant at the final step, but ${direction} in ${share(counts[direction])}`,
        };
      }
    }
    return {
      category: 'none',
      direction: null,
      significantSteps: counts.hot + counts.cold,
      reason: `not significant at the final step; hot in ${share(counts.hot)}, cold in ${share(counts.cold)}`,
    };
  }

  const direction = final;
  const other: HotspotDirection = direction === 'hot' ? 'cold' : 'hot';
  const result = (category: EmergingHotspotCategory, reason: string): EmergingHotspot => ({
    category,
    direction,
    significantSteps: counts[direction],
    reason: `${direction} at the final step; ${reason}`,
  });

  // New: "a statistically significant hot spot for the final time step and has never been a
  // statistically significant hot spot before" (and, here, never cold: see oscillating).
  if (counts[direction] === 1 && counts[other] === 0) return result('new', 'never significant before');

  if (atLeast90Percent(counts[direction])) {
    // Intensifying / Diminishing: "a statistically significant hot spot for ninety percent of the
    // time-step intervals, including the final time step. In addition, the intensity of clustering
    // … in each time step is increasing [decreasing] overall and that increase [decrease] is
    // statistically significant." For cold spots intensity grows as z falls.
    const intensifying = direction === 'hot' ? 'increasing' : 'decreasing';
    const trend = input.mannKendall.trend;
    const spots = `${direction} in ${share(counts[direction])}`;
    if (trend === 'none') {
      // Persistent: "… for ninety percent of the time-step intervals with no discernible trend
      // indicating an increase or decrease in the intensity of clustering over time."
      return result('persistent', `${spots}; no significant Mann–Kendall trend in z`);
    }
    return trend === intensifying
      ? result('intensifying', `${spots}; z ${trend} significantly (Mann–Kendall)`)
      : result('diminishing', `${spots}; z ${trend} significantly (Mann–Kendall)`);
  }

  // Oscillating: "a statistically significant hot spot for the final time-step interval that has a
  // history of also being a statistically significant cold spot during a prior time step. Less than
  // ninety percent of the time-step intervals have been statistically significant hot spots."
  if (counts[other] > 0) {
    return result('oscillating', `${direction} in ${share(counts[direction])}; ${other} in ${counts[other]} earlier steps`);
  }

  // Consecutive ("at least two" since Pro 3.x): "a single uninterrupted run of at least two
  // statistically significant hot spot bins in the final time-step intervals. The location has
  // never been a statistically significant hot spot prior to the final hot spot run and less than
  // ninety percent of all bins are statistically significant hot spots."
  let runStart = steps - 1;
  while (runStart > 0 && states[runStart - 1] === direction) runStart--;
  const runLength = steps - runStart;
  if (runLength >= 2 && runLength === counts[direction]) {
    return result('consecutive', `the last ${runLength} steps and no earlier step; ${share(counts[direction])}`);
  }

  // Sporadic, in the current documentation (Pro 3.x, AllSource): a significant hot spot for the
  // final time-step interval with a history of being an on-again, off-again hot spot; "less than
  // ninety percent of the time-step intervals have been statistically significant hot spots and
  // none of the time-step intervals have been statistically significant cold spots." (Pro 2.x
  // and ArcMap did not ask for the final step; such a location is `none` here.)
  return result('sporadic', `on and off: ${direction} in ${share(counts[direction])}, never ${other}`);
}
