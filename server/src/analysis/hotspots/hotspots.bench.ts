/**
 * Timing of the hot paths on 10,000 units (a 100 × 100 hexagon grid, or its centres).
 * Run: node --import tsx server/src/analysis/hotspots/hotspots.bench.ts
 * Prints one row per step; the permutation target is "a few seconds" for 999 draws.
 */
import { Rng } from '../prng.ts';
import { contiguityNeighbors } from './contiguity.ts';
import { distanceBandNeighbors, knnNeighbors } from './distance-neighbors.ts';
import { giStar } from './gi-star.ts';
import { hexagonGrid } from './hexagon-grid.ts';
import { localMoran } from './local-moran.ts';
import { conditionalPermutation } from './permutation.ts';
import { weightsFromNeighbors } from './spatial-weights.ts';

const rows: { step: string; ms: number }[] = [];

function time<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  rows.push({ step: label, ms: Math.round(performance.now() - started) });
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { polygons, centres } = hexagonGrid(100, 100, 100);
  const rng = new Rng(1, 'bench');
  const values = Float64Array.from(centres, ([x, y]) => Math.sin(x / 2000) + Math.cos(y / 1500) + rng.normal() * 0.3);
  const queen = time('queen contiguity, 10,000 hexagons', () => contiguityNeighbors(polygons, 'queen'));
  time('rook contiguity, 10,000 hexagons', () => contiguityNeighbors(polygons, 'rook'));
  time('knn k = 6, 10,000 points', () => knnNeighbors(centres, 6));
  time('distance band 200 m, 10,000 points', () => distanceBandNeighbors(centres, 200));
  const w = weightsFromNeighbors(queen, 'row');
  time('Gi* analytic', () => giStar(values, w));
  time('local Moran analytic', () => localMoran(values, w));
  time('Gi* 999 permutations', () => conditionalPermutation(values, w, 'gi_star', 999, 1));
  time('local Moran 999 permutations', () => conditionalPermutation(values, w, 'local_moran', 999, 1));
  console.table(rows);
}
