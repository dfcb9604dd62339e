/**
 * The H3 grid as analysis units: the cells covering a small square near Herne must hold
 * every point sampled inside it and on its boundary (an overlapping cover, not only the
 * cells whose centre lies inside), come sorted and once each, and nothing far away.
 * Expected cells are looked up with h3-js directly, not through the module under test.
 */
import { cellToBoundary, getResolution, isValidCell, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3CellCentre, h3CellOf, h3CellRing, h3CellsCovering, h3Resolution } from './h3-grid.ts';

/** A square of 0.02° × 0.012° (≈ 1.4 km × 1.3 km) in Herne, as a closed GeoJSON ring [lon, lat]. */
const west = 7.2;
const east = 7.22;
const south = 51.535;
const north = 51.547;
const square = { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };

/** Points on a regular grid over the square: `steps` + 1 per side, the boundary included. */
function samplePoints(steps: number): { interior: [number, number][]; boundary: [number, number][] } {
  const interior: [number, number][] = [];
  const boundary: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const point: [number, number] = [west + ((east - west) * i) / steps, south + ((north - south) * j) / steps];
      (i === 0 || j === 0 || i === steps || j === steps ? boundary : interior).push(point);
    }
  }
  return { interior, boundary };
}

describe('h3CellsCovering', () => {
  for (const resolution of [8, 9]) {
    it(`resolution ${resolution}: holds the cell of every interior and boundary point, sorted and unique`, () => {
      const cells = h3CellsCovering(square, resolution);
      const { interior, boundary } = samplePoints(40);
      const set = new Set(cells);
      for (const [lon, lat] of [...interior, ...boundary]) {
        expect(set.has(latLngToCell(lat, lon, resolution)), `cell of ${lon}, ${lat}`).toBe(true);
      }
      expect(cells).toEqual([...set].sort());
      expect(set.size).toBe(cells.length);
      for (const cell of cells) {
        expect(isValidCell(cell)).toBe(true);
        expect(getResolution(cell)).toBe(resolution);
      }
    });
  }

  it('keeps only cells that overlap the square: each reaches into its bounding box', () => {
    for (const cell of h3CellsCovering(square, 9)) {
      const ring = cellToBoundary(cell, true);
      const lons = ring.map(([lon]) => lon);
      const lats = ring.map(([, lat]) => lat);
      const overlaps = Math.min(...lons) <= east && Math.max(...lons) >= west && Math.min(...lats) <= north && Math.max(...lats) >= south;
      expect(overlaps, cell).toBe(true);
    }
  });

  it('a MultiPolygon is the union of its parts, and points add their cells', () => {
    const shifted = [[[8.0, 51.0], [8.01, 51.0], [8.01, 51.01], [8.0, 51.01], [8.0, 51.0]]];
    const one = h3CellsCovering(square, 8);
    const other = h3CellsCovering({ type: 'Polygon', coordinates: shifted }, 8);
    const both = h3CellsCovering({ type: 'MultiPolygon', coordinates: [square.coordinates, shifted] }, 8);
    expect(both).toEqual([...new Set([...one, ...other])].sort());

    const outside: [number, number] = [9.99, 53.55]; // Hamburg, far from the square
    const withPoint = h3CellsCovering(square, 8, [outside]);
    const cell = latLngToCell(outside[1], outside[0], 8);
    expect(one).not.toContain(cell);
    expect(withPoint).toEqual([...one, cell].sort());
  });

  it('a geometry that is not a polygon gives no cells', () => {
    expect(h3CellsCovering({ type: 'Point', coordinates: [west, south] }, 8)).toEqual([]);
  });
});

describe('h3Resolution', () => {
  it.each([
    ['h3_8', 8],
    ['h3_9', 9],
    ['h3_10', 10],
    ['district', null],
    ['h3_', null],
    ['h3_x', null],
    ['xh3_8', null],
  ])('%s → %s', (level, expected) => {
    expect(h3Resolution(level)).toBe(expected);
  });
});

describe('cells, rings and centres', () => {
  it('a cell ring is closed with 6 corners, and the centre lies in its own cell', () => {
    const cell = h3CellOf(7.21, 51.54, 9);
    expect(cell).toBe(latLngToCell(51.54, 7.21, 9));
    const ring = h3CellRing(cell);
    expect(ring).toHaveLength(7);
    expect(ring.at(-1)).toEqual(ring[0]);
    const [lon, lat] = h3CellCentre(cell);
    expect(latLngToCell(lat, lon, 9)).toBe(cell);
    // [lon, lat] order: Herne lies at about 7.2°E, 51.5°N.
    expect(lon).toBeCloseTo(7.21, 2);
    expect(lat).toBeCloseTo(51.54, 2);
  });
});
