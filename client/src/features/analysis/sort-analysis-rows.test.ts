import { describe, expect, it } from 'vitest';
import type { HotspotUnit } from '../../../../server/src/schemas/analysis.ts';
import type { AnalysisRow } from './analysis-rows.ts';
import { sortAnalysisRows } from './sort-analysis-rows.ts';

const hotspot = (patch: Partial<HotspotUnit>): HotspotUnit => ({
  index: 0,
  id: null,
  value: null,
  raw: null,
  neighbors: 4,
  z: null,
  p: null,
  pseudoP: null,
  pDecision: null,
  bin: null,
  cluster: null,
  note: null,
  ...patch,
});

const row = (name: string, patch: Partial<AnalysisRow>): AnalysisRow => ({
  index: 0,
  id: name,
  areaId: null,
  name,
  value: null,
  range: null,
  hotspot: null,
  ...patch,
});

const names = (rows: AnalysisRow[]) => rows.map((r) => r.name);

describe('sortAnalysisRows', () => {
  const rows = [row('Wanne 10', { value: 5 }), row('Wanne 2', { value: 40 }), row('Eickel 1', { value: null }), row('Herne 1', { value: 5 })];

  it('sorts values both ways, keeps rows without a value last, and breaks ties by name (numeric)', () => {
    expect(names(sortAnalysisRows(rows, 'value', 'descending'))).toEqual(['Wanne 2', 'Herne 1', 'Wanne 10', 'Eickel 1']);
    expect(names(sortAnalysisRows(rows, 'value', 'ascending'))).toEqual(['Herne 1', 'Wanne 10', 'Wanne 2', 'Eickel 1']);
  });

  it('sorts names naturally', () => {
    expect(names(sortAnalysisRows(rows, 'name', 'ascending'))).toEqual(['Eickel 1', 'Herne 1', 'Wanne 2', 'Wanne 10']);
  });

  it('sorts ranges by their low end, then their high end, never by a midpoint', () => {
    const ranged = [row('a', { range: { low: 2, high: 30 } }), row('b', { range: { low: 10, high: 12 } }), row('c', { range: { low: 2, high: 8 } })];
    // Midpoints would give a (16) > b (11) > c (5).
    expect(names(sortAnalysisRows(ranged, 'value', 'descending'))).toEqual(['b', 'a', 'c']);
  });

  it('orders hotspot classes from strongest hot to strongest cold', () => {
    const binned = [
      row('cold', { hotspot: hotspot({ bin: -3 }) }),
      row('hot', { hotspot: hotspot({ bin: 3 }) }),
      row('none', { hotspot: hotspot({ bin: 0 }) }),
      row('island', { hotspot: hotspot({ note: 'island' }) }),
    ];
    expect(names(sortAnalysisRows(binned, 'class', 'descending'))).toEqual(['hot', 'none', 'cold', 'island']);
    const clustered = ['LH', 'HH', 'ns', 'LL', 'HL'].map((c) => row(c, { hotspot: hotspot({ cluster: c as HotspotUnit['cluster'] }) }));
    expect(names(sortAnalysisRows(clustered, 'class', 'descending'))).toEqual(['HH', 'HL', 'ns', 'LH', 'LL']);
  });

  it('sorts p-values smallest first', () => {
    const ps = [row('x', { hotspot: hotspot({ pDecision: 0.2 }) }), row('y', { hotspot: hotspot({ pDecision: 0.001 }) })];
    expect(names(sortAnalysisRows(ps, 'p', 'ascending'))).toEqual(['y', 'x']);
  });
});
