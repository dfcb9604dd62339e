import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { engines, openTestDatabase } from '../../../test/engines.ts';
import { expectRejected, type ErrorRow } from '../testing/expect-rejected.ts';
import { importFixture } from '../testing/import-fixture.ts';

describe.each(engines)('estimates import on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    expect(await importFixture(db.pool, 'properties', 'valid.csv')).toMatchObject({ errorCount: 0 });
  });
  afterAll(() => db?.close());

  it('valid.csv (";", German months, a basis in quotes with ";") inserts ranges; a second import replaces its months', async () => {
    const result = await importFixture(db.pool, 'estimates', 'valid.csv');
    expect(result).toEqual({ kind: 'estimates', dryRun: false, rows: 3, inserted: 3, updated: 0, deleted: 0, errors: [], errorCount: 0, months: ['2025-11', '2025-12'] });
    const { rows } = await db.pool.query(`
      SELECT p.key, to_char(e.month, 'YYYY-MM') AS month, e.low, e.high, e.basis, e.datasets
      FROM unregistered_estimate AS e JOIN property AS p ON p.id = e.property_id WHERE p.key LIKE 'T-P-%' ORDER BY p.key, e.month`);
    expect(rows).toEqual([
      { key: 'T-P-001', month: '2025-11', low: 2, high: 6, basis: 'Begehung Ordnungsamt', datasets: ['city-import'] },
      { key: 'T-P-001', month: '2025-12', low: 3, high: 3, basis: 'Müllmenge', datasets: ['city-import'] },
      { key: 'T-P-002', month: '2025-11', low: 0, high: 3, basis: 'Hinweis Nachbarschaft; nicht bestätigt', datasets: ['city-import'] },
    ]);
    expect(await importFixture(db.pool, 'estimates', 'valid.csv')).toMatchObject({ inserted: 3, deleted: 3 });
  });

  const bad: [string, ErrorRow[]][] = [
    [
      'low-above-high.csv',
      [
        [2, 'low', '7', 'is more than high (2); expected low ≤ high'],
        [3, 'low', '-1', 'must be 0 or more'],
        [4, 'high', '', 'is empty (expected a whole number, e.g. 8)'],
        [5, 'basis', '', 'is empty (expected what the estimate rests on, e.g. Begehung)'],
      ],
    ],
    ['missing-columns.csv', [[1, 'basis', '', 'required column is missing']]],
    [
      'duplicate-keys.csv',
      [
        [3, 'property_key', 'T-P-001', 'same property_key and month as row 2'],
        [4, 'property_key', 'T-P-998', 'no property with this key in Herne (import the properties first)'],
      ],
    ],
    [
      'wrong-types.csv',
      [
        [2, 'month', 'November', 'not a month (expected e.g. 12.2025, 2025-12 or 01.12.2025)'],
        [2, 'low', 'zwei', 'not a whole number (expected e.g. 3)'],
        [2, 'high', '6,5', 'not a whole number (expected e.g. 8)'],
      ],
    ],
  ];
  it.each(bad)('%s is rejected with exactly its errors; no table changes', async (file, errors) => {
    await expectRejected(db.pool, 'estimates', file, errors);
  });
});
