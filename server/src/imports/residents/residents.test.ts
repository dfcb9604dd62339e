import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { engines, openTestDatabase } from '../../../test/engines.ts';
import { expectRejected, type ErrorRow } from '../testing/expect-rejected.ts';
import { importBytes, importFixture } from '../testing/import-fixture.ts';

const residentsSql = `
  SELECT p.key, to_char(rc.month, 'YYYY-MM') AS month, rc.nationality, rc.age_group, rc.registered, rc.resident_over_5y
  FROM resident_count AS rc JOIN property AS p ON p.id = rc.property_id
  WHERE p.key LIKE 'T-P-%' ORDER BY p.key, rc.month, rc.nationality, rc.age_group`;

describe.each(engines)('residents import on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    expect(await importFixture(db.pool, 'properties', 'valid.csv')).toMatchObject({ errorCount: 0 });
  });
  afterAll(() => db?.close());
  const residents = async () => (await db.pool.query(residentsSql)).rows.map((r) => Object.values(r));

  it('valid.csv inserts counts per property, month, nationality and age group; resident_over_5y defaults to 0', async () => {
    const result = await importFixture(db.pool, 'residents', 'valid.csv');
    expect(result).toEqual({ kind: 'residents', dryRun: false, rows: 4, inserted: 4, updated: 0, deleted: 0, errors: [], errorCount: 0, months: ['2025-11'] });
    expect(await residents()).toEqual([
      ['T-P-001', '2025-11', 'ro', '0-5', 3, 0],
      ['T-P-001', '2025-11', 'ro', '18-64', 7, 2],
      ['T-P-002', '2025-11', 'bg', '6-17', 2, 0],
      ['T-P-003', '2025-11', 'other', '65+', 1, 1],
    ]);
  });

  it('importing the same month again replaces it: the count stays, the values change (";", German months and words)', async () => {
    const result = await importFixture(db.pool, 'residents', 'valid-german.csv');
    expect(result).toMatchObject({ rows: 4, inserted: 4, deleted: 4, months: ['2025-11'], errorCount: 0 });
    expect(await residents()).toEqual([
      ['T-P-001', '2025-11', 'ro', '0-5', 4, 1],
      ['T-P-001', '2025-11', 'ro', '18-64', 9, 2],
      ['T-P-002', '2025-11', 'bg', '6-17', 3, 0],
      ['T-P-003', '2025-11', 'other', '65+', 2, 1],
    ]);
  });

  it('a file replaces only its own months', async () => {
    const december = Buffer.from('property_key,month,nationality,age_group,registered\nT-P-004,12.2025,bg,18-64,5\n');
    expect(await importBytes(db.pool, 'residents', december)).toMatchObject({ inserted: 1, deleted: 0, months: ['2025-12'] });
    expect((await residents()).map((r) => r[1])).toEqual(['2025-11', '2025-11', '2025-11', '2025-11', '2025-12']);
  });

  const bad: [string, ErrorRow[]][] = [
    [
      'wrong-types.csv',
      [
        [2, 'month', 'Nov 2025', 'not a month (expected e.g. 12.2025, 2025-12 or 01.12.2025)'],
        [2, 'nationality', 'de', 'not one of ro, bg, other (also accepted: sonstige)'],
        [2, 'age_group', '0-6', 'not one of 0-5, 6-17, 18-64, 65+'],
        [2, 'registered', 'drei', 'not a whole number (expected e.g. 4)'],
        [3, 'month', '2025-13', 'not a month (expected e.g. 12.2025, 2025-12 or 01.12.2025)'],
        [4, 'month', '15.11.2025', 'is a day, not a month (expected the first of the month, e.g. 01.12.2025, or 12.2025)'],
        [4, 'registered', '2.5', 'not a whole number (expected e.g. 4)'],
      ],
    ],
    [
      'missing-columns.csv',
      [
        [1, 'registered', '', 'required column is missing'],
        [1, 'gender', 'gender', 'unknown column; expected: property_key, month, nationality, age_group, registered, resident_over_5y'],
      ],
    ],
    [
      'unknown-property.csv',
      [
        [3, 'property_key', 'T-P-999', 'no property with this key in Herne (import the properties first)'],
        [4, 'property_key', 'HER-P-9999', 'no property with this key in Herne (import the properties first)'],
      ],
    ],
    ['duplicate-keys.csv', [[3, 'property_key', 'T-P-001', 'same property_key, month, nationality and age_group as row 2']]],
    [
      'negative-counts.csv',
      [
        [2, 'registered', '-1', 'must be 0 or more'],
        [3, 'resident_over_5y', '-2', 'must be 0 or more'],
        [4, 'resident_over_5y', '5', 'is more than registered (3); these residents are counted among the registered'],
      ],
    ],
  ];
  it.each(bad)('%s is rejected with exactly its errors; no table changes', async (file, errors) => {
    await expectRejected(db.pool, 'residents', file, errors);
  });
});
