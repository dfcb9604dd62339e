import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { engines, openTestDatabase } from '../../../test/engines.ts';
import { expectRejected, type ErrorRow } from '../testing/expect-rejected.ts';
import { importFixture } from '../testing/import-fixture.ts';

describe.each(engines)('case-managers import on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
    expect(await importFixture(db.pool, 'offices', 'valid.csv')).toMatchObject({ errorCount: 0 });
  });
  afterAll(() => db?.close());
  const managers = async () =>
    (
      await db.pool.query(`
        SELECT cm.key, cm.employer, cm.employer_kind, cm.funding, cm.languages, cm.fte::float8 AS fte, o.key AS office,
               coalesce((SELECT array_agg(a.key ORDER BY a.key) FROM case_manager_area AS cma JOIN area AS a ON a.id = cma.area_id
                         WHERE cma.case_manager_id = cm.id), '{}') AS areas
        FROM case_manager AS cm LEFT JOIN advisory_office AS o ON o.id = cm.office_id
        WHERE cm.key LIKE 'T-%' ORDER BY cm.key`)
    ).rows.map((r) => Object.values(r));

  it('valid.csv inserts case managers with languages ("|" or spaces), working time, office and areas', async () => {
    expect(await importFixture(db.pool, 'case-managers', 'valid.csv')).toEqual({
      kind: 'case-managers',
      dryRun: false,
      rows: 3,
      inserted: 3,
      updated: 0,
      deleted: 0,
      errors: [],
      errorCount: 0,
    });
    expect(await managers()).toEqual([
      ['T-CM-01', 'Stadt Herne', 'city', 'municipal', ['ro', 'de'], 1, 'T-BS-01', ['05916000-B-wanne', '05916000-D-herne-mitte-2-2']],
      ['T-CM-02', 'Caritas Herne', 'charity', 'kim', ['bg', 'tr', 'rom'], 0.5, null, ['05916000-B-eickel']],
      ['T-CM-03', 'Diakonie Herne', 'charity', 'kim', ['ar'], 0.75, 'T-BS-02', []],
    ]);
  });

  it('a re-import replaces the rows with the same key and their area assignments; others stay as they were', async () => {
    expect(await importFixture(db.pool, 'case-managers', 'valid-reimport.csv')).toMatchObject({ rows: 2, inserted: 0, updated: 2, errorCount: 0 });
    expect(await managers()).toEqual([
      ['T-CM-01', 'Stadt Herne', 'city', 'municipal', ['ro', 'de'], 0.8, 'T-BS-02', ['05916000-B-sodingen']],
      ['T-CM-02', 'Caritas Herne', 'charity', 'kim', ['bg', 'tr', 'rom'], 0.5, null, ['05916000-B-eickel']],
      ['T-CM-03', 'Diakonie Herne', 'charity', 'kim', ['ar', 'ku'], 0.75, 'T-BS-02', ['05916000-Q-wanne-1', '05916000-Q-wanne-2']],
    ]);
  });

  const bad: [string, ErrorRow[]][] = [
    [
      'bad-rows.csv',
      [
        [2, 'employer_kind', 'stadt', 'not one of city, charity'],
        [2, 'languages', 'ro|xx', '"xx" is not an ISO 639-1 language code (expected codes such as ro|tr|de)'],
        [2, 'fte', '1,5', 'must be more than 0 and at most 1 (e.g. 0,5 for half time)'],
        [2, 'office_key', 'T-BS-99', 'no advisory office with this key in Herne (import the offices first)'],
        [2, 'area_keys', '05916000-B-nirgendwo', 'no area with this key in Herne'],
        [3, 'funding', 'eu', 'not one of municipal, kim'],
        [3, 'languages', '', 'is empty (expected language codes, e.g. ro|tr)'],
        [3, 'fte', '0', 'must be more than 0 and at most 1 (e.g. 0,5 for half time)'],
        [4, 'key', 'T-CM-11', 'same key as row 2'],
        [4, 'fte', '0,333', 'has more than 2 decimal places (expected e.g. 0,5; thousands separators are not allowed)'],
        [4, 'area_keys', 'auch-nicht', 'no area with this key in Herne'],
        [4, 'area_keys', 'nirgendwo', 'no area with this key in Herne'],
      ],
    ],
    [
      'missing-columns.csv',
      [
        [1, 'languages', '', 'required column is missing'],
        [1, 'language', 'language', 'unknown column (did you mean languages?)'],
      ],
    ],
  ];
  it.each(bad)('%s is rejected with exactly its errors; no table changes', async (file, errors) => {
    await expectRejected(db.pool, 'case-managers', file, errors);
  });
});
