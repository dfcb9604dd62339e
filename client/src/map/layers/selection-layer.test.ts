import { describe, expect, it } from 'vitest';
import { selectionLayer } from './selection-layer.ts';

describe('selectionLayer', () => {
  it('outlines the selected area on its own level', () => {
    const layers = selectionLayer({ selectedId: 7, selectedLayer: 'boroughs' });
    for (const layer of layers) {
      expect(layer).toMatchObject({
        source: 'boroughs',
        'source-layer': 'boroughs',
        filter: ['==', ['id'], 7],
        layout: { visibility: 'visible' },
      });
    }
  });

  it('is hidden without a selection', () => {
    for (const layer of selectionLayer({ selectedId: null, selectedLayer: null })) {
      expect(layer.layout).toMatchObject({ visibility: 'none' });
    }
  });

  it('draws the halo below the line', () => {
    expect(selectionLayer({ selectedId: 1, selectedLayer: 'city' }).map((l) => l.id)).toEqual(['selection-halo', 'selection-line']);
  });
});
