import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { engines, openTestDatabase } from '../../../test/engines.ts';
import { expectRejected, type ErrorRow } from '../testing/expect-rejected.ts';
import { importFixture } from '../testing/import-fixture.ts';

const propertiesSql = `
  SELECT p.key, p.address, p.flats, p.living_area_m2::float8 AS living_area_m2, p.owner_type, p.is_problem, p.datasets,
         a.key AS area_key, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat
  FROM property AS p LEFT JOIN area AS a ON a.id = p.area_id
  WHERE p.key = ANY ($1) ORDER BY p.key`;

describe.each(engines)('properties import on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });
  afterAll(() => db?.close());
  const properties = async (...keys: string[]) => (await db.pool.query(propertiesSql, [keys])).rows;

  it('valid.csv inserts the properties, each in the statistical district that contains it', async () => {
    const result = await importFixture(db.pool, 'properties', 'valid.csv');
    expect(result).toEqual({ kind: 'properties', dryRun: false, rows: 4, inserted: 4, updated: 0, deleted: 0, errors: [], errorCount: 0 });
    const rows = await properties('T-P-001', 'T-P-002', 'T-P-003', 'T-P-004');
    expect(rows.map(({ lon, lat, ...rest }) => rest)).toEqual([
      { key: 'T-P-001', address: 'Bahnhofstraße 12', flats: 6, living_area_m2: 412.5, owner_type: 'private', is_problem: true, datasets: ['city-import'], area_key: '05916000-D-herne-mitte-2-2' },
      { key: 'T-P-002', address: 'Hauptstraße 210', flats: 12, living_area_m2: 780, owner_type: 'company', is_problem: false, datasets: ['city-import'], area_key: '05916000-D-wanne-3-1' },
      { key: 'T-P-003', address: 'Am Wiesenhang 3, Hinterhaus', flats: 4, living_area_m2: 255, owner_type: 'municipal', is_problem: false, datasets: ['city-import'], area_key: '05916000-D-eickel-2-2' },
      { key: 'T-P-004', address: 'Flottmannstraße 5', flats: 8, living_area_m2: 540.5, owner_type: 'private', is_problem: true, datasets: ['city-import'], area_key: '05916000-D-sodingen-1-2' },
    ]);
    expect(rows[0]).toMatchObject({ lon: 7.2228, lat: 51.5404 });
  });

  it('valid-excel.csv (Windows-1252, ";", decimal comma, German words, header in mixed case) reads umlauts and the en dash and replaces T-P-001', async () => {
    const result = await importFixture(db.pool, 'properties', 'valid-excel.csv');
    expect(result).toMatchObject({ rows: 3, inserted: 2, updated: 1, errorCount: 0 });
    expect((await properties('T-P-001', 'T-P-005', 'T-P-006')).map(({ key, address, flats, living_area_m2, owner_type, is_problem }) => ({ key, address, flats, living_area_m2, owner_type, is_problem }))).toEqual([
      { key: 'T-P-001', address: 'Bahnhofstraße 12', flats: 7, living_area_m2: 415, owner_type: 'municipal', is_problem: true },
      { key: 'T-P-005', address: 'Düngelstraße 4', flats: 3, living_area_m2: 180.5, owner_type: 'private', is_problem: true },
      { key: 'T-P-006', address: 'Overwegstraße 1–3', flats: 10, living_area_m2: 650, owner_type: 'company', is_problem: false },
    ]);
  });

  it('valid-utm.csv (UTF-8 with BOM, CRLF, easting/northing in EPSG:25832) is transformed to lon/lat', async () => {
    expect(await importFixture(db.pool, 'properties', 'valid-utm.csv')).toMatchObject({ rows: 2, inserted: 2, errorCount: 0 });
    const [p7, p8] = await properties('T-P-007', 'T-P-008');
    expect(p7).toMatchObject({ address: 'Straße des Bergbaus 1', area_key: '05916000-D-herne-mitte-2-2' });
    // 376753.2 / 5711419.2 is 7.2228 / 51.5404 transformed to EPSG:25832 (0.1 m ≈ 1.5e-6°)
    expect(p7.lon).toBeCloseTo(7.2228, 5);
    expect(p7.lat).toBeCloseTo(51.5404, 5);
    expect(p8.lon).toBeCloseTo(7.235, 5);
  });

  it('valid.geojson: Points with the same properties; numbers, "130,0" and "nein" as JSON values or texts', async () => {
    expect(await importFixture(db.pool, 'properties', 'valid.geojson')).toMatchObject({ rows: 2, inserted: 2, updated: 0, errorCount: 0 });
    expect((await properties('T-P-009', 'T-P-010')).map((p) => [p.key, p.living_area_m2, p.owner_type, p.is_problem, p.area_key])).toEqual([
      ['T-P-009', 620.5, 'company', true, '05916000-D-herne-mitte-2-2'],
      ['T-P-010', 130, 'private', false, '05916000-D-herne-mitte-1-1'],
    ]);
  });

  it('a dry run validates and counts, and writes nothing', async () => {
    const before = (await db.pool.query('SELECT key, flats FROM property ORDER BY key')).rows;
    const result = await importFixture(db.pool, 'properties', 'valid.csv', { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, rows: 4, inserted: 0, updated: 4, errorCount: 0 });
    expect((await db.pool.query('SELECT key, flats FROM property ORDER BY key')).rows).toEqual(before);
  });

  const bad: [string, ErrorRow[]][] = [
    [
      'wrong-types.csv',
      [
        [2, 'flats', 'zwei', 'not a whole number (expected e.g. 6)'],
        [2, 'living_area_m2', '12a', 'not a number (expected e.g. 85,5)'],
        [2, 'owner_type', 'landlord', 'not one of private, company, municipal (also accepted: privat, unternehmen, kommunal)'],
        [2, 'is_problem', 'maybe', 'not yes or no (expected ja/nein, true/false, yes/no, 1/0, or x/empty)'],
        [3, 'lon', '7.2228x', 'not a number (expected e.g. 7,2228)'],
        [3, 'living_area_m2', '1.234', 'has more than 1 decimal place (expected e.g. 85,5; thousands separators are not allowed)'],
      ],
    ],
    [
      'missing-columns.csv',
      [
        [1, 'address', '', 'required column is missing'],
        [1, 'lat', '', 'required column is missing'],
        [1, 'adress', 'adress', 'unknown column (did you mean address?)'],
        [1, 'colour', 'colour', 'unknown column; expected: key, address, flats, living_area_m2, owner_type, is_problem, lon, lat, easting, northing'],
      ],
    ],
    [
      'missing-fields.csv',
      [
        [2, 'key', '', "is empty (expected the property's key, e.g. its register number)"],
        [3, 'address', '', 'is empty (expected an address, e.g. Bahnhofstraße 12)'],
        [3, 'flats', '', 'is empty (expected a whole number, e.g. 6)'],
        [4, 'owner_type', '', 'missing: the row has 6 values, the header 8 columns (a , inside a value must be in double quotes)'],
        // row 5 is blank: skipped, but counted as a spreadsheet counts it
        [6, 'column I', '2. OG', 'is beyond the last column (is_problem); a , inside a value must be in double quotes'],
      ],
    ],
    [
      'outside-city.csv',
      [
        [2, 'lon/lat', '7.22 / 51.47', 'lies outside Herne (check the coordinates and their columns)'],
        [3, 'lon/lat', '51.5404 / 7.2228', 'lies outside Herne; with lon and lat swapped it would lie inside: swap the two columns'],
        [4, 'lat', '95', 'not a latitude in degrees (expected e.g. 51,5404; for EPSG:25832 use the columns easting and northing)'],
      ],
    ],
    [
      'duplicate-keys.csv',
      [
        [4, 'key', 'T-P-131', 'same key as row 2'],
        [5, 'key', 'T-P-132', 'same key as row 3'],
        [6, 'key', 'T-P-132', 'same key as row 3'],
      ],
    ],
    [
      'negative-counts.csv',
      [
        [2, 'flats', '-2', 'must be 0 or more'],
        [3, 'living_area_m2', '0', 'must be more than 0'],
        [4, 'living_area_m2', '-5,5', 'must be more than 0'],
      ],
    ],
    [
      'mixed-encoding.csv',
      [
        [
          3,
          '',
          'Düngelstraße',
          'this row is Windows-1252 but row 2 is UTF-8: the file mixes two encodings, so one of them would be read wrongly; save the whole file once as "CSV UTF-8"',
        ],
      ],
    ],
    [
      'wrong-geometry.geojson',
      [
        [1, 'geometry', 'LineString', 'is a LineString; expected a Point'],
        [2, 'flats', '', 'required property is missing'],
        [2, 'colour', 'blau', 'unknown property; expected: key, address, flats, living_area_m2, owner_type, is_problem'],
        [3, 'geometry', '[376753.2,5711419.2]', 'coordinates are not degrees (lon/lat); for EPSG:25832 name it in the FeatureCollection\'s "crs" member'],
        [4, 'geometry', '[7.22,51.47]', 'lies outside Herne (check the coordinates and their columns)'],
      ],
    ],
  ];
  it.each(bad)('%s is rejected with exactly its errors; no table changes', async (file, errors) => {
    await expectRejected(db.pool, 'properties', file, errors);
  });

  it.each<[string, ErrorRow[]]>([
    [
      'wrong-types.csv',
      [
        [2, 'flats', 'zwei', 'keine ganze Zahl (erwartet z. B. 6)', 'not_a_whole_number'],
        [2, 'living_area_m2', '12a', 'keine Zahl (erwartet z. B. 85,5)', 'not_a_number'],
        [2, 'owner_type', 'landlord', 'keiner der Werte private, company, municipal (auch möglich: privat, unternehmen, kommunal)', 'not_one_of'],
        [2, 'is_problem', 'maybe', 'weder ja noch nein (erwartet: ja/nein, true/false, yes/no, 1/0 oder x/leer)', 'not_yes_no'],
        [3, 'lon', '7.2228x', 'keine Zahl (erwartet z. B. 7,2228)', 'not_a_number'],
        [3, 'living_area_m2', '1.234', 'hat mehr als 1 Nachkommastelle (erwartet z. B. 85,5; Tausendertrennzeichen sind nicht erlaubt)', 'too_many_decimals'],
      ],
    ],
    [
      'missing-fields.csv',
      [
        [2, 'key', '', 'ist leer (erwartet: der Schlüssel der Immobilie, z. B. ihre Registernummer)', 'empty_value'],
        [3, 'address', '', 'ist leer (erwartet: eine Adresse, z. B. Bahnhofstraße 12)', 'empty_value'],
        [3, 'flats', '', 'ist leer (erwartet: eine ganze Zahl, z. B. 6)', 'empty_value'],
        [4, 'owner_type', '', 'fehlt: die Zeile hat 6 Werte, die Kopfzeile 8 Spalten (ein , innerhalb eines Werts muss in doppelten Anführungszeichen stehen)', 'missing_values'],
        [6, 'column I', '2. OG', 'steht hinter der letzten Spalte (is_problem); ein , innerhalb eines Werts muss in doppelten Anführungszeichen stehen', 'extra_value'],
      ],
    ],
    [
      'outside-city.csv',
      [
        [2, 'lon/lat', '7.22 / 51.47', 'liegt außerhalb von Herne (prüfen Sie die Koordinaten und ihre Spalten)', 'outside_city'],
        [3, 'lon/lat', '51.5404 / 7.2228', 'liegt außerhalb von Herne; mit vertauschtem lon und lat läge der Punkt innerhalb: tauschen Sie die beiden Spalten', 'lon_lat_swapped'],
        [4, 'lat', '95', 'kein Breitengrad in Grad (erwartet z. B. 51,5404; für EPSG:25832 die Spalten easting und northing verwenden)', 'not_a_latitude'],
      ],
    ],
  ])('%s in German (Accept-Language de, issue 10): the same errors and codes, the reasons in German', async (file, errors) => {
    await expectRejected(db.pool, 'properties', file, errors, { locale: 'de' });
  });
});
