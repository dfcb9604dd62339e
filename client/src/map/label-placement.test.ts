import { describe, expect, it } from 'vitest';
import type { LabelPoint } from './label-points.ts';
import { mercatorPixel, placeLabels } from './label-placement.ts';

const label = (id: number, lon: number, areaKm2 = 1, alternatives: Array<[number, number]> = []): LabelPoint => ({
  id,
  name: 'Ortsteil',
  position: [lon, 51.53],
  alternatives,
  areaKm2,
});

describe('mercatorPixel', () => {
  it('puts 0/0 in the middle of the world', () => {
    expect(mercatorPixel([0, 0], 0)).toEqual([256, 256]);
  });

  it('doubles with each zoom level', () => {
    const [x1] = mercatorPixel([7.2, 51.5], 10);
    const [x2] = mercatorPixel([7.2, 51.5], 11);
    expect(x2).toBeCloseTo(2 * x1, 6);
  });
});

describe('placeLabels', () => {
  // 0.005° of longitude at zoom 12 ≈ 29 px: two 8-letter labels at 13 px overlap.
  const close = [label(1, 7.2, 1), label(2, 7.205, 3)];

  it('drops the smaller of two colliding labels', () => {
    expect([...placeLabels(close, 12, { fontSizePx: 13 }).keys()]).toEqual([2]);
  });

  it('shows both once zoomed in far enough', () => {
    expect([...placeLabels(close, 16, { fontSizePx: 13 }).keys()].sort()).toEqual([1, 2]);
  });

  it('moves a colliding label to its first free alternative spot', () => {
    const blocked: [number, number] = [7.2002, 51.53];
    const free: [number, number] = [7.2, 51.52];
    const placed = placeLabels([label(1, 7.2, 1, [blocked, free]), label(2, 7.205, 3)], 12, { fontSizePx: 13 });
    expect(placed.get(1)).toEqual(free);
    expect(placed.get(2)).toEqual([7.205, 51.53]);
  });

  it('always shows the priority label', () => {
    const placed = placeLabels(close, 12, { fontSizePx: 13, priorityId: 1 });
    expect(placed.get(1)).toEqual([7.2, 51.53]);
  });

  it('keeps labels that are far apart', () => {
    expect(placeLabels([label(1, 7.1), label(2, 7.3)], 12, { fontSizePx: 13 }).size).toBe(2);
  });
});
