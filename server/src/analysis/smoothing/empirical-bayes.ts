/**
 * Global Empirical Bayes smoothing of rates (Marshall 1991, pp. 284–285; Bailey & Gatrell
 * 1995, pp. 303–306), computed as spdep's `EBest(n, x, family = "poisson")` computes it
 * (spdep 1.2.7; checked against it to 1e-9 in empirical-bayes.test.ts).
 *
 * A raw rate of a small area swings with a handful of events; the estimate moves each rate
 * towards the city-wide rate, the more so the smaller the area's population:
 *
 *   p_i = n_i / x_i, b = Σn / Σx (prior mean), s² = Σ x_i (p_i − b)² / Σx,
 *   a = s² − b / (Σx / m) (prior variance, method of moments; m = number of areas),
 *   smoothed_i = b + a (p_i − b) / (a + b / x_i).
 *
 * When the rates vary less than Poisson noise alone would make them vary, a comes out
 * negative; spdep sets it to 0, and so does this: every rate then shrinks to b.
 *
 * Marshall R M (1991) Mapping disease and mortality rates using Empirical Bayes estimators,
 * Applied Statistics 40, 283–294.
 */
import { checkRateInputs } from './rate-inputs.ts';

export interface EmpiricalBayesRates {
  /** Raw rate per area: events / population (events per unit of population); NaN where left out. */
  raw: number[];
  /** Smoothed rate per area, in the unit of `raw`; NaN where left out. */
  smoothed: number[];
  /** Prior mean b: all events / all population of the areas taking part (spdep's parameter `b`). */
  priorMean: number;
  /** Prior variance a (spdep's parameter `a`), ≥ 0: 0 when the moment estimate was negative. */
  priorVariance: number;
}

/**
 * Global Empirical Bayes rates, as spdep's `EBest(events, populations)`.
 *
 * Areas with a population of 0, or with an unknown (NaN/null) count or population, are left
 * out: NaN in `raw` and `smoothed`, and no part of b, a or m (spdep stops on them instead; see
 * rate-inputs.ts for why). With no events at all, b = a = 0 and every smoothed rate is 0, where
 * spdep returns NaN (0/0).
 *
 * @param events - events per area (counts ≥ 0)
 * @param populations - population at risk per area, in the unit the rate is wanted per (persons,
 *   person-years): a rate per 1,000 is `smoothed[i] * 1000` when populations are persons
 * @throws RangeError when the lengths differ or a value is negative or infinite
 */
export function empiricalBayesRates(
  events: readonly (number | null)[],
  populations: readonly (number | null)[],
): EmpiricalBayesRates {
  const takesPart = checkRateInputs(events, populations);
  const n = events as readonly number[];
  const x = populations as readonly number[];
  const raw = takesPart.map((yes, i) => (yes ? n[i] / x[i] : Number.NaN));

  let m = 0;
  let eventSum = 0;
  let populationSum = 0;
  for (let i = 0; i < raw.length; i++) {
    if (!takesPart[i]) continue;
    m++;
    eventSum += n[i];
    populationSum += x[i];
  }
  if (m === 0) {
    return { raw, smoothed: raw.slice(), priorMean: Number.NaN, priorVariance: Number.NaN };
  }
  const b = eventSum / populationSum;
  let s2 = 0;
  for (let i = 0; i < raw.length; i++) {
    // The same order of operations as spdep: sum(x * (((p - b)^2) / xsum)).
    if (takesPart[i]) s2 += x[i] * ((raw[i] - b) ** 2 / populationSum);
  }
  const a = Math.max(0, s2 - b / (populationSum / m));
  const smoothed = raw.map((p, i) => {
    if (!takesPart[i]) return Number.NaN;
    // a = 0 shrinks fully to b; written out so that b = 0 gives 0 rather than 0/0.
    return a === 0 ? b : b + (a * (p - b)) / (a + b / x[i]);
  });
  return { raw, smoothed, priorMean: b, priorVariance: a };
}
