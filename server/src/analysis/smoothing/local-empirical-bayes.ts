/**
 * Local Empirical Bayes smoothing of rates (Marshall 1991, p. 286; Bailey & Gatrell 1995,
 * p. 307 and exercise 8.2), computed as spdep's `EBlocal(ri, ni, nb)` computes it (spdep
 * 1.2.7; checked against it to 1e-9 in local-empirical-bayes.test.ts).
 *
 * Each rate moves towards the rate of its neighbourhood instead of the city's. The
 * neighbourhood N_i of area i is i itself and its neighbours (spdep's `include.self(nb)`):
 *
 *   m_i = Σ_N r_j / Σ_N n_j (local prior mean), n̄_i = Σ_N n_j / |N_i|,
 *   C_i = Σ_{j∈N_i} n_j (x_j − m_j)²   (spdep's default: each neighbour about its own m_j)
 *   C_i = Σ_{j∈N_i} n_j (x_j − m_i)²   (geoda = TRUE: every neighbour about m_i),
 *   a_i = max(0, C_i / Σ_N n_j − m_i / n̄_i) (local prior variance),
 *   smoothed_i = m_i + (x_i − m_i) a_i / (a_i + m_i / n_i),
 *
 * with r events, n population and x = r / n the raw rate.
 */
import { checkRateInputs } from './rate-inputs.ts';

export interface LocalEmpiricalBayesRates {
  /** Raw rate per area: events / population; NaN where left out. */
  raw: number[];
  /** Smoothed rate per area, in the unit of `raw`; NaN where left out. */
  smoothed: number[];
  /** Local prior mean m_i per area (spdep's parameter `m`); NaN where left out. */
  priorMeans: number[];
  /** Local prior variance a_i per area (spdep's parameter `a`), ≥ 0; NaN where left out. */
  priorVariances: number[];
}

export interface LocalEmpiricalBayesOptions {
  /**
   * Measure each neighbour's spread about the area's own local mean m_i, as GeoDa does
   * (spdep's `geoda = TRUE`), instead of about the neighbour's local mean m_j.
   * @default false (spdep's default)
   */
  geoda?: boolean;
}

/**
 * Local Empirical Bayes rates, as spdep's `EBlocal(events, populations, nb)`.
 *
 * `neighbors` is an spdep-style list without self: the area itself is always added once (a
 * listed self-index is ignored). Areas left out (population 0, unknown count or population;
 * see rate-inputs.ts) get NaN and are dropped from their neighbours' neighbourhoods, as if the
 * area did not exist. Where a_i = 0 the rate shrinks fully to m_i, also when m_i = 0 (no events
 * in the neighbourhood), where spdep returns NaN (0/0); an area without neighbours keeps its
 * raw rate, as in spdep.
 *
 * @param events - events per area (counts ≥ 0)
 * @param populations - population at risk per area (persons, person-years)
 * @param neighbors - `neighbors[i]`: 0-based indices of the areas adjacent to area i
 * @throws RangeError when lengths differ, a value is negative or infinite, or a neighbour index
 *   is not an area index or appears twice for one area
 */
export function localEmpiricalBayesRates(
  events: readonly (number | null)[],
  populations: readonly (number | null)[],
  neighbors: readonly (readonly number[])[],
  options: LocalEmpiricalBayesOptions = {},
): LocalEmpiricalBayesRates {
  const takesPart = checkRateInputs(events, populations);
  const count = takesPart.length;
  if (neighbors.length !== count) {
    throw new RangeError(`neighbors has ${neighbors.length} lists but there are ${count} areas`);
  }
  const r = events as readonly number[];
  const n = populations as readonly number[];
  const neighbourhoods = neighbors.map((list, i) => {
    const seen = new Set<number>();
    for (const j of list) {
      if (!Number.isInteger(j) || j < 0 || j >= count) {
        throw new RangeError(`neighbors[${i}] holds ${j}, which is not an area index (0 … ${count - 1})`);
      }
      if (seen.has(j)) throw new RangeError(`neighbors[${i}] lists area ${j} twice`);
      seen.add(j);
    }
    seen.delete(i);
    // Self first, then the neighbours in index order, as spdep's include.self() sorts them.
    return takesPart[i] ? [i, ...[...seen].filter((j) => takesPart[j]).sort((p, q) => p - q)] : [];
  });

  const raw = takesPart.map((yes, i) => (yes ? r[i] / n[i] : Number.NaN));
  const eventSums = neighbourhoods.map((hood) => hood.reduce((sum, j) => sum + r[j], 0));
  const populationSums = neighbourhoods.map((hood) => hood.reduce((sum, j) => sum + n[j], 0));
  const priorMeans = takesPart.map((yes, i) => (yes ? eventSums[i] / populationSums[i] : Number.NaN));

  const geoda = options.geoda ?? false;
  const priorVariances = neighbourhoods.map((hood, i) => {
    if (!takesPart[i]) return Number.NaN;
    const spread = hood.reduce((sum, j) => sum + n[j] * (raw[j] - (geoda ? priorMeans[i] : priorMeans[j])) ** 2, 0);
    const meanPopulation = populationSums[i] / hood.length;
    return Math.max(0, spread / populationSums[i] - priorMeans[i] / meanPopulation);
  });
  const smoothed = takesPart.map((yes, i) => {
    if (!yes) return Number.NaN;
    const m = priorMeans[i];
    const a = priorVariances[i];
    return a === 0 ? m : m + (raw[i] - m) * (a / (a + m / n[i]));
  });
  return { raw, smoothed, priorMeans, priorVariances };
}
