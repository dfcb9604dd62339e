import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toUtm32 } from './to-utm32.ts';

/** PROJ's EPSG:4326 → EPSG:25832, written by fixtures/make-reference.sh; its `source` says how. */
const reference = JSON.parse(readFileSync(new URL('./fixtures/utm32-germany.json', import.meta.url), 'utf8')) as {
  source: string;
  points: { name: string; lon: number; lat: number; x: number; y: number }[];
};

describe('toUtm32 (ETRS89 → EPSG:25832, Krüger n⁶ series)', () => {
  it('gives PostGIS’s ST_Transform(ST_SetSRID(ST_MakePoint(9.99, 53.55), 4326), 25832) to 1 mm', () => {
    const [x, y] = toUtm32(9.99, 53.55);
    expect(Math.abs(x - 565590.9406877231)).toBeLessThan(0.001);
    expect(Math.abs(y - 5933912.16541642)).toBeLessThan(0.001);
  });

  it.each(reference.points.map((point) => [point.name, point]))('matches PROJ to 1 mm (in fact 1 µm): %s', (_name, point) => {
    const [x, y] = toUtm32(point.lon, point.lat);
    expect(Math.abs(x - point.x), `easting ${x} vs ${point.x}`).toBeLessThan(1e-6);
    expect(Math.abs(y - point.y), `northing ${y} vs ${point.y}`).toBeLessThan(1e-6);
  });

  it('the reference reaches 6.5° east of the central meridian, where Germany still uses zone 32', () => {
    expect(Math.max(...reference.points.map((point) => point.lon))).toBeGreaterThanOrEqual(15);
    expect(reference.points.some((point) => point.name === 'Herne')).toBe(true);
  });

  it('is symmetric about the central meridian 9°E and puts it at easting 500 000 m', () => {
    const [west, northWest] = toUtm32(9 - 4.2, 50.3);
    const [east, northEast] = toUtm32(9 + 4.2, 50.3);
    expect(west + east).toBeCloseTo(1_000_000, 6);
    expect(northWest).toBeCloseTo(northEast, 6);
    expect(toUtm32(9, 0)).toEqual([500000, 0]);
  });

  it('rejects what is not a longitude/latitude', () => {
    expect(() => toUtm32(Number.NaN, 51)).toThrow('(NaN, 51) is not a longitude/latitude in degrees');
    expect(() => toUtm32(7, 91)).toThrow('(7, 91)');
  });
});
