import { describe, expect, it } from 'vitest';
import { Rng } from '../prng.ts';
import columbus from './fixtures/columbus.json';
import reference from './fixtures/columbus-distance.json';
import esda from './fixtures/esda-getisord.json';
import { distanceBandNeighbors, knnNeighbors } from './distance-neighbors.ts';
import { HotspotInputError } from './hotspot-input-error.ts';

const centroids = columbus.centroids as [number, number][];

/** O(n²) reference: sort the others by (distance, index) and take the first k. */
function bruteKnn(points: [number, number][], k: number): number[][] {
  return points.map(([x, y], i) =>
    points
      .map(([px, py], j) => ({ j, d: (px - x) ** 2 + (py - y) ** 2 }))
      .filter(({ j }) => j !== i)
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, k)
      .map(({ j }) => j)
      .sort((a, b) => a - b),
  );
}

function bruteBand(points: [number, number][], threshold: number): number[][] {
  return points.map(([x, y], i) => points.flatMap(([px, py], j) => (j !== i && Math.hypot(px - x, py - y) <= threshold ? [j] : [])));
}

function randomPoints(count: number, seed: number, round: boolean): [number, number][] {
  const rng = new Rng(seed, 'points');
  return Array.from({ length: count }, () => {
    const x = rng.uniform(0, 5000);
    const y = rng.uniform(0, 3000);
    return round ? [Math.round(x / 250), Math.round(y / 250)] : [x, y];
  });
}

describe('knnNeighbors', () => {
  it('equals spdep knn2nb(knearneigh(centroids, k = 4)) on Columbus', () => {
    expect(knnNeighbors(centroids, reference.k)).toEqual(reference.knn);
  });

  it('equals a brute-force search on random points, and breaks ties by the lower index', () => {
    const scattered = randomPoints(400, 1, false);
    expect(knnNeighbors(scattered, 6)).toEqual(bruteKnn(scattered, 6));
    // On a coarse integer lattice many distances tie, and coincident points occur.
    const lattice = randomPoints(400, 2, true);
    expect(knnNeighbors(lattice, 5)).toEqual(bruteKnn(lattice, 5));
    expect(knnNeighbors([[0, 0], [1, 0], [-1, 0], [0, 1]], 1)).toEqual([[1], [0], [0], [0]]);
  });

  it('handles points on a line', () => {
    const line = Array.from({ length: 50 }, (_, i): [number, number] => [i * 10, 0]);
    expect(knnNeighbors(line, 2)).toEqual(bruteKnn(line, 2));
  });

  it('rejects k outside 1..n−1', () => {
    expect(() => knnNeighbors(centroids, 49)).toThrow(HotspotInputError);
    expect(() => knnNeighbors(centroids, 0)).toThrow('weights.k: 0 neighbours need an integer from 1 to 48 (there are 49 points)');
    expect(() => knnNeighbors(centroids, 2.5)).toThrow(HotspotInputError);
  });

  it('finds 6 neighbours for each of 10,000 points in well under a second', () => {
    const points = randomPoints(10_000, 3, false);
    const started = performance.now();
    const result = knnNeighbors(points, 6);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.every((list) => list.length === 6)).toBe(true);
  });
});

describe('distanceBandNeighbors', () => {
  it('equals spdep dnearneigh(centroids, 0, 0.62) on Columbus', () => {
    expect(distanceBandNeighbors(centroids, reference.threshold)).toEqual(reference.distanceBand);
  });

  it('includes the boundary: the esda points 3 and 4 are exactly 15 apart', () => {
    const points = esda.points as [number, number][];
    expect(distanceBandNeighbors(points, esda.threshold)).toEqual(esda.neighbors);
    expect(distanceBandNeighbors(points, 14.999)[3]).toEqual([0, 1]);
  });

  it('equals a brute-force search on random points; far points are islands', () => {
    const points = randomPoints(400, 4, false);
    expect(distanceBandNeighbors(points, 180)).toEqual(bruteBand(points, 180));
    expect(distanceBandNeighbors([[0, 0], [0, 0], [500, 0]], 0)).toEqual([[1], [0], []]);
  });

  it('rejects a negative or infinite threshold', () => {
    expect(() => distanceBandNeighbors(centroids, -1)).toThrow('weights.thresholdMetres: -1 is not a distance; give a finite number of metres ≥ 0');
    expect(() => distanceBandNeighbors(centroids, Infinity)).toThrow(HotspotInputError);
  });

  it('handles 10,000 points in well under a second', () => {
    const points = randomPoints(10_000, 5, false);
    const started = performance.now();
    const result = distanceBandNeighbors(points, 60);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.reduce((s, list) => s + list.length, 0)).toBeGreaterThan(10_000);
  });
});
