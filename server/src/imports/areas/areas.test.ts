import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { seedCity } from '../../seed/seed-city.ts';
import { engines, openTestDatabase } from '../../../test/engines.ts';
import { buildTestApp } from '../../../test/test-app.ts';
import { expectRejected, type ErrorRow } from '../testing/expect-rejected.ts';
import { importBytes, importFixture } from '../testing/import-fixture.ts';

const dataDir = loadConfig({}).dataDir;

/** One of Herne's seed files (data/herne/generated/) as a city would send it: without the generator's statistics. */
function herneSeedAreas(level: 'boroughs' | 'districts', change: (features: { properties: Record<string, unknown> }[]) => typeof features = (f) => f): Buffer {
  const collection = JSON.parse(readFileSync(join(dataDir, 'herne/generated', `${level}.geojson`), 'utf8'));
  for (const feature of collection.features) {
    delete feature.properties.zensus_population;
    delete feature.properties.cell_count;
    feature.properties.provenance = 'official';
  }
  collection.features = change(collection.features);
  return Buffer.from(JSON.stringify(collection));
}

const wanneQuarterError = (n: number): ErrorRow => [
  0,
  'key',
  '05916000-B-wanne',
  `the file removes this borough, but the quarter "Wanne ${n}" (05916000-Q-wanne-${n}) lies in it and is not replaced; add the borough to the file, or import the quarters as well`,
];

describe.each(engines)('areas import on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });
  afterAll(() => db?.close());
  const areaKeysOf = async (...keys: string[]) =>
    (await db.pool.query('SELECT p.key, a.key AS area FROM property AS p LEFT JOIN area AS a ON a.id = p.area_id WHERE p.key = ANY ($1) ORDER BY p.key', [keys])).rows;

  const bad: [string, ErrorRow[]][] = [
    ['areas.csv', [[0, '', '', 'areas are imported from GeoJSON only (a FeatureCollection of Polygons and MultiPolygons)']]],
    ['broken.geojson', [[0, '', '', "not valid JSON: Expected ',' or ']' after array element in JSON at position 300 (line 4, column 252)"]]],
    [
      'bad-features.geojson',
      [
        [1, 'level', 'stadtteil', 'not one of borough, quarter, district'],
        [1, 'provenance', 'guessed', 'not one of official, approximate, synthetic'],
        [2, 'geometry', 'Point', 'is a Point; expected a Polygon or MultiPolygon'],
        [3, 'geometry', 'Polygon', 'coordinates are malformed: ring 1 is not closed (its first and last positions differ)'],
        [4, 'name', '', 'required property is missing'],
        [4, 'zensus_population', '1234', 'unknown property; expected: key, name, level, parent_key, provenance, source, method'],
        [5, 'source', '{"de":"nur deutsch"}', 'expected a text, or an object {"de": "…", "en": "…"} with both languages'],
      ],
    ],
    [
      'bad-relations.geojson',
      [
        [1, 'parent_key', 'nope', "no area with this key in the file or the database (a borough's parent_key is the city's AGS, 05916000)"],
        [2, 'parent_key', '05916000-D-wanne-1-1', 'names a district that this import replaces, but the file does not contain it'],
        [3, 'parent_key', 'T-D-4', 'names a district; expected a quarter, a borough or the city'],
        [4, 'geometry', '', 'the polygon is not valid: Self-intersection[7.165 51.535]'],
        [5, 'key', '05916000-Q-wanne-2', 'this key already belongs to a quarter that the file does not replace; keys are unique across levels'],
        [6, 'key', 'T-D-1', 'same key as row 1'],
        [6, 'geometry', '', 'only 0 % of the area lies inside Herne; expected an area of this city (check the coordinates)'],
      ],
    ],
    ['orphans.geojson', [wanneQuarterError(1), wanneQuarterError(2), wanneQuarterError(3)]],
  ];
  it.each(bad)('%s is rejected with exactly its errors; no table changes', async (file, errors) => {
    await expectRejected(db.pool, 'areas', file, errors);
  });

  it("Herne's boroughs imported as official replace them in place: ids, children and Zensus populations stay", async () => {
    const before = (await db.pool.query("SELECT id, key, zensus_population FROM area WHERE level = 'borough' ORDER BY key")).rows;
    const result = await importBytes(db.pool, 'areas', herneSeedAreas('boroughs'));
    expect(result).toEqual({ kind: 'areas', dryRun: false, rows: 4, inserted: 0, updated: 4, deleted: 0, errors: [], errorCount: 0 });
    const after = (await db.pool.query("SELECT id, key, zensus_population, provenance, datasets FROM area WHERE level = 'borough' ORDER BY key")).rows;
    expect(after.map(({ id, key, zensus_population }) => ({ id, key, zensus_population }))).toEqual(before);
    expect(after.every((a) => a.provenance === 'official' && a.datasets.join() === 'city-import')).toBe(true);
    const quarters = await db.pool.query("SELECT count(*)::int AS n FROM area AS q JOIN area AS b ON b.id = q.parent_id WHERE q.level = 'quarter' AND b.level = 'borough'");
    expect(quarters.rows[0].n).toBe(13);
  });

  it('districts without one of them: it is removed, its properties move to its quarter, its case-manager assignments go (noted)', async () => {
    for (const [kind, file] of [
      ['properties', 'valid.csv'],
      ['offices', 'valid.csv'],
      ['case-managers', 'valid.csv'],
    ]) {
      expect(await importFixture(db.pool, kind, file), `${kind}/${file}`).toMatchObject({ errorCount: 0 });
    }
    const gone = '05916000-D-herne-mitte-2-2';
    expect(await areaKeysOf('T-P-001')).toEqual([{ key: 'T-P-001', area: gone }]);
    const assignments = (await db.pool.query('SELECT count(*)::int AS n FROM case_manager_area JOIN area ON area.id = area_id WHERE area.key = $1', [gone])).rows[0].n;
    expect(assignments).toBeGreaterThanOrEqual(1); // T-CM-01 (and synthetic case managers, where seeded)

    const result = await importBytes(db.pool, 'areas', herneSeedAreas('districts', (features) => features.filter((f) => f.properties.key !== gone)));
    expect(result).toMatchObject({ rows: 31, inserted: 0, updated: 31, deleted: 1, errorCount: 0 });
    expect(result.notes).toEqual([`${assignments} case-manager area assignments were removed with their areas; import the case managers again to assign the new areas`]);
    expect(await areaKeysOf('T-P-001', 'T-P-002')).toEqual([
      { key: 'T-P-001', area: '05916000-Q-herne-mitte-2' },
      { key: 'T-P-002', area: '05916000-D-wanne-3-1' },
    ]);
    // recomputed: every Zensus cell counts once per level, the removed district's in the nearest remaining one
    const zensus = await db.pool.query("SELECT sum(zensus_population) FILTER (WHERE level = 'district')::int AS districts, sum(zensus_population) FILTER (WHERE level = 'city')::int AS city FROM area WHERE city_ags = '05916000'");
    expect(zensus.rows[0].districts).toBe(zensus.rows[0].city);
  });

  it('Bochum (a boundary, no areas): boroughs, a quarter and a district from one file, children listed first; properties imported afterwards get their area', async () => {
    expect(await seedCity(db.pool, '05911000', { dataDir })).toMatchObject({ seeded: true, name: 'Bochum', areas: 0 });
    const bochum = { cityAgs: '05911000' };
    const result = await importFixture(db.pool, 'areas', 'bochum.geojson', bochum);
    expect(result).toEqual({ kind: 'areas', dryRun: false, rows: 4, inserted: 4, updated: 0, deleted: 0, errors: [], errorCount: 0 });
    const { rows } = await db.pool.query(`
      SELECT a.key, a.level, p.key AS parent, a.provenance, a.source, a.method, ST_Within(a.geom, city.geom) AS inside
      FROM area AS a JOIN area AS p ON p.id = a.parent_id JOIN area AS city ON city.city_ags = a.city_ags AND city.level = 'city'
      WHERE a.city_ags = '05911000' ORDER BY a.key`);
    expect(rows).toEqual([
      { key: '05911000-B-test-1', level: 'borough', parent: '05911000', provenance: 'official', source: { de: 'Stadt Bochum (Testdaten)', en: 'City of Bochum (test data)' }, method: null, inside: true },
      { key: '05911000-B-test-2', level: 'borough', parent: '05911000', provenance: 'official', source: { de: 'Stadt Bochum, Amt für Statistik', en: 'Stadt Bochum, Amt für Statistik' }, method: null, inside: true },
      { key: '05911000-D-test-1-1-1', level: 'district', parent: '05911000-Q-test-1-1', provenance: 'official', source: { de: 'Stadtverwaltung (Import)', en: 'City administration (import)' }, method: null, inside: true },
      { key: '05911000-Q-test-1-1', level: 'quarter', parent: '05911000-B-test-1', provenance: 'approximate', source: { de: 'Stadtverwaltung (Import)', en: 'City administration (import)' }, method: { de: 'von Hand gezeichnet', en: 'drawn by hand' }, inside: true },
    ]);

    const app = await buildTestApp(db, { env: { CITY_AGS: '05911000' } });
    const city = (await app.inject('/api/city')).json();
    await app.close();
    expect(city.hasDistricts).toBe(true);
    expect(city.levels.map((l: { level: string; count: number }) => [l.level, l.count])).toEqual([
      ['borough', 2],
      ['quarter', 1],
      ['district', 1],
    ]);

    const properties = Buffer.from(
      ['key,address,lon,lat,flats,living_area_m2,owner_type,is_problem', 'B-P-1,Testweg 1,7.20,51.47,3,80,private,nein', 'B-P-2,Testweg 2,7.24,51.47,3,80,private,nein', 'B-P-3,Testweg 3,7.183,51.452,3,80,private,nein', 'B-P-4,Testweg 4,7.30,51.48,3,80,private,nein'].join('\n'),
    );
    expect(await importBytes(db.pool, 'properties', properties, bochum)).toMatchObject({ inserted: 4, errorCount: 0 });
    expect(await areaKeysOf('B-P-1', 'B-P-2', 'B-P-3', 'B-P-4')).toEqual([
      { key: 'B-P-1', area: '05911000-D-test-1-1-1' },
      { key: 'B-P-2', area: '05911000-B-test-2' },
      { key: 'B-P-3', area: '05911000-B-test-1' },
      { key: 'B-P-4', area: null },
    ]);
  });
});
