import { describe, expect, it } from 'vitest';
import { colour, evaluatePaint, matchesFilter } from '../testing/evaluate-paint.ts';
import { ANALYSIS_CLASS_STATE, analysisFillColour, hexLayer } from './analysis-layer.ts';
import { NO_DATA } from './palette.ts';

const fillAt = (paint: unknown, state: Record<string, unknown>) => evaluatePaint('fill', 'fill-color', paint, { id: 1, properties: {} }, state);

describe('analysisFillColour', () => {
  const colours = ['#ffffcc', '#fd8d3c', '#800026'];

  it('gives each class index its colour, and no class the no-data colour', () => {
    const paint = analysisFillColour(colours);
    expect(fillAt(paint, { [ANALYSIS_CLASS_STATE]: 0 })).toEqual(colour('#ffffcc'));
    expect(fillAt(paint, { [ANALYSIS_CLASS_STATE]: 2 })).toEqual(colour('#800026'));
    expect(fillAt(paint, { [ANALYSIS_CLASS_STATE]: -1 })).toEqual(colour(NO_DATA));
    expect(fillAt(paint, {})).toEqual(colour(NO_DATA));
  });
});

describe('hexLayer', () => {
  it('outlines only the selected cell, and hides everything when not visible', () => {
    const shown = hexLayer({ visible: true, colours: ['#000000'], selectedHex: '891f1d48177ffff' });
    const selected = shown.lines.find((l) => l.id === 'hex-selected')! as { filter: unknown; layout: { visibility: string } };
    expect(selected.layout.visibility).toBe('visible');
    expect(matchesFilter(selected.filter, { id: 3, properties: { id: '891f1d48177ffff' } })).toBe(true);
    expect(matchesFilter(selected.filter, { id: 4, properties: { id: '891f1d48173ffff' } })).toBe(false);
    const hidden = hexLayer({ visible: false, colours: [], selectedHex: null });
    expect([hidden.fill, ...hidden.lines].every((l) => (l.layout as { visibility: string }).visibility === 'none')).toBe(true);
  });
});
