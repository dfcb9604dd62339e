import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, centroid, point, pointToPolygonDistance } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoints, poleOfInaccessibility } from './label-points.ts';

type Areas = FeatureCollection<Polygon | MultiPolygon, { name: string; area_km2?: number }>;

const fixtures = fileURLToPath(new URL('./fixtures/label-points/', import.meta.url));
const regenerate = process.env.REGENERATE === '1';
const read = (name: string) => JSON.parse(readFileSync(`${fixtures}in/${name}`, 'utf8')) as Areas;

describe('labelPoints fixtures', () => {
  for (const name of readdirSync(`${fixtures}in`).filter((f) => f.endsWith('.geojson'))) {
    it(name, () => {
      const input = read(name);
      const points = labelPoints(input);
      expect(points).toHaveLength(input.features.length);

      for (const [i, p] of points.entries()) {
        const feature = input.features[i];
        for (const spot of [p.position, ...p.alternatives]) {
          expect(booleanPointInPolygon(spot, feature)).toBe(true);
          // Well inside: at least 100 m from any border for these km-sized shapes.
          expect(Math.abs(pointToPolygonDistance(point(spot), feature, { units: 'meters' }))).toBeGreaterThan(100);
        }
      }

      const output = {
        type: 'FeatureCollection',
        features: points.flatMap((p) =>
          [p.position, ...p.alternatives].map((spot, rank) => ({
            type: 'Feature',
            id: p.id,
            properties: { name: p.name, areaKm2: p.areaKm2, rank },
            geometry: { type: 'Point', coordinates: spot.map((c) => Number(c.toFixed(6))) },
          })),
        ),
      };
      const outPath = `${fixtures}out/${name}`;
      if (regenerate) writeFileSync(outPath, `${JSON.stringify(output, null, 2)}\n`);
      expect(output).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
    });
  }
});

describe('labelPoints', () => {
  it('is inside a U shape whose centroid is outside', () => {
    const u = read('u-shape.geojson');
    expect(booleanPointInPolygon(centroid(u.features[0]), u.features[0])).toBe(false);
    const [p] = labelPoints(u);
    expect(booleanPointInPolygon(p.position, u.features[0])).toBe(true);
  });

  it('offers alternative spots inside the area, away from the best one', () => {
    const [p] = labelPoints(read('with-hole.geojson'));
    expect(p.alternatives.length).toBeGreaterThan(0);
    for (const spot of p.alternatives) expect(spot).not.toEqual(p.position);
  });

  it('puts a MultiPolygon label on its largest part', () => {
    const multi = read('multipolygon.geojson');
    const [p] = labelPoints(multi);
    const big = (multi.features[0].geometry as MultiPolygon).coordinates[1];
    expect(booleanPointInPolygon(p.position, { type: 'Polygon', coordinates: big })).toBe(true);
  });

  it('skips features without numeric id or name', () => {
    const u = read('u-shape.geojson');
    const [feature] = u.features;
    const collection: Areas = {
      type: 'FeatureCollection',
      features: [
        { ...feature, id: 'a' },
        { ...feature, properties: { name: '' } },
      ],
    };
    expect(labelPoints(collection)).toEqual([]);
  });

  it('takes the area from the properties, else computes it', () => {
    const u = read('u-shape.geojson');
    expect(labelPoints(u)[0].areaKm2).toBe(3.2);
    const withoutArea: Areas = { ...u, features: [{ ...u.features[0], properties: { name: 'U' } }] };
    expect(labelPoints(withoutArea)[0].areaKm2).toBeGreaterThan(1);
  });
});

describe('poleOfInaccessibility', () => {
  it('finds the centre of a square', () => {
    const [x, y] = poleOfInaccessibility([[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]], 0.01);
    expect(x).toBeCloseTo(5, 1);
    expect(y).toBeCloseTo(5, 1);
  });

  it('finds the middle of a long rectangle', () => {
    const [, y] = poleOfInaccessibility([[[0, 0], [100, 0], [100, 4], [0, 4], [0, 0]]], 0.01);
    expect(y).toBeCloseTo(2, 1);
  });
});
