import { describe, expect, it } from 'vitest';
import type { HotspotUnit } from '../../../../server/src/schemas/analysis.ts';
import { CLUSTER_COLOURS, HOTSPOT_BIN_COLOURS, divergingPalette, sequentialPalette } from '../../map/classification/palettes.ts';
import { DEFAULT_ANALYSIS_STATE } from './analysis-url-state.ts';
import type { AnalysisRow } from './analysis-rows.ts';
import { analysisLegend } from './analysis-legend.ts';

const row = (value: number | null, hotspot: Partial<HotspotUnit> | null = null): AnalysisRow => ({
  index: 0,
  id: String(value),
  areaId: 1,
  name: 'x',
  value,
  range: null,
  hotspot: hotspot as HotspotUnit | null,
});
const options = {
  settings: DEFAULT_ANALYSIS_STATE,
  indicator: 'registered' as const,
  statistic: null,
  format: String,
  formatSd: String,
};

describe('analysisLegend', () => {
  it('classes the shown month with breaks from all months, and counts the shown month', () => {
    const rows = [row(1), row(50), row(99), row(null)];
    const allValues = Array.from({ length: 100 }, (_, i) => i);
    const legend = analysisLegend(rows, { ...options, settings: { ...DEFAULT_ANALYSIS_STATE, classes: 4, classification: 'equal_interval' }, allValues });
    expect(legend.classification?.breaks).toEqual([25, 50, 75]);
    expect(legend.classes).toEqual([0, 2, 3, -1]);
    expect(legend.entries.map((e) => e.count)).toEqual([1, 0, 1, 1]);
    expect(legend.entries.map((e) => e.colour)).toEqual(sequentialPalette('YlOrRd', 4));
  });

  it('uses manual breaks as given, and a diverging palette for changes', () => {
    const legend = analysisLegend([row(-5), row(3)], {
      ...options,
      indicator: 'change_12',
      settings: { ...DEFAULT_ANALYSIS_STATE, classification: 'manual', manualBreaks: [0, 10] },
      allValues: [-5, 3, 20],
    });
    expect(legend.classification?.breaks).toEqual([0, 10]);
    expect(legend.classes).toEqual([0, 1]);
    expect(legend.entries.map((e) => e.colour)).toEqual(divergingPalette('RdBu', 3, { reverse: true }));
  });

  it('maps Gi* bins to seven entries from cold to hot, islands to no class', () => {
    const legend = analysisLegend([row(1, { bin: 3 }), row(2, { bin: -1 }), row(3, { bin: null, note: 'island' })], {
      ...options,
      statistic: 'gi_star',
      allValues: [],
    });
    expect(legend.entries.map((e) => e.colour)).toEqual([-3, -2, -1, 0, 1, 2, 3].map((b) => HOTSPOT_BIN_COLOURS[b as -3]));
    expect(legend.classes).toEqual([6, 2, -1]);
  });

  it('maps local Moran clusters to their GeoDa colours', () => {
    const legend = analysisLegend([row(1, { cluster: 'LH' }), row(2, { cluster: 'ns' })], { ...options, statistic: 'local_moran', allValues: [] });
    expect(legend.classes.map((c) => legend.entries[c].colour)).toEqual([CLUSTER_COLOURS.LH, CLUSTER_COLOURS.ns]);
  });
});
