import { describe, expect, it } from 'vitest';
import { colour, evaluatePaint } from '../testing/evaluate-paint.ts';
import { areaDashArray, areaFillColour, areaLayer, type AreaLayerOptions } from './area-layer.ts';
import { AREA_FILL_UNCOLOURED, AREA_PALETTE } from './palette.ts';

const options: AreaLayerOptions = {
  layer: 'quarters',
  provenance: 'synthetic',
  colouring: new Map([
    [11, 0],
    [12, 3],
  ]),
  zensusVisible: false,
  visible: true,
};

describe('areaLayer', () => {
  it('colours each area by its palette index', () => {
    const fill = areaFillColour(options.colouring);
    expect(evaluatePaint('fill', 'fill-color', fill, { id: 11, properties: {} })).toEqual(colour(AREA_PALETTE[0]));
    expect(evaluatePaint('fill', 'fill-color', fill, { id: 12, properties: {} })).toEqual(colour(AREA_PALETTE[3]));
    expect(evaluatePaint('fill', 'fill-color', fill, { id: 99, properties: {} })).toEqual(colour(AREA_FILL_UNCOLOURED));
  });

  it('uses one neutral colour before neighbours are known', () => {
    expect(areaFillColour(new Map())).toBe(AREA_FILL_UNCOLOURED);
  });

  it('raises the opacity of the hovered area (feature-state)', () => {
    const { fill } = areaLayer(options);
    const opacity = (fill.paint as Record<string, unknown>)['fill-opacity'];
    const plain = evaluatePaint('fill', 'fill-opacity', opacity, { id: 11, properties: {} }) as number;
    const hovered = evaluatePaint('fill', 'fill-opacity', opacity, { id: 11, properties: {} }, { hover: true }) as number;
    expect(hovered).toBeGreaterThan(plain);
  });

  it('fades the fill while the Zensus grid is shown', () => {
    const opacity = (o: AreaLayerOptions) =>
      evaluatePaint('fill', 'fill-opacity', (areaLayer(o).fill.paint as Record<string, unknown>)['fill-opacity'], {
        id: 11,
        properties: {},
      }) as number;
    expect(opacity({ ...options, zensusVisible: true })).toBeLessThan(opacity(options) / 2);
  });

  it('dashes non-official borders only', () => {
    expect(areaDashArray('official')).toBeUndefined();
    expect(areaDashArray('synthetic')).toBeDefined();
    expect(areaDashArray('approximate')).toBeDefined();
    expect(areaDashArray('synthetic')).not.toEqual(areaDashArray('approximate'));
  });

  it('reads the chosen level and hides all parts when not visible', () => {
    const { fill, lines } = areaLayer({ ...options, layer: 'districts', visible: false });
    for (const layer of [fill, ...lines]) {
      expect(layer).toMatchObject({ source: 'districts', 'source-layer': 'districts', layout: { visibility: 'none' } });
    }
  });
});
