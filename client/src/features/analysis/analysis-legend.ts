/**
 * The analysis map's classes: for a choropleth the classification of the indicator
 * (breaks drawn from all months, so the colours stay comparable while the month player
 * runs; counts from the shown month), for Gi* the seven confidence bins, for local
 * Moran's I the four clusters and "not significant". One entry list feeds the map
 * colours (entry index = the `cls` feature state), the legend and the table.
 */
import type { Indicator } from '../../../../server/src/schemas/analysis.ts';
import { classify, classOf, type Classification } from '../../map/classification/classify.ts';
import { legendClasses, type LegendLabel } from '../../map/classification/legend-classes.ts';
import { CLUSTER_COLOURS, HOTSPOT_BIN_COLOURS, divergingPalette, sequentialPalette, type HotspotBin } from '../../map/classification/palettes.ts';
import type { AnalysisState } from './analysis-url-state.ts';
import { classValue, type AnalysisRow } from './analysis-rows.ts';

export interface LegendEntry {
  colour: string;
  /** A message key with formatted parameters (choropleth), or a fixed message key. */
  label: LegendLabel;
  /** For standard-deviation classes: the class in SD units. */
  sdLabel?: LegendLabel;
  /** Units of the shown month in the entry. */
  count: number;
}

export interface AnalysisLegend {
  kind: 'classes' | 'gi_star' | 'local_moran';
  entries: LegendEntry[];
  /** Entry index of each row (in row order); −1: no class (no value, island, refused). */
  classes: number[];
  classification: Classification | null;
}

/** Change indicators go below and above zero: a diverging palette shows the direction. */
const DIVERGING_INDICATORS: readonly Indicator[] = ['change_12', 'change_60'];
const BINS: HotspotBin[] = [-3, -2, -1, 0, 1, 2, 3];
const CLUSTERS = ['HH', 'LL', 'HL', 'LH', 'ns'] as const;

export function analysisLegend(
  rows: readonly AnalysisRow[],
  options: {
    settings: Pick<AnalysisState, 'classification' | 'classes' | 'manualBreaks' | 'palette'>;
    indicator: Indicator;
    /** The statistic's classes (rows without its result, while it loads or after a refusal, are in none); null: a choropleth. */
    statistic: 'gi_star' | 'local_moran' | null;
    /** Values of all months, for the breaks. */
    allValues: readonly number[];
    format: (value: number) => string;
    formatSd: (value: number) => string;
  },
): AnalysisLegend {
  if (options.statistic === 'gi_star') {
    const classes = rows.map((r) => (r.hotspot?.bin == null ? -1 : BINS.indexOf(r.hotspot.bin as HotspotBin)));
    return {
      kind: 'gi_star',
      classification: null,
      classes,
      entries: BINS.map((bin, i) => ({
        colour: HOTSPOT_BIN_COLOURS[bin],
        label: { key: `analysis.bin.${bin}` as LegendLabel['key'], params: {} },
        count: classes.filter((c) => c === i).length,
      })),
    };
  }
  if (options.statistic === 'local_moran') {
    const classes = rows.map((r) => (r.hotspot?.cluster == null ? -1 : CLUSTERS.indexOf(r.hotspot.cluster)));
    return {
      kind: 'local_moran',
      classification: null,
      classes,
      entries: CLUSTERS.map((cluster, i) => ({
        colour: CLUSTER_COLOURS[cluster],
        label: { key: `analysis.cluster.${cluster}` as LegendLabel['key'], params: {} },
        count: classes.filter((c) => c === i).length,
      })),
    };
  }

  const { settings } = options;
  const manual = settings.classification === 'manual' && settings.manualBreaks.length > 0;
  const classification = classify(options.allValues, {
    method: manual ? 'manual' : settings.classification === 'manual' ? 'quantile' : settings.classification,
    classes: manual ? settings.manualBreaks.length + 1 : settings.classes,
    manualBreaks: manual ? settings.manualBreaks : undefined,
  });
  const colours =
    settings.classification === 'std_dev' || DIVERGING_INDICATORS.includes(options.indicator)
      ? divergingPalette('RdBu', Math.max(2, classification.classes), { reverse: true })
      : sequentialPalette(settings.palette, Math.max(2, classification.classes));
  // A single class (all values equal) takes the darkest colour of a two-class palette.
  const used = classification.classes === 1 ? [colours[colours.length - 1]] : colours;
  const classes = rows.map((r) => classOf(classValue(r), classification.breaks));
  const entries = legendClasses(classification, used, options.format, options.formatSd).map((row, i) => ({
    colour: row.colour,
    label: row.label,
    sdLabel: row.sdLabel,
    count: classes.filter((c) => c === i).length,
  }));
  return { kind: 'classes', classification, classes, entries };
}
