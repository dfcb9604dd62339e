import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { ImportProgress } from '../schemas/import.ts';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { ErrorList } from './error-list.ts';
import { ImportUsageError, importData } from './import-data.ts';
import { stageRows } from './stage-rows.ts';
import { countTables } from './testing/count-tables.ts';
import { expectRejected } from './testing/expect-rejected.ts';
import { importBytes, readFixture } from './testing/import-fixture.ts';

const header = 'key,address,lon,lat,flats,living_area_m2,owner_type,is_problem';

describe.each(engines)('importData and runImport on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });
  afterAll(() => db?.close());

  it.each([
    [{ kind: 'flats' }, 'kind: unknown import kind "flats"; known kinds: areas, offices, properties, residents, estimates, status-events, case-managers, visits'],
    [{ datasets: ['city-import', 'my-upload'] }, 'dataset: unknown dataset "my-upload"; known datasets are listed in data/datasets.json'],
    [{ datasets: [] }, 'dataset: at least one dataset id is required'],
    [{ cityAgs: '05911000' }, 'CITY_AGS: city 05911000 is not in the database; start the server once with this CITY_AGS to load it'],
  ])('a bad request (%o) throws ImportUsageError naming the parameter, before anything is read', async (change, message) => {
    const client = await db.pool.connect();
    try {
      const input = { kind: 'properties', bytes: readFixture('properties', 'valid.csv'), cityAgs: '05916000', datasets: ['city-import'], ...change };
      const error = await importData(client, input).catch((e) => e);
      expect(error).toBeInstanceOf(ImportUsageError);
      expect(error.message).toBe(message);
    } finally {
      client.release();
    }
  });

  it('reports progress phase by phase: reading, validating (rows), checking, applying (steps)', async () => {
    const events: ImportProgress[] = [];
    const bytes = readFixture('properties', 'valid.csv');
    await importBytes(db.pool, 'properties', bytes, { dryRun: true, onProgress: (p) => events.push(p) });
    expect(events).toEqual([
      { phase: 'reading', done: 0, total: bytes.length },
      { phase: 'reading', done: bytes.length, total: bytes.length },
      { phase: 'validating', done: 0, total: 4 },
      { phase: 'validating', done: 4, total: 4 },
      { phase: 'checking', done: 0, total: 1 },
      { phase: 'checking', done: 1, total: 1 },
      { phase: 'applying', done: 0, total: 2 },
      { phase: 'applying', done: 1, total: 2 },
      { phase: 'applying', done: 2, total: 2 },
    ]);
  });

  it('a file with 150 bad rows reports the first 100 errors by row and counts all 150', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `T-X-${i},Teststraße ${i},7.2228,51.5404,${i % 2 ? 'viele' : '-1'},80,private,nein`);
    const before = await countTables(db.pool);
    const result = await importBytes(db.pool, 'properties', Buffer.from([header, ...rows].join('\n')));
    expect(result.errorCount).toBe(150);
    expect(result.errors).toHaveLength(100);
    expect(result.errors[0]).toEqual({ row: 2, field: 'flats', value: '-1', reason: 'must be 0 or more', code: 'too_small' });
    expect(result.errors[99]).toEqual({ row: 101, field: 'flats', value: 'viele', reason: 'not a whole number (expected e.g. 6)', code: 'not_a_whole_number' });
    expect(await countTables(db.pool)).toEqual(before);
  });

  it('database errors count beyond the first 100 too: 120 unknown property keys', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `T-NONE-${String(i).padStart(3, '0')},2025-11,ro,0-5,1,0`);
    const result = await importBytes(db.pool, 'residents', Buffer.from(['property_key,month,nationality,age_group,registered,resident_over_5y', ...rows].join('\n')));
    expect(result.errorCount).toBe(120);
    expect(result.errors.map((e) => e.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
  });

  it('rows carry the datasets named (here the synthetic Herne data set)', async () => {
    const result = await importBytes(db.pool, 'offices', Buffer.from('key,name,address,lon,lat\nT-BS-D,Beratungsstelle,Weg 1,7.2228,51.5404\n'), { datasets: ['quartiersatlas-synthetic-herne'] });
    expect(result.errorCount).toBe(0);
    expect((await db.pool.query("SELECT datasets FROM advisory_office WHERE key = 'T-BS-D'")).rows[0].datasets).toEqual(['quartiersatlas-synthetic-herne']);
  });

  it("importData runs several kinds in the caller's transaction (as the seed does): rolled back, nothing stays; committed, all of it", async () => {
    const client = await db.pool.connect();
    const input = (kind: string, file: string) => ({ kind, bytes: readFixture(kind, file), cityAgs: '05916000', datasets: ['city-import'] });
    try {
      const before = await countTables(db.pool);
      await client.query('BEGIN');
      expect(await importData(client, input('properties', 'valid.csv'))).toMatchObject({ inserted: 4 });
      expect(await importData(client, input('residents', 'valid.csv'))).toMatchObject({ inserted: 4 });
      await client.query('ROLLBACK');
      expect(await countTables(db.pool)).toEqual(before);

      await client.query('BEGIN');
      await importData(client, input('properties', 'valid.csv'));
      await importData(client, input('residents', 'valid.csv'));
      await importData(client, input('properties', 'valid-excel.csv')); // the same kind twice: its staging table is replaced
      expect(await importData(client, input('properties', 'duplicate-keys.csv'))).toMatchObject({ errorCount: 3 }); // and after errors
      await importData(client, input('properties', 'valid-utm.csv'));
      await client.query('COMMIT');
      const after = await countTables(db.pool);
      expect(after.property - before.property).toBe(8);
      expect(after.resident_count - before.resident_count).toBe(4);
    } finally {
      client.release();
    }
  });

  it('a GeoJSON file for a kind that takes CSV only says so', async () => {
    await expectRejected(db.pool, 'residents', readFixture('properties', 'valid.geojson'), [[0, '', '', 'the file is JSON; residents are imported from CSV (a header row, then one row per record)']]);
  });

  it('an encoding that is neither UTF-8 nor Windows-1252 (UTF-16, "Unicode text" in Excel) is refused with a clear error', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n`, 'utf16le')]);
    await expectRejected(db.pool, 'properties', utf16, [[0, '', '', 'the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or "CSV (Trennzeichen-getrennt)"']]);
  });

  it('a batch the database refuses is staged again row by row inside SAVEPOINTs: the bad row is named, the transaction goes on', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE stage_test (file_row integer, n integer) ON COMMIT DROP');
      const errors = new ErrorList();
      const sql = 'INSERT INTO stage_test SELECT r.file_row, r.n::integer FROM jsonb_to_recordset($1::jsonb) AS r (file_row integer, n text)';
      await stageRows(client, sql, [{ file_row: 2, n: '1' }, { file_row: 3, n: 'x' }, { file_row: 4, n: '3' }], errors);
      expect(errors.errors).toEqual([{ row: 3, field: '', value: '', reason: 'the database could not read this row: invalid input syntax for type integer: "x"', code: 'database_refused' }]);
      expect((await client.query('SELECT file_row FROM stage_test ORDER BY file_row')).rows).toEqual([{ file_row: 2 }, { file_row: 4 }]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });
});
