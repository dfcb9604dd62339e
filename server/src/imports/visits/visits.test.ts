import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { engines, openTestDatabase } from '../../../test/engines.ts';
import { expectRejected, type ErrorRow } from '../testing/expect-rejected.ts';
import { importFixture } from '../testing/import-fixture.ts';

describe.each(engines)('visits import on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    for (const [kind, file] of [
      ['properties', 'valid.csv'],
      ['offices', 'valid.csv'],
      ['case-managers', 'valid.csv'],
    ]) {
      expect(await importFixture(db.pool, kind, file), `${kind}/${file}`).toMatchObject({ errorCount: 0 });
    }
  });
  afterAll(() => db?.close());

  it('valid.csv inserts visits by day or month, with or without case manager; visits defaults to 1; a second import replaces its months', async () => {
    expect(await importFixture(db.pool, 'visits', 'valid.csv')).toEqual({
      kind: 'visits',
      dryRun: false,
      rows: 4,
      inserted: 4,
      updated: 0,
      deleted: 0,
      errors: [],
      errorCount: 0,
      months: ['2025-11', '2025-12'],
    });
    const { rows } = await db.pool.query(`
      SELECT p.key, to_char(v.month, 'YYYY-MM') AS month, to_char(v.visit_date, 'YYYY-MM-DD') AS day, v.topic, cm.key AS case_manager, v.visits
      FROM visit AS v JOIN property AS p ON p.id = v.property_id LEFT JOIN case_manager AS cm ON cm.id = v.case_manager_id
      WHERE p.key LIKE 'T-P-%' ORDER BY p.key, v.month, v.topic`);
    expect(rows.map((r) => Object.values(r))).toEqual([
      ['T-P-001', '2025-11', '2025-11-05', 'health', 'T-CM-01', 1],
      ['T-P-001', '2025-11', null, 'school', null, 2],
      ['T-P-001', '2025-12', '2025-12-01', 'energy_water', 'T-CM-01', 3],
      ['T-P-002', '2025-11', '2025-11-20', 'housing', 'T-CM-02', 1],
    ]);
    expect(await importFixture(db.pool, 'visits', 'valid.csv')).toMatchObject({ inserted: 4, deleted: 4 });
  });

  const bad: [string, ErrorRow[]][] = [
    [
      'bad-rows.csv',
      [
        [2, 'case_manager_key', 'T-CM-99', 'no case manager with this key in Herne (import the case managers first)'],
        [3, 'property_key', 'T-P-996', 'no property with this key in Herne (import the properties first)'],
        [4, 'topic', 'Gesundheit', 'not one of health, energy_water, youth_office, school, housing, employment, health_insurance'],
        [4, 'visits', '0', 'must be 1 or more'],
        [5, 'property_key', 'T-P-001', 'same property_key, date, topic and case_manager_key as row 2; put the number of visits in one row (column visits)'],
        [5, 'case_manager_key', 'T-CM-99', 'no case manager with this key in Herne (import the case managers first)'],
        [7, 'property_key', 'T-P-002', 'same property_key, date, topic and case_manager_key as row 6; put the number of visits in one row (column visits)'],
      ],
    ],
    ['missing-columns.csv', [[1, 'date', '', 'required column is missing']]],
  ];
  it.each(bad)('%s is rejected with exactly its errors; no table changes', async (file, errors) => {
    await expectRejected(db.pool, 'visits', file, errors);
  });
});
