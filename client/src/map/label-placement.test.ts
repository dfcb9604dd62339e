import { describe, expect, it } from 'vitest';
import type { LabelPoint } from './label-points.ts';
import { mercatorLngLat, mercatorPixel, placeLabels } from './label-placement.ts';

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

describe('mercatorLngLat', () => {
  it('inverts mercatorPixel', () => {
    const [lon, lat] = mercatorLngLat(mercatorPixel([7.2194, 51.5412], 12.5), 12.5);
    expect(lon).toBeCloseTo(7.2194, 9);
    expect(lat).toBeCloseTo(51.5412, 9);
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

  it('measures a two-line label by its widest line and both lines', () => {
    // One above the other, 0.003° of latitude ≈ 28 px apart at zoom 12: one line each fits, two lines each do not.
    const above = { ...label(1, 7.2, 1), position: [7.2, 51.533] as [number, number] };
    const below = label(2, 7.2, 3);
    expect(placeLabels([above, below], 12, { fontSizePx: 13 }).size).toBe(2);
    const twoLines = [
      { ...above, name: `${above.name}\n312 (+40–65)` },
      { ...below, name: `${below.name}\n312 (+40–65)` },
    ];
    expect([...placeLabels(twoLines, 12, { fontSizePx: 13 }).keys()]).toEqual([2]);
  });

  it('moves a label off a cluster when another spot is free, else keeps it', () => {
    const free: [number, number] = [7.2, 51.52];
    const obstacles = [{ position: [7.2, 51.53] as [number, number], radiusPx: 12 }];
    expect(placeLabels([label(1, 7.2, 1, [free])], 12, { fontSizePx: 13, obstacles }).get(1)).toEqual(free);
    // no alternative: the name moves just above or below the cluster
    const nudged = placeLabels([label(1, 7.2, 1)], 12, { fontSizePx: 13, obstacles }).get(1)!;
    expect(nudged[0]).toBeCloseTo(7.2, 6);
    expect(Math.abs(nudged[1] - 51.53)).toBeGreaterThan(0.002);
    expect(Math.abs(nudged[1] - 51.53)).toBeLessThan(0.005);
    // an obstacle far away changes nothing
    const far = [{ position: [7.3, 51.53] as [number, number], radiusPx: 12 }];
    expect(placeLabels([label(1, 7.2, 1, [free])], 12, { fontSizePx: 13, obstacles: far }).get(1)).toEqual([7.2, 51.53]);
  });
});
