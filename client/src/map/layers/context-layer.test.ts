import { describe, expect, it } from 'vitest';
import { contextLayer } from './context-layer.ts';

const visibility = (layers: ReturnType<typeof contextLayer>) => layers.map((l) => l.layout?.visibility);

describe('contextLayer', () => {
  it('draws grey fills with outlines', () => {
    expect(visibility(contextLayer({ visible: true, onBasemap: false }))).toEqual(['visible', 'visible']);
  });

  it('keeps only outlines over a basemap', () => {
    expect(visibility(contextLayer({ visible: true, onBasemap: true }))).toEqual(['none', 'visible']);
  });

  it('hides both when switched off', () => {
    expect(visibility(contextLayer({ visible: false, onBasemap: false }))).toEqual(['none', 'none']);
  });
});
