import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { projectGeometryCoordinates } from './project-geometry-coordinates.ts';
import { toUtm32 } from './to-utm32.ts';

// A square of 0.01° around Herne's city hall, with a hole.
const outer = [[7.21, 51.53], [7.23, 51.53], [7.23, 51.55], [7.21, 51.55], [7.21, 51.53]];
const hole = [[7.215, 51.535], [7.215, 51.545], [7.225, 51.545], [7.225, 51.535], [7.215, 51.535]];

describe('projectGeometryCoordinates', () => {
  it('a point becomes [x, y] in EPSG:25832 (PROJ: Herne 7.22°E 51.54°N → 376557.987 m, 5711379.397 m)', () => {
    const [x, y] = projectGeometryCoordinates({ type: 'Point', coordinates: [7.22, 51.54] });
    expect(x).toBeCloseTo(376557.98737281, 6);
    expect(y).toBeCloseTo(5711379.397009567, 6);
  });

  it('a polygon becomes a one-polygon MultiPolygon form, rings and vertex order kept', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [outer, hole] };
    const projected = projectGeometryCoordinates(polygon);
    expect(projected).toHaveLength(1);
    expect(projected[0].map((ring) => ring.length)).toEqual([5, 5]);
    expect(projected[0][1][2]).toEqual(toUtm32(7.225, 51.545));
    // 0.02° of longitude at 51.5°N is about 1.39 km, 0.02° of latitude about 2.22 km: metres now.
    const [[x0, y0], [x1], , [, y3]] = projected[0][0];
    expect(x1 - x0).toBeGreaterThan(1380);
    expect(x1 - x0).toBeLessThan(1400);
    expect(y3 - y0).toBeGreaterThan(2220);
    expect(y3 - y0).toBeLessThan(2230);
  });

  it('a MultiPolygon keeps its polygons; a height is dropped', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[outer], [outer.map(([lon, lat]) => [lon + 1, lat, 80])]] };
    const projected = projectGeometryCoordinates(multi);
    expect(projected).toHaveLength(2);
    expect(projected[1][0][0]).toEqual(toUtm32(8.21, 51.53));
  });

  it('takes another projection', () => {
    expect(projectGeometryCoordinates({ type: 'Point', coordinates: [1, 2] }, (lon, lat) => [lon * 10, lat * 10])).toEqual([10, 20]);
  });

  it('names a geometry type it cannot project', () => {
    const line = { type: 'LineString', coordinates: [[7, 51], [8, 52]] } as LineString;
    expect(() => projectGeometryCoordinates(line as never)).toThrow('a geometry of type LineString cannot be projected');
  });
});
