/**
 * What the residents choropleth shows per area, and the text its labels carry. Pure, so
 * the map's colours, the labels and the legend are computed from one place.
 */
import type { AreaFigures, AreaFiguresList } from '../../../../server/src/schemas/figures.ts';
import type { I18n } from '../../i18n/i18n-provider.tsx';
import { classify, type Classification } from '../../map/classification/classify.ts';
import type { ResidentsMode } from './residents-url-state.ts';

/**
 * Registered RO+BG residents of an area, or per 1,000 inhabitants of the Zensus 2011.
 * null: no figure (per 1,000 without a Zensus population).
 */
export function residentValue(area: Pick<AreaFigures, 'registered' | 'zensusPopulation'>, mode: ResidentsMode): number | null {
  if (mode === 'count') return area.registered.roBg;
  if (!area.zensusPopulation) return null;
  return (area.registered.roBg / area.zensusPopulation) * 1000;
}

/** The estimate range in the same unit as `residentValue`; null without an estimate or a population. */
export function unregisteredValue(
  area: Pick<AreaFigures, 'unregistered' | 'zensusPopulation'>,
  mode: ResidentsMode,
): { low: number; high: number } | null {
  if (!area.unregistered) return null;
  if (mode === 'count') return area.unregistered;
  if (!area.zensusPopulation) return null;
  const per = (v: number) => (v / area.zensusPopulation!) * 1000;
  return { low: per(area.unregistered.low), high: per(area.unregistered.high) };
}

/** Area id → value (−1 for "no figure", the map's convention for feature state). */
export function residentValues(list: Pick<AreaFiguresList, 'areas'>, mode: ResidentsMode): Map<number, number> {
  return new Map(list.areas.map((a) => [a.areaId, residentValue(a, mode) ?? -1]));
}

/**
 * The classes of the residents choropleth: quintiles, rounded for the legend, from a
 * reference month (the latest), so that stepping through the months keeps the colours
 * comparable; zero has its own colour, so only positive values count. null: no reference yet.
 */
export function residentClassification(reference: Pick<AreaFiguresList, 'areas'> | null, mode: ResidentsMode): Classification | null {
  if (!reference) return null;
  const values = reference.areas.map((a) => residentValue(a, mode)).filter((v): v is number => v !== null && v > 0);
  return classify(values, { method: 'quantile', classes: 5 });
}

/** The breaks of `residentClassification`; none without a reference. */
export function residentBreaks(reference: Pick<AreaFiguresList, 'areas'> | null, mode: ResidentsMode): number[] {
  return residentClassification(reference, mode)?.breaks ?? [];
}

/** Decimals per mode: counts are whole persons, per 1,000 one decimal. */
export const RESIDENT_DIGITS: Record<ResidentsMode, number> = { count: 0, per1000: 1 };

/**
 * The figure under an area's name: `312 (+40–65)` — registered, then the estimate of
 * unregistered residents as a range (never a midpoint); per 1,000 with `‰`.
 */
export function residentLabel(area: AreaFigures, mode: ResidentsMode, i18n: Pick<I18n, 'decimal' | 'range'>): string | null {
  const value = residentValue(area, mode);
  if (value === null) return null;
  const digits = RESIDENT_DIGITS[mode];
  const unit = mode === 'per1000' ? ' ‰' : '';
  const estimate = unregisteredValue(area, mode);
  return `${i18n.decimal(value, digits)}${unit}${estimate ? ` (+${i18n.range(estimate, digits)})` : ''}`;
}

/** Area id → label figure, for every area of the list that has one. */
export function residentLabels(list: AreaFiguresList, mode: ResidentsMode, i18n: Pick<I18n, 'decimal' | 'range'>): Map<number, string> {
  const labels = new Map<number, string>();
  for (const area of list.areas) {
    const label = residentLabel(area, mode, i18n);
    if (label !== null) labels.set(area.areaId, label);
  }
  return labels;
}
