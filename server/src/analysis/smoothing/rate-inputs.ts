/**
 * Which areas take part in an Empirical Bayes rate estimate (empirical-bayes.ts).
 *
 * spdep's `EBest` stops on a zero or missing population. A city has areas with no
 * residents (industrial estates, parks, a cemetery), and one of them must not blank the whole
 * map, so such an area is left out instead: its rate is undefined (0/0), it gets NaN, and it
 * does not count in the moments of the others. The others then get exactly what spdep gives
 * for the data set without it.
 */

/**
 * Checks events and populations and says which areas take part.
 *
 * @param events - events per area (count ≥ 0); NaN or null: unknown, the area is left out
 * @param populations - population at risk per area (≥ 0, e.g. person-years); 0, NaN or null:
 *   the area is left out
 * @returns per area, true when it takes part (a known event count and a population > 0)
 * @throws RangeError when the lengths differ, or a value is negative or infinite
 */
export function checkRateInputs(events: readonly (number | null)[], populations: readonly (number | null)[]): boolean[] {
  if (events.length !== populations.length) {
    throw new RangeError(`events has ${events.length} areas but populations has ${populations.length}`);
  }
  return events.map((event, i) => {
    const population = populations[i];
    for (const [name, value] of [['events', event], ['populations', population]] as const) {
      if (value !== null && !Number.isNaN(value) && (value < 0 || !Number.isFinite(value))) {
        throw new RangeError(`${name}[${i}] is ${value}: it must be a finite number ≥ 0 (or NaN/null when unknown)`);
      }
    }
    return event !== null && !Number.isNaN(event) && population !== null && population > 0;
  });
}
