import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { engines, openTestDatabase } from '../../../test/engines.ts';
import { expectRejected, type ErrorRow } from '../testing/expect-rejected.ts';
import { importFixture } from '../testing/import-fixture.ts';

describe.each(engines)('offices import on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });
  afterAll(() => db?.close());
  const offices = async () =>
    (await db.pool.query("SELECT key, name, address, round(ST_X(geom)::numeric, 4)::float8 AS lon, round(ST_Y(geom)::numeric, 4)::float8 AS lat FROM advisory_office WHERE key LIKE 'T-%' ORDER BY key")).rows;

  it('valid.csv (lon/lat) and valid-utm.csv (Windows-1252, ";", easting/northing with decimal comma) insert offices; a second import replaces them', async () => {
    expect(await importFixture(db.pool, 'offices', 'valid.csv')).toEqual({ kind: 'offices', dryRun: false, rows: 2, inserted: 2, updated: 0, deleted: 0, errors: [], errorCount: 0 });
    expect(await importFixture(db.pool, 'offices', 'valid-utm.csv')).toMatchObject({ inserted: 1, errorCount: 0 });
    expect(await offices()).toEqual([
      { key: 'T-BS-01', name: 'Beratungsstelle Mitte', address: 'Rathausstraße 6, Erdgeschoss', lon: 7.2228, lat: 51.5404 },
      { key: 'T-BS-02', name: 'Beratungsstelle Wanne', address: 'Hauptstraße 210', lon: 7.1622, lat: 51.5362 },
      { key: 'T-BS-03', name: 'Beratungsstelle Sodingen', address: 'Mont-Cenis-Straße 2', lon: 7.2551, lat: 51.5451 },
    ]);
    expect(await importFixture(db.pool, 'offices', 'valid.csv')).toMatchObject({ inserted: 0, updated: 2 });
  });

  const bad: [string, ErrorRow[]][] = [
    [
      'bad-rows.csv',
      [
        [2, 'lon/lat', '7.22 / 51.47', 'lies outside Herne (check the coordinates and their columns)'],
        [3, 'lon', 'sieben', 'not a number (expected e.g. 7,2228)'],
        [4, 'key', 'T-BS-11', 'same key as row 2'],
        [5, 'name', '', 'is empty (expected a name, e.g. Beratungsstelle Wanne)'],
      ],
    ],
    [
      'missing-columns.csv',
      [
        [1, 'address', '', 'required column is missing'],
        [1, 'easting', 'easting', 'use either lon and lat or easting and northing, not both'],
      ],
    ],
  ];
  it.each(bad)('%s is rejected with exactly its errors; no table changes', async (file, errors) => {
    await expectRejected(db.pool, 'offices', file, errors);
  });
});
