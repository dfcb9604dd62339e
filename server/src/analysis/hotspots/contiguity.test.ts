import { describe, expect, it } from 'vitest';
import columbus from './fixtures/columbus.json';
import reference from './fixtures/columbus-contiguity.json';
import { contiguityNeighbors } from './contiguity.ts';
import { hexagonGrid } from './hexagon-grid.ts';

const columbusPolygons = columbus.polygons as number[][][][][];
const handMade = reference.handMade.polygons as number[][][][][];

/** Unit squares of a rows × cols grid, as closed rings, row-major. */
function squareGrid(rows: number, cols: number): number[][][][][] {
  const out: number[][][][][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      out.push([[[[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1], [c, r]]]]);
    }
  }
  return out;
}

describe('contiguityNeighbors on Columbus (spdep poly2nb)', () => {
  it('queen equals poly2nb(queen = TRUE)', () => {
    expect(contiguityNeighbors(columbusPolygons, 'queen')).toEqual(reference.queen);
  });

  it('rook equals poly2nb(queen = FALSE): Columbus has the same vertices on both sides of each boundary', () => {
    const rook = contiguityNeighbors(columbusPolygons, 'rook');
    expect(rook).toEqual(reference.rook);
    // Not trivially the queen lists: 26 units have a corner-only neighbour.
    expect(rook.filter((list, i) => list.length !== reference.queen[i].length)).toHaveLength(26);
  });
});

describe('contiguityNeighbors where vertices exist on one side only', () => {
  // 0: a 2 × 1 rectangle; 1 and 2: unit squares on its top edge, meeting at (1, 1), which is not a
  // vertex of 0; 3: touches 2 at the corner (2, 2); 4: alone; 5: a triangle whose tip lies on 3's top edge.
  it('rook counts a shared stretch of boundary, which poly2nb (two common vertices) misses', () => {
    expect(contiguityNeighbors(handMade, 'rook')).toEqual([[1, 2], [0, 2], [0, 1], [], [], []]);
    expect(reference.handMade.poly2nbRook).toEqual([[], [2], [1], [], [], []]);
  });

  it('queen counts a vertex lying on an edge, which poly2nb (a common vertex) misses', () => {
    expect(contiguityNeighbors(handMade, 'queen')).toEqual([[1, 2], [0, 2], [0, 1, 3], [2, 5], [], [3]]);
    expect(reference.handMade.poly2nbQueen).toEqual([[1, 2], [0, 2], [0, 1, 3], [2], [], []]);
  });
});

describe('contiguityNeighbors on regular grids', () => {
  it('squares: interior cells have 8 queen and 4 rook neighbours', () => {
    const grid = squareGrid(4, 5);
    const queen = contiguityNeighbors(grid, 'queen');
    const rook = contiguityNeighbors(grid, 'rook');
    // Cell (row 1, col 1) = index 6.
    expect(queen[6]).toEqual([0, 1, 2, 5, 7, 10, 11, 12]);
    expect(rook[6]).toEqual([1, 5, 7, 11]);
    expect(queen[0]).toEqual([1, 5, 6]);
    expect(rook[0]).toEqual([1, 5]);
  });

  it('accepts rings that do not repeat their first vertex', () => {
    const open = squareGrid(2, 2).map((feature) => feature.map((polygon) => polygon.map((ring) => ring.slice(0, -1))));
    expect(contiguityNeighbors(open, 'rook')).toEqual([[1, 2], [0, 3], [0, 3], [1, 2]]);
  });

  it("sees a feature inside another one's hole as its neighbour", () => {
    const frame = [[[[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]];
    const inner = [[[[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]]];
    expect(contiguityNeighbors([frame, inner], 'rook')).toEqual([[1], [0]]);
  });

  it('tolerates gaps below 1e-6 of the extent, not above', () => {
    const [a, b] = squareGrid(1, 2);
    const shift = (feature: number[][][][], dx: number) => feature.map((p) => p.map((ring) => ring.map(([x, y]) => [x + dx, y])));
    expect(contiguityNeighbors([a, shift(b, 1e-7)], 'rook')).toEqual([[1], [0]]);
    expect(contiguityNeighbors([a, shift(b, 1e-5)], 'queen')).toEqual([[], []]);
  });

  it('10,000 hexagons: every interior hexagon has 6 neighbours (queen = rook), in well under a second', () => {
    const { polygons } = hexagonGrid(100, 100, 100);
    const started = performance.now();
    const queen = contiguityNeighbors(polygons, 'queen');
    const elapsed = performance.now() - started;
    const rook = contiguityNeighbors(polygons, 'rook');
    expect(rook).toEqual(queen);
    const interior = queen.filter((_, i) => {
      const row = Math.floor(i / 100);
      const col = i % 100;
      return row > 0 && row < 99 && col > 0 && col < 99;
    });
    expect(interior.every((list) => list.length === 6)).toBe(true);
    // Row 2 (even), column 5 = index 205: left/right, and the two above and below it.
    expect(queen[205]).toEqual([104, 105, 204, 206, 304, 305]);
    expect(elapsed).toBeLessThan(1000);
  });
});
