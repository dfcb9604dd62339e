import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { useTestApp } from '../../test/test-app.ts';
import { countTables } from '../imports/testing/count-tables.ts';
import { fixturesDir } from '../imports/testing/import-fixture.ts';

const fixture = (kind: string, name: string) => readFileSync(join(fixturesDir, kind, name));
const lines = (payload: string) => payload.trimEnd().split('\n').map((line) => JSON.parse(line));

describe.each(engines)('import route on %s', (engine) => {
  const t = useTestApp(engine);
  const post = (url: string, body: Buffer, contentType = 'text/csv') => t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType } });

  it('a dry run of a valid file is 200 with NDJSON progress lines and a result line; nothing is written', async () => {
    const before = await countTables(t.db.pool);
    const file = fixture('properties', 'valid.csv');
    const response = await post('/api/imports/properties?dryRun=true', file);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-ndjson');
    const answer = lines(response.payload);
    expect(answer.slice(0, -1).map((l) => `${l.type} ${l.phase} ${l.done}/${l.total}`)).toEqual([
      `progress reading 0/${file.length}`,
      `progress reading ${file.length}/${file.length}`,
      'progress validating 0/4',
      'progress validating 4/4',
      'progress checking 0/1',
      'progress checking 1/1',
      'progress applying 0/2',
      'progress applying 1/2',
      'progress applying 2/2',
    ]);
    expect(answer.at(-1)).toEqual({ type: 'result', kind: 'properties', dryRun: true, rows: 4, inserted: 4, updated: 0, deleted: 0, errors: [], errorCount: 0 });
    expect(await countTables(t.db.pool)).toEqual(before);
  });

  it('a valid file is imported and committed (200); GeoJSON is accepted as application/geo+json', async () => {
    const response = await post('/api/imports/properties', fixture('properties', 'valid.csv'));
    expect(response.statusCode).toBe(200);
    expect(lines(response.payload).at(-1)).toMatchObject({ type: 'result', dryRun: false, inserted: 4, errorCount: 0 });
    expect((await t.db.pool.query("SELECT count(*)::int AS n FROM property WHERE key LIKE 'T-P-00%'")).rows[0].n).toBe(4);

    const geojson = await post('/api/imports/properties?dataset=city-import', fixture('properties', 'valid.geojson'), 'application/geo+json');
    expect(geojson.statusCode).toBe(200);
    expect(lines(geojson.payload).at(-1)).toMatchObject({ inserted: 2, errorCount: 0 });
  });

  it('a file with errors is 422: the result line lists them, nothing is written', async () => {
    const before = await countTables(t.db.pool);
    const response = await post('/api/imports/properties', fixture('properties', 'duplicate-keys.csv'));
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toBe('application/x-ndjson');
    const answer = lines(response.payload);
    expect(answer.map((l) => l.phase ?? l.type)).toEqual(['reading', 'reading', 'validating', 'validating', 'checking', 'checking', 'result']);
    expect(answer.at(-1)).toMatchObject({ type: 'result', errorCount: 3, inserted: 0 });
    expect(answer.at(-1).errors[0]).toEqual({ row: 4, field: 'key', value: 'T-P-131', reason: 'same key as row 2' });
    expect(await countTables(t.db.pool)).toEqual(before);
  });

  it('an empty body is a file error (422), not a crash', async () => {
    const response = await post('/api/imports/offices', Buffer.alloc(0));
    expect(response.statusCode).toBe(422);
    expect(lines(response.payload).at(-1).errors).toEqual([{ row: 0, field: '', value: '', reason: 'the file is empty' }]);
  });

  it.each([
    ['/api/imports/flats', 'kind: unknown import kind "flats"; known kinds: areas, offices, properties, residents, estimates, status-events, case-managers, visits'],
    ['/api/imports/properties?dataset=my-upload', 'dataset: unknown dataset "my-upload"; known datasets are listed in data/datasets.json'],
    ['/api/imports/properties?dryRun=maybe', 'dryRun: must be true or false'],
  ])('%s is 400: %s', async (url, message) => {
    const response = await post(url, fixture('properties', 'valid.csv'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'bad_request', message });
  });

  it('a body that is not a file type is 415', async () => {
    const response = await post('/api/imports/properties', Buffer.from('a=b'), 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
  });

  it('the OpenAPI document describes the route and the status decision', async () => {
    const doc = (await t.app.inject('/api/docs')).json();
    const operation = doc.paths['/api/imports/{kind}'].post;
    expect(operation.description).toContain('422 when the file has errors');
    expect(Object.keys(operation.responses)).toEqual(['200', '400', '422']);
    expect(operation.responses['200'].content).toHaveProperty(['application/x-ndjson']);
  });
});
