import { describe, expect, it } from 'vitest';
import { COVERAGE_NONE_INDEX, COVERAGE_SHARED_INDEX } from '../coverage-colouring.ts';
import { colour, evaluatePaint, matchesFilter } from '../testing/evaluate-paint.ts';
import {
  COVERAGE_HIGHLIGHT_LINE_ID,
  COVERAGE_LANGUAGE_LINE_ID,
  COVERAGE_NONE_FILL_ID,
  COVERAGE_VISIT_LINE_ID,
  GAP_NONE_PATTERN,
  coverageFillColour,
  coverageLayer,
  type CoverageLayerOptions,
} from './coverage-layer.ts';
import { COVERAGE_NONE, COVERAGE_PALETTE, COVERAGE_SHARED, NO_DATA } from './palette.ts';

const options: CoverageLayerOptions = {
  layer: 'districts',
  visible: true,
  gaps: { no_case_manager: [13], no_language_match: [12], no_recent_visit: [12, 14] },
  highlighted: [11, 15],
};
const all = (o: CoverageLayerOptions) => {
  const { fills, lines } = coverageLayer(o);
  return [...fills, ...lines];
};
const layer = (id: string) => all(options).find((l) => l.id === id)!;
const area = (id: number) => ({ id, properties: {} });

describe('coverageFillColour', () => {
  const at = (state: Record<string, unknown>) => evaluatePaint('fill', 'fill-color', coverageFillColour(), area(1), state);
  it('colours an area by its case manager, shared and none apart', () => {
    expect(at({ coverage: 0 })).toEqual(colour(COVERAGE_PALETTE[0]));
    expect(at({ coverage: 3 })).toEqual(colour(COVERAGE_PALETTE[3]));
    expect(at({ coverage: COVERAGE_SHARED_INDEX })).toEqual(colour(COVERAGE_SHARED));
    expect(at({ coverage: COVERAGE_NONE_INDEX })).toEqual(colour(COVERAGE_NONE));
    expect(at({})).toEqual(colour(NO_DATA));
  });
});

describe('coverageLayer', () => {
  it('hatches only the areas nobody covers', () => {
    const hatch = layer(COVERAGE_NONE_FILL_ID);
    expect((hatch.paint as Record<string, unknown>)['fill-pattern']).toBe(GAP_NONE_PATTERN);
    expect(matchesFilter((hatch as { filter: unknown }).filter, area(13))).toBe(true);
    expect(matchesFilter((hatch as { filter: unknown }).filter, area(12))).toBe(false);
  });

  it('marks each gap on its own areas, with line styles that differ without colour', () => {
    const language = layer(COVERAGE_LANGUAGE_LINE_ID) as { filter: unknown; paint: Record<string, unknown> };
    const visit = layer(COVERAGE_VISIT_LINE_ID) as { filter: unknown; paint: Record<string, unknown> };
    expect([12, 13, 14].map((id) => matchesFilter(language.filter, area(id)))).toEqual([true, false, false]);
    expect([12, 13, 14].map((id) => matchesFilter(visit.filter, area(id)))).toEqual([true, false, true]);
    expect(language.paint['line-dasharray']).toBeUndefined();
    expect(visit.paint['line-dasharray']).toBeDefined();
    // both inside the area, apart from each other
    expect(visit.paint['line-offset']).toBeGreaterThan(language.paint['line-offset'] as number);
    expect(language.paint['line-offset']).toBeGreaterThan(0);
  });

  it('outlines the highlighted case manager’s areas', () => {
    const highlight = layer(COVERAGE_HIGHLIGHT_LINE_ID) as { filter: unknown };
    expect([11, 12, 15].map((id) => matchesFilter(highlight.filter, area(id)))).toEqual([true, false, true]);
  });

  it('hides everything outside the coverage mode', () => {
    for (const l of all({ ...options, visible: false })) expect(l.layout?.visibility).toBe('none');
  });
});
