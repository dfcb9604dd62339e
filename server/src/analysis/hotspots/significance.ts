/**
 * Significance classes for the map legend.
 */
import type { Quadrant } from './local-moran.ts';

/** ArcGIS's Gi_Bin: ±3 for 99 %, ±2 for 95 %, ±1 for 90 % confidence, sign from z; 0 otherwise. */
export type ConfidenceBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/**
 * The hot (positive) or cold (negative) spot confidence bin of a Gi* result, as ArcGIS
 * Pro's Hot Spot Analysis reports it (Gi_Bin): p < 0.01 → ±3, p < 0.05 → ±2,
 * p < 0.10 → ±1, else 0. Pass the p-value that decides (pseudo, or FDR-adjusted).
 * NaN z or p (an island) gives 0.
 *
 * @param z the unit's z-score; only its sign is used
 * @param p the unit's p-value (two-sided analytic, pseudo, or FDR-adjusted)
 */
export function confidenceBin(z: number, p: number): ConfidenceBin {
  if (!(p < 0.1) || !(z > 0 || z < 0)) return 0;
  const level = p < 0.01 ? 3 : p < 0.05 ? 2 : 1;
  return (z > 0 ? level : -level) as ConfidenceBin;
}

/**
 * The LISA cluster class of a local Moran result: its quadrant when p < alpha, else
 * 'ns' (not significant). HH/LL are clusters, HL/LH spatial outliers. NaN p gives 'ns'.
 *
 * @param quadrant from localMoran
 * @param p the unit's p-value (pseudo, analytic or FDR-adjusted)
 * @param alpha significance level @default 0.05
 */
export function clusterClass(quadrant: Quadrant, p: number, alpha = 0.05): Quadrant | 'ns' {
  return p < alpha ? quadrant : 'ns';
}
