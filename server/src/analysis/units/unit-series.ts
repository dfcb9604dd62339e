/**
 * Monthly series per analysis unit, summed from the properties the unit contains.
 * One aggregation for areas and hexagons, so every unit kind (and the city line of a
 * chart) adds up the same way: the city's series is the sum over all properties.
 */
import type { UnitSeries } from '../../schemas/analysis.ts';

export interface UnitDefinition {
  id: string;
  areaId: number | null;
  key: string;
  name: string;
  zensusPopulation: number | null;
}

export interface PropertyPlacement {
  id: number;
  /** The unit containing the property; null: outside every unit (counts for the city only). */
  unitId: string | null;
  isProblem: boolean;
}

export interface MonthlyFigure {
  kind: 'residents' | 'estimate' | 'visits';
  propertyId: number;
  month: string;
  value: number;
  high: number | null;
}

export interface StatusEvent {
  propertyId: number;
  /** YYYY-MM-DD */
  date: string;
  status: string;
}

interface Accumulator {
  series: UnitSeries;
  /** Months where at least one property of the unit had an estimate. */
  estimated: boolean[];
}

function emptySeries(unit: UnitDefinition, months: number): Accumulator {
  return {
    series: {
      ...unit,
      registered: new Array(months).fill(0),
      unregisteredLow: new Array(months).fill(0),
      unregisteredHigh: new Array(months).fill(0),
      problemProperties: new Array(months).fill(0),
      visits: new Array(months).fill(0),
    },
    estimated: new Array(months).fill(false),
  };
}

/**
 * Per month, whether each problem property's procedure is open at the month's end:
 * its latest status event up to then exists and is not `resolved`. Events must come
 * oldest first (on one day, the later step last), as list-status-events.sql gives them.
 */
export function openProcedureMonths(months: readonly string[], events: readonly StatusEvent[]): Map<number, boolean[]> {
  const byProperty = new Map<number, StatusEvent[]>();
  for (const event of events) {
    const list = byProperty.get(event.propertyId) ?? [];
    list.push(event);
    byProperty.set(event.propertyId, list);
  }
  const open = new Map<number, boolean[]>();
  for (const [propertyId, list] of byProperty) {
    let next = 0;
    let status: string | null = null;
    open.set(
      propertyId,
      months.map((month) => {
        while (next < list.length && list[next].date.slice(0, 7) <= month) status = list[next++].status;
        return status !== null && status !== 'resolved';
      }),
    );
  }
  return open;
}

/**
 * Sums the properties' monthly figures into each unit and into the city. An estimate
 * stays a range (sum of lows, sum of highs) and is null in a month where no property
 * of the unit has one.
 */
export function buildUnitSeries(input: {
  months: readonly string[];
  units: readonly UnitDefinition[];
  properties: readonly PropertyPlacement[];
  figures: readonly MonthlyFigure[];
  events: readonly StatusEvent[];
  city: UnitDefinition;
}): { units: UnitSeries[]; city: UnitSeries } {
  const { months } = input;
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const accumulators = new Map(input.units.map((u) => [u.id, emptySeries(u, months.length)]));
  const city = emptySeries(input.city, months.length);
  const placement = new Map(input.properties.map((p) => [p.id, p]));
  const targets = (propertyId: number): Accumulator[] => {
    const unitId = placement.get(propertyId)?.unitId ?? null;
    const unit = unitId === null ? undefined : accumulators.get(unitId);
    return unit ? [unit, city] : [city];
  };

  for (const figure of input.figures) {
    const m = monthIndex.get(figure.month);
    if (m === undefined || !placement.has(figure.propertyId)) continue;
    for (const acc of targets(figure.propertyId)) {
      const s = acc.series;
      if (figure.kind === 'residents') s.registered[m] += figure.value;
      else if (figure.kind === 'visits') s.visits[m] += figure.value;
      else {
        s.unregisteredLow[m]! += figure.value;
        s.unregisteredHigh[m]! += figure.high ?? figure.value;
        acc.estimated[m] = true;
      }
    }
  }

  const open = openProcedureMonths(months, input.events);
  for (const property of input.properties) {
    if (!property.isProblem) continue;
    const flags = open.get(property.id);
    if (!flags) continue;
    for (const acc of targets(property.id)) flags.forEach((isOpen, m) => (acc.series.problemProperties[m] += isOpen ? 1 : 0));
  }

  const finish = (acc: Accumulator): UnitSeries => {
    acc.estimated.forEach((has, m) => {
      if (!has) acc.series.unregisteredLow[m] = acc.series.unregisteredHigh[m] = null;
    });
    return acc.series;
  };
  return { units: input.units.map((u) => finish(accumulators.get(u.id)!)), city: finish(city) };
}
