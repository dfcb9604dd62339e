/**
 * A POSTed FeatureCollection → analysis input: values, populations, ids, and geometry in
 * EPSG:25832; every problem named by feature, field and reason. The reference position
 * is PostGIS 3 / PROJ's value of
 *   SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(9.99, 53.55), 4326), 25832) AS g
 * = (565590.9406877231, 5933912.16541642).
 */
import { describe, expect, it } from 'vitest';
import type { HotspotRequest } from '../../schemas/analysis.ts';
import { HotspotInputError } from '../hotspots/hotspot-input-error.ts';
import { readHotspotFeatures } from './read-hotspot-features.ts';

type Feature = HotspotRequest['features']['features'][number];

const POSTGIS_HAMBURG = { lon: 9.99, lat: 53.55, x: 565590.9406877231, y: 5933912.16541642 };

const point = (lon: number, lat: number, properties: Record<string, unknown> | null, id?: string | number): Feature =>
  ({ type: 'Feature', ...(id === undefined ? {} : { id }), geometry: { type: 'Point', coordinates: [lon, lat] }, properties }) as Feature;

/** A lon/lat rectangle as a closed ring. */
const rectangle = (west: number, south: number, east: number, north: number) => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

const polygon = (coordinates: unknown, properties: Record<string, unknown> | null, type = 'Polygon'): Feature =>
  ({ type: 'Feature', geometry: { type, coordinates }, properties }) as Feature;

const request = (features: Feature[], populationProperty?: string) => ({
  features: { type: 'FeatureCollection' as const, features },
  valueProperty: 'cases',
  ...(populationProperty ? { populationProperty } : {}),
});

/** The HotspotInputError thrown by `work`, with its field and reason. */
function inputError(work: () => unknown): HotspotInputError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(HotspotInputError);
    return error as HotspotInputError;
  }
  throw new Error('no error was thrown');
}

describe('readHotspotFeatures: points', () => {
  it('projects a point to EPSG:25832 as PostGIS does, to 1 mm', () => {
    const out = readHotspotFeatures(request([point(POSTGIS_HAMBURG.lon, POSTGIS_HAMBURG.lat, { cases: 3 })]), 10);
    expect(Math.abs(out.points[0][0] - POSTGIS_HAMBURG.x)).toBeLessThan(0.001);
    expect(Math.abs(out.points[0][1] - POSTGIS_HAMBURG.y)).toBeLessThan(0.001);
  });

  it('reads values, populations and ids in input order; points have no polygons', () => {
    const out = readHotspotFeatures(
      request(
        [point(7.2, 51.54, { cases: 3, people: 120 }, 'a'), point(7.21, 51.54, { cases: 0, people: 0 }, 17), point(7.22, 51.55, { cases: 2.5, people: 40, other: 'x' })],
        'people',
      ),
      10,
    );
    expect(out.values).toEqual([3, 0, 2.5]);
    expect(out.populations).toEqual([120, 0, 40]);
    expect(out.ids).toEqual(['a', '17', null]);
    expect(out.polygons).toBeNull();
    expect(out.points).toHaveLength(3);
    // 0.01° of longitude at 51.54°N is about 693 m, and the points lie east of one another.
    const dx = out.points[1][0] - out.points[0][0];
    expect(dx).toBeGreaterThan(680);
    expect(dx).toBeLessThan(705);
  });

  it('without a population property there are no populations', () => {
    expect(readHotspotFeatures(request([point(7.2, 51.54, { cases: 1, people: 5 })]), 10).populations).toBeNull();
  });
});

describe('readHotspotFeatures: polygons', () => {
  it('projects every ring position, and the point is the centroid of the projected outline', () => {
    const ring = rectangle(7.2, 51.53, 7.21, 51.54);
    const out = readHotspotFeatures(request([polygon([ring], { cases: 4 })]), 10);
    const corner = readHotspotFeatures(request([point(7.21, 51.54, { cases: 0 })]), 10).points[0];
    expect(out.polygons).toHaveLength(1);
    const projected = out.polygons![0];
    expect(projected).toHaveLength(1); // one polygon
    expect(projected[0][0]).toHaveLength(5); // its outer ring, still closed
    expect(projected[0][0][2]).toEqual(corner);
    // The projected rectangle is a quadrilateral (narrower in the north): its centroid, from
    // its two triangles (each centred at the mean of its corners, weighted by its area), to
    // 1 mm (the shoelace sum over coordinates of ~10⁶ m loses some 10 µm to rounding).
    const [p0, p1, p2, p3] = projected[0][0];
    const triangle = (a: number[], b: number[], c: number[]) => ({
      area: Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2,
      centre: [0, 1].map((k) => (a[k] + b[k] + c[k]) / 3),
    });
    const [t1, t2] = [triangle(p0, p1, p2), triangle(p0, p2, p3)];
    const expected = [0, 1].map((k) => (t1.area * t1.centre[k] + t2.area * t2.centre[k]) / (t1.area + t2.area));
    expect(Math.abs(out.points[0][0] - expected[0])).toBeLessThan(0.001);
    expect(Math.abs(out.points[0][1] - expected[1])).toBeLessThan(0.001);
    // …which is not the corners' mean: the trapezoid's centroid lies ~2 cm south of it.
    expect(Math.abs(out.points[0][1] - (p0[1] + p1[1] + p2[1] + p3[1]) / 4)).toBeGreaterThan(0.005);
  });

  it('a MultiPolygon’s point is the area-weighted centroid of its parts', () => {
    // Part one is three times as wide as part two, at the same latitudes.
    const big = rectangle(7.2, 51.53, 7.23, 51.54);
    const small = rectangle(7.3, 51.53, 7.31, 51.54);
    const out = readHotspotFeatures(request([polygon([[big], [small]], { cases: 1 }, 'MultiPolygon')]), 10);
    const centreOf = (ring: number[][]) => readHotspotFeatures(request([polygon([ring], { cases: 1 })]), 10).points[0];
    const [bx, by] = centreOf(big);
    const [sx, sy] = centreOf(small);
    expect(out.polygons![0]).toHaveLength(2);
    // Areas in the projection differ from 3 : 1 by the scale change over 0.1° of longitude (< 0.1 %).
    expect(out.points[0][0]).toBeCloseTo((3 * bx + sx) / 4, -1);
    expect(out.points[0][1]).toBeCloseTo((3 * by + sy) / 4, -1);
  });
});

describe('readHotspotFeatures: ring orientation', () => {
  // Regression, issue 5 (a bug found by this test in read-hotspot-features.ts, centroid): the shoelace sums signed areas over all parts of a
  // MultiPolygon, so parts wound in opposite directions (RFC 7946 asks for counter-clockwise
  // exteriors but tells parsers not to reject clockwise ones) cancel each other: with part two
  // clockwise the point lands ~4.7 km west of the true centroid, outside both parts
  // (expected x ≈ 377,758 m, before the fix ≈ 373,077 m).
  it('a MultiPolygon’s point does not depend on the winding of its rings', () => {
    const big = rectangle(7.2, 51.53, 7.23, 51.54);
    const small = rectangle(7.3, 51.53, 7.31, 51.54);
    const pointOf = (coordinates: unknown) => readHotspotFeatures(request([polygon(coordinates, { cases: 1 }, 'MultiPolygon')]), 10).points[0];
    const counterClockwise = pointOf([[big], [small]]);
    const mixed = pointOf([[big], [small.slice().reverse()]]);
    expect(mixed[0]).toBeCloseTo(counterClockwise[0], 3);
    expect(mixed[1]).toBeCloseTo(counterClockwise[1], 3);
  });

  it('a clockwise Polygon has the same point as a counter-clockwise one', () => {
    const ring = rectangle(7.2, 51.53, 7.21, 51.54);
    const pointOf = (r: number[][]) => readHotspotFeatures(request([polygon([r], { cases: 1 })]), 10).points[0];
    const [a, b] = [pointOf(ring), pointOf(ring.slice().reverse())];
    expect(b[0]).toBeCloseTo(a[0], 6);
    expect(b[1]).toBeCloseTo(a[1], 6);
  });
});

describe('readHotspotFeatures: errors name the feature and field', () => {
  const ok = point(7.2, 51.54, { cases: 1, people: 10 });

  it.each<[string, Feature, string, RegExp]>([
    ['a missing value', point(7.2, 51.54, { other: 1 }), 'features[1].properties.cases', /is missing/],
    ['a null value', point(7.2, 51.54, { cases: null }), 'features[1].properties.cases', /is missing/],
    ['no properties at all', point(7.2, 51.54, null), 'features[1].properties.cases', /is missing/],
    ['a value that is text', point(7.2, 51.54, { cases: '12' }), 'features[1].properties.cases', /"12" is not a number/],
    ['a value that is a boolean', point(7.2, 51.54, { cases: true }), 'features[1].properties.cases', /true is not a number/],
    ['a null geometry', { type: 'Feature', geometry: null, properties: { cases: 1 } }, 'features[1].geometry', /missing/],
    ['a line', polygon([[7.2, 51.54], [7.21, 51.54]], { cases: 1 }, 'LineString'), 'features[1].geometry.type', /"LineString" is not supported/],
    ['a longitude beyond 180°', point(200, 51.54, { cases: 1 }), 'features[1].geometry.coordinates', /\[200, 51.54\] is not a longitude\/latitude/],
    ['a latitude beyond 90°', point(7.2, -91, { cases: 1 }), 'features[1].geometry.coordinates', /not a longitude\/latitude/],
    ['a coordinate that is text', point('7.2' as unknown as number, 51.54, { cases: 1 }), 'features[1].geometry.coordinates', /not a \[longitude, latitude\] position/],
    ['a position with one number', { type: 'Feature', geometry: { type: 'Point', coordinates: [7.2] }, properties: { cases: 1 } }, 'features[1].geometry.coordinates', /position/],
  ])('%s', (_, feature, field, reason) => {
    const error = inputError(() => readHotspotFeatures(request([ok, feature]), 10));
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
    expect(error.message).toBe(`${field}: ${error.reason}`);
  });

  it('a missing or negative population names the population property', () => {
    const missing = inputError(() => readHotspotFeatures(request([ok, ok, point(7.2, 51.54, { cases: 1 })], 'people'), 10));
    expect([missing.field, missing.reason]).toEqual(['features[2].properties.people', 'is missing']);
    const negative = inputError(() => readHotspotFeatures(request([ok, point(7.2, 51.54, { cases: 1, people: -3 })], 'people'), 10));
    expect(negative.field).toBe('features[1].properties.people');
    expect(negative.reason).toMatch(/-3 is negative/);
  });

  it('a bad position inside a polygon names its ring and position', () => {
    const ring = rectangle(7.2, 51.53, 7.21, 51.54);
    ring[2] = [7.21, 95];
    const inPolygon = inputError(() => readHotspotFeatures(request([polygon([ring], { cases: 1 })]), 10));
    expect(inPolygon.field).toBe('features[0].geometry.coordinates[0][2]');
    const inMulti = inputError(() => readHotspotFeatures(request([polygon([[rectangle(7.2, 51.53, 7.21, 51.54)], [ring]], { cases: 1 }, 'MultiPolygon')]), 10));
    expect(inMulti.field).toBe('features[0].geometry.coordinates[1][0][2]');
  });

  it('rings that are not closed rings of 4 positions, and polygons without rings, are named', () => {
    const short = inputError(() => readHotspotFeatures(request([polygon([[[7.2, 51.5], [7.3, 51.5], [7.2, 51.5]]], { cases: 1 })]), 10));
    expect([short.field, short.reason]).toEqual(['features[0].geometry.coordinates[0]', 'is not a closed ring of at least 4 positions']);
    const empty = inputError(() => readHotspotFeatures(request([polygon([], { cases: 1 })]), 10));
    expect(empty.field).toBe('features[0].geometry.coordinates');
    const emptyMulti = inputError(() => readHotspotFeatures(request([polygon([], { cases: 1 }, 'MultiPolygon')]), 10));
    expect([emptyMulti.field, emptyMulti.reason]).toEqual(['features[0].geometry.coordinates', 'has no polygon']);
  });

  it('points and polygons together are refused', () => {
    const error = inputError(() => readHotspotFeatures(request([ok, polygon([rectangle(7.2, 51.53, 7.21, 51.54)], { cases: 1 })]), 10));
    expect(error.field).toBe('features');
    expect(error.reason).toMatch(/mixes points and polygons/);
  });

  it('more features than allowed are refused before anything is read', () => {
    const error = inputError(() => readHotspotFeatures(request([ok, ok, point(7.2, 51.54, null)]), 2));
    expect(error.field).toBe('features');
    expect(error.reason).toBe('3 features; at most 2 can be analysed in one request');
  });
});
