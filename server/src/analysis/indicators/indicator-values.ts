/**
 * The value of an indicator per unit in one month, from the unit series. Pure and
 * shared: the server's hotspot statistic and the client's choropleth read the same
 * numbers from here.
 */
import type { Indicator, UnitSeries } from '../../schemas/analysis.ts';
import type { Range } from '../../schemas/common.ts';

/** Months back of the change indicators. */
export const CHANGE_MONTHS = { change_12: 12, change_60: 60 } as const;

export interface IndicatorValue {
  /** null: no figure (no population for a rate, no earlier month for a change, a range for estimates). */
  value: number | null;
  /** Only for `unregistered`: the estimate range (null: no estimate). */
  range: Range | null;
  /** For `registered_per_1000`: the count and the population at risk (Empirical Bayes needs both). */
  events: number | null;
  population: number | null;
}

const none: IndicatorValue = { value: null, range: null, events: null, population: null };

/**
 * The index of the month `back` calendar months before `months[m]`, or −1 when the series
 * does not have it: months are those with resident counts, and an import may leave a gap,
 * so a position `back` places earlier is not always a year ago. Without `months` the series
 * is taken as gapless.
 */
export function earlierMonthIndex(m: number, back: number, months?: readonly string[]): number {
  if (!months) return m - back;
  const [year, month] = months[m].split('-').map(Number);
  const total = year * 12 + (month - 1) - back;
  return months.indexOf(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
}

/**
 * One unit's value at month index `m` (an index into the series' months).
 * A rate is per 1,000 Zensus 2011 inhabitants; a unit without inhabitants has none.
 * @param months the series' months (`YYYY-MM`): changes are measured against calendar months
 */
export function indicatorValue(unit: UnitSeries, m: number, indicator: Indicator, months?: readonly string[]): IndicatorValue {
  switch (indicator) {
    case 'registered':
      return { ...none, value: unit.registered[m] };
    case 'registered_per_1000': {
      const population = unit.zensusPopulation;
      if (!population) return { ...none, events: unit.registered[m] };
      return { value: (unit.registered[m] / population) * 1000, range: null, events: unit.registered[m], population };
    }
    case 'change_12':
    case 'change_60': {
      const before = earlierMonthIndex(m, CHANGE_MONTHS[indicator], months);
      return before < 0 ? none : { ...none, value: unit.registered[m] - unit.registered[before] };
    }
    case 'unregistered': {
      const low = unit.unregisteredLow[m];
      const high = unit.unregisteredHigh[m];
      return low === null || high === null ? none : { ...none, range: { low, high } };
    }
    case 'problem_properties':
      return { ...none, value: unit.problemProperties[m] };
    case 'visits':
      return { ...none, value: unit.visits[m] };
  }
}
