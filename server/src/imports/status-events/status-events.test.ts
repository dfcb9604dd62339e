import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { engines, openTestDatabase } from '../../../test/engines.ts';
import { expectRejected, type ErrorRow } from '../testing/expect-rejected.ts';
import { importFixture } from '../testing/import-fixture.ts';

describe.each(engines)('status-events import on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    expect(await importFixture(db.pool, 'properties', 'valid.csv')).toMatchObject({ errorCount: 0 });
  });
  afterAll(() => db?.close());
  const events = async () =>
    (
      await db.pool.query(`
        SELECT p.key, to_char(e.event_date, 'YYYY-MM-DD') AS date, e.status, e.note
        FROM property_status_event AS e JOIN property AS p ON p.id = e.property_id WHERE p.key LIKE 'T-P-%' ORDER BY p.key, e.event_date`)
    ).rows.map((r) => Object.values(r));

  it('valid.csv (German and ISO dates, a note with ";" in quotes) inserts one event per property, date and status', async () => {
    expect(await importFixture(db.pool, 'status-events', 'valid.csv')).toEqual({
      kind: 'status-events',
      dryRun: false,
      rows: 4,
      inserted: 4,
      updated: 0,
      deleted: 0,
      errors: [],
      errorCount: 0,
    });
    expect(await events()).toEqual([
      ['T-P-001', '2025-02-03', 'reported', 'Meldung aus der Nachbarschaft'],
      ['T-P-001', '2025-02-17', 'inspected', null],
      ['T-P-001', '2025-03-04', 'defects_found', 'Schimmel; Feuchtigkeit in 3 Wohnungen'],
      ['T-P-002', '2025-03-04', 'reported', null],
    ]);
  });

  it('an event with the same property, date and status is replaced (its note), the others stay', async () => {
    expect(await importFixture(db.pool, 'status-events', 'valid-note.csv')).toMatchObject({ inserted: 0, updated: 1 });
    expect((await events())[2]).toEqual(['T-P-001', '2025-03-04', 'defects_found', 'Schimmel, Feuchtigkeit und Brandschutzmängel']);
    expect(await events()).toHaveLength(4);
  });

  const bad: [string, ErrorRow[]][] = [
    [
      'bad-rows.csv',
      [
        [2, 'date', '31.02.2025', 'not a day in the calendar (February 2025 has 28 days)'],
        [3, 'status', 'gemeldet', 'not one of reported, inspected, defects_found, order_issued, fine_imposed, declared_uninhabitable, resolved'],
        [4, 'date', '03/05/2025', 'not a date (expected e.g. 31.12.2025 or 2025-12-31)'],
        [5, 'property_key', 'T-P-997', 'no property with this key in Herne (import the properties first)'],
        [7, 'property_key', 'T-P-002', 'same property_key, date and status as row 6'],
      ],
    ],
    ['missing-columns.csv', [[1, 'date', '', 'required column is missing']]],
  ];
  it.each(bad)('%s is rejected with exactly its errors; no table changes', async (file, errors) => {
    await expectRejected(db.pool, 'status-events', file, errors);
  });
});
