import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaAdjacency, areaColouring } from './area-colouring.ts';

/** An n×n grid of 0.01° squares with ids 1..n² (row-major), like a partition of a city. */
function grid(n: number, gap = 0): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const x = 7 + col * 0.01;
      const y = 51 + row * 0.01;
      const e = 0.01 - gap;
      features.push({
        type: 'Feature',
        id: row * n + col + 1,
        properties: {},
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + e, y], [x + e, y + e], [x, y + e], [x, y]]] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

describe('areaAdjacency', () => {
  it('links squares sharing an edge or a corner', () => {
    const adjacency = areaAdjacency(grid(3));
    expect([...adjacency.get(5)!].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 6, 7, 8, 9]);
    expect([...adjacency.get(1)!].sort((a, b) => a - b)).toEqual([2, 4, 5]);
  });

  it('links neighbours across hairline gaps (≈ 1.4 m)', () => {
    const adjacency = areaAdjacency(grid(3, 0.00002));
    expect([...adjacency.get(1)!].sort((a, b) => a - b)).toEqual([2, 4, 5]);
  });

  it('does not link areas 70 m apart', () => {
    const adjacency = areaAdjacency(grid(3, 0.001));
    expect(adjacency.get(1)!.size).toBe(0);
  });

  it('does not link areas far apart', () => {
    const adjacency = areaAdjacency(grid(3));
    expect(adjacency.get(1)!.has(9)).toBe(false);
  });
});

describe('areaColouring', () => {
  it('gives neighbours different colours', () => {
    const collection = grid(5);
    const colours = areaColouring(collection, 8);
    const adjacency = areaAdjacency(collection);
    for (const [id, neighbours] of adjacency) {
      for (const n of neighbours) expect(colours.get(id)).not.toBe(colours.get(n));
    }
    expect(colours.size).toBe(25);
  });

  it('stays inside the palette', () => {
    const colours = areaColouring(grid(4), 8);
    for (const c of colours.values()) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThan(8);
    }
  });

  it('spreads colours over the palette', () => {
    const colours = areaColouring(grid(4), 8);
    expect(new Set(colours.values()).size).toBe(8);
  });

  it('is deterministic', () => {
    expect([...areaColouring(grid(4), 8)]).toEqual([...areaColouring(grid(4), 8)]);
  });

  it('reuses colours when the palette is too small, without failing', () => {
    const colours = areaColouring(grid(3), 2);
    expect(colours.size).toBe(9);
  });
});
