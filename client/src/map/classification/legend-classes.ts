/**
 * Legend rows for a classification: colour, bounds, number of units and a label. Labels
 * are message keys with already formatted parameters, not text, so that the i18n layer
 * translates them (`t(label.key, label.params)`) and this module needs no language.
 */
import { stdDevLabels, type Classification, type StdDevBand } from './classify.ts';

/** Formats a number for a label, e.g. `(v) => i18n.decimal(v, 1)`. */
export type NumberFormatter = (value: number) => string;

/**
 * The messages a label may use. The first three exist (`legend.range` "{from} bis unter
 * {to}", as the residents and Zensus legends use them); the others are listed in the
 * folder's README with their German and English text.
 */
export type LegendLabelKey =
  | 'legend.rangeBelow'
  | 'legend.range'
  | 'legend.rangeOpen'
  | 'legend.rangeAll'
  | 'legend.value'
  | 'legend.sdBelowMean'
  | 'legend.sdBelow'
  | 'legend.sdAboveMean'
  | 'legend.sdAbove'
  | 'legend.sdToMean'
  | 'legend.sdFromMean'
  | 'legend.sdAroundMean'
  | 'legend.sdRange';

export interface LegendLabel {
  key: LegendLabelKey;
  /** Placeholder → formatted number. */
  params: Record<string, string>;
}

export interface LegendClass {
  colour: string;
  /** Lower bound, inclusive, in the values' unit; null for the first class (open below). */
  from: number | null;
  /** Upper bound, exclusive; null for the last class (open above). */
  to: number | null;
  /** Units in the class. */
  count: number;
  /** "under 95", "95 to under 250", "400 and more"; with one class "19 to 665". */
  label: LegendLabel;
  /** `std_dev` only, with two or more classes: "−1 SD to mean" and the like. */
  sdLabel?: LegendLabel;
}

/**
 * One row per class, lowest first. No rows when there are no values and no breaks
 * (nothing to show). With a single class the row spans min to max.
 * @param colours one per class, lowest class first: `sequentialPalette(name, classification.classes)`
 * @param format formats values in the data's unit
 * @param formatSd formats SD multiples (−1.5, 0.5); needed for `std_dev`, and should show
 *   the sign of positive values (`+0.5`), since the labels read as distances from the mean
 * @throws RangeError when the colours do not match the classes, or `formatSd` is missing for `std_dev`
 */
export function legendClasses(
  classification: Classification,
  colours: readonly string[],
  format: NumberFormatter,
  formatSd?: NumberFormatter,
): LegendClass[] {
  const { breaks, classes, counts, min, max } = classification;
  if (colours.length !== classes) {
    throw new RangeError(`${colours.length} colours for ${classes} classes: take the palette for classification.classes`);
  }
  if (breaks.length === 0) {
    if (!(min <= max)) return [];
    const label: LegendLabel =
      min === max ? { key: 'legend.value', params: { value: format(min) } } : { key: 'legend.rangeAll', params: { from: format(min), to: format(max) } };
    return [{ colour: colours[0], from: null, to: null, count: counts[0], label }];
  }

  let bands: StdDevBand[] | null = null;
  if (classification.method === 'std_dev') {
    if (!formatSd) throw new RangeError('a std_dev classification needs formatSd for its SD labels');
    bands = stdDevLabels(classification);
  }
  return counts.map((count, i) => {
    const from = i === 0 ? null : breaks[i - 1];
    const to = i === breaks.length ? null : breaks[i];
    const row: LegendClass = { colour: colours[i], from, to, count, label: valueLabel(from, to, format) };
    if (bands && formatSd) row.sdLabel = sdLabel(bands[i], formatSd);
    return row;
  });
}

function valueLabel(from: number | null, to: number | null, format: NumberFormatter): LegendLabel {
  if (from === null) return { key: 'legend.rangeBelow', params: { to: format(to!) } };
  if (to === null) return { key: 'legend.rangeOpen', params: { from: format(from) } };
  return { key: 'legend.range', params: { from: format(from), to: format(to) } };
}

/** The mean (0 SD) is named rather than written as a number: "−1 SD to mean". */
function sdLabel({ from, to }: StdDevBand, formatSd: NumberFormatter): LegendLabel {
  if (from === null) {
    return to === 0 ? { key: 'legend.sdBelowMean', params: {} } : { key: 'legend.sdBelow', params: { to: formatSd(to!) } };
  }
  if (to === null) {
    return from === 0 ? { key: 'legend.sdAboveMean', params: {} } : { key: 'legend.sdAbove', params: { from: formatSd(from) } };
  }
  if (to === 0) return { key: 'legend.sdToMean', params: { from: formatSd(from) } };
  if (from === 0) return { key: 'legend.sdFromMean', params: { to: formatSd(to) } };
  const key = from < 0 && to > 0 ? 'legend.sdAroundMean' : 'legend.sdRange';
  return { key, params: { from: formatSd(from), to: formatSd(to) } };
}
