import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { listenTestApp, useTestApp } from '../../test/test-app.ts';
import { countTables } from '../imports/testing/count-tables.ts';
import { fixturesDir } from '../imports/testing/import-fixture.ts';

const fixture = (kind: string, name: string) => readFileSync(join(fixturesDir, kind, name));
const lines = (payload: string) => payload.trimEnd().split('\n').map((line) => JSON.parse(line));

/**
 * POSTs `total` random bytes to a listening server as a real client uploads them (64 KB
 * chunks made as the socket takes them) and stops uploading when the answer arrives.
 */
function uploadRandom(url: string, total: number): Promise<{ status: number; body: string; ms: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent >= total) return void this.push(null);
        const chunk = randomBytes(Math.min(64 * 1024, total - sent));
        sent += chunk.length;
        this.push(chunk);
      },
    });
    const started = performance.now();
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'text/csv', 'content-length': String(total) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        body.destroy();
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: text, ms: performance.now() - started, sent });
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      // the server closes the connection after its early answer: the rest of the upload breaks off
      if (!['EPIPE', 'ECONNRESET'].includes(error.code ?? '')) reject(error);
    });
    body.pipe(request);
  });
}

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
    expect(answer.at(-1).errors[0]).toEqual({ row: 4, field: 'key', value: 'T-P-131', reason: 'same key as row 2', code: 'duplicate' });
    expect(await countTables(t.db.pool)).toEqual(before);
  });

  it('reasons follow Accept-Language: German for de, codes the same (issue 10)', async () => {
    const german = await t.app.inject({
      method: 'POST',
      url: '/api/imports/properties',
      payload: fixture('properties', 'duplicate-keys.csv'),
      headers: { 'content-type': 'text/csv', 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' },
    });
    expect(german.statusCode).toBe(422);
    expect(lines(german.payload).at(-1).errors.slice(0, 2)).toEqual([
      { row: 4, field: 'key', value: 'T-P-131', reason: 'gleiche Werte in key wie in Zeile 2', code: 'duplicate' },
      { row: 5, field: 'key', value: 'T-P-132', reason: 'gleiche Werte in key wie in Zeile 3', code: 'duplicate' },
    ]);
  });

  it.each([
    [
      'an unknown kind',
      '/api/imports/flats',
      'en',
      [['kind', 'enum', 'unknown import kind "flats"; known kinds: areas, offices, properties, residents, estimates, status-events, case-managers, visits']],
    ],
    ['an unknown dataset', '/api/imports/properties?dataset=my-upload', 'en', [['dataset', 'unknown_dataset', 'unknown dataset "my-upload"; known datasets are listed in data/datasets.json']]],
    ['dryRun=maybe', '/api/imports/properties?dryRun=maybe', 'en', [['dryRun', 'type', '"maybe" is not true or false']]],
    [
      'dataset=%00 (a 500 before issue 10)',
      '/api/imports/properties?dataset=%00',
      'en',
      [
        [
          'dataset',
          'pattern',
          '"\\u0000" is not a dataset id: expected 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. city-import; data/datasets.json lists them)',
        ],
      ],
    ],
    [
      'every bad parameter at once, in German',
      '/api/imports/flats?dryRun=vielleicht&dataset=Mein%20Upload',
      'de',
      [
        ['kind', 'enum', 'unbekannte Importart „flats“; bekannt sind: areas, offices, properties, residents, estimates, status-events, case-managers, visits'],
        ['dryRun', 'type', '„vielleicht“ ist weder true noch false'],
        [
          'dataset',
          'pattern',
          '„Mein Upload“ ist keine Datensatz-ID: erwartet werden 1 bis 63 Kleinbuchstaben, Ziffern und Bindestriche, am Anfang ein Buchstabe oder eine Ziffer (z. B. city-import; data/datasets.json nennt sie)',
        ],
      ],
    ],
    ['a dataset given twice', '/api/imports/properties?dataset=city-import&dataset=city-import', 'en', [['dataset', 'type', 'is given more than once; give it once']]],
  ])('%s is 400 naming the parameter (issue 10)', async (_name, url, language, problems) => {
    const before = await countTables(t.db.pool);
    const response = await t.app.inject({ method: 'POST', url, payload: fixture('properties', 'valid.csv'), headers: { 'content-type': 'text/csv', 'accept-language': language } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'bad_request',
      message: problems.map(([field, , message]) => `${field}: ${message}`).join('; '),
      problems: problems.map(([field, code, message]) => ({ field, code, message })),
    });
    expect(await countTables(t.db.pool)).toEqual(before);
  });

  it.each([
    ['a form body', 'application/x-www-form-urlencoded', 'enum', '"application/x-www-form-urlencoded" is not a file type; expected one of text/csv, application/geo+json, application/json, application/octet-stream'],
    ['no Content-Type', undefined, 'required', 'is missing; send the file with one of text/csv, application/geo+json, application/json, application/octet-stream'],
  ])('%s is 415 naming Content-Type (issue 10)', async (_name, contentType, code, message) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/imports/properties', payload: Buffer.from('key,address\n'), headers: contentType ? { 'content-type': contentType } : {} });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ statusCode: 415, error: 'Unsupported Media Type', code: 'unsupported_media_type', message: `Content-Type: ${message}`, problems: [{ field: 'Content-Type', code, message }] });
  });

  it('an empty body is 400 naming the body, in German when asked (issue 10)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/imports/offices', payload: Buffer.alloc(0), headers: { 'content-type': 'text/csv', 'accept-language': 'de' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_request', message: 'body: ist leer; senden Sie die Datei als Inhalt der Anfrage', problems: [{ field: 'body', code: 'required' }] });
  });

  it('an empty chunked body (no Content-Length) is 400 naming the body too, once the stream ends', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/imports/offices', payload: Readable.from([]), headers: { 'content-type': 'text/csv' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_request', message: 'body: is empty; send the file as the request body', problems: [{ field: 'body', code: 'required' }] });
  });

  it('a body over 64 MB is 413 from its Content-Length, before it is read', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports/properties',
      payload: Buffer.from('key\n'),
      headers: { 'content-type': 'text/csv', 'content-length': String(65 * 1024 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', problems: [{ field: 'body', code: 'too_large' }] });
  });

  it('a file that is no import of the kind is 422 from its head, with the code beside the reason', async () => {
    const response = await post('/api/imports/properties', Buffer.from('property_key;month\nT-1;2025-11\n'));
    expect(response.statusCode).toBe(422);
    expect(lines(response.payload)).toEqual([
      {
        type: 'result',
        kind: 'properties',
        dryRun: false,
        rows: 0,
        inserted: 0,
        updated: 0,
        deleted: 0,
        errors: [
          {
            row: 1,
            field: '',
            value: 'property_key;month',
            reason:
              'the first line is not a header of properties: it names none of their columns (expected: key, address, flats, living_area_m2, owner_type, is_problem, lon, lat, easting, northing)',
            code: 'not_a_header',
          },
        ],
        errorCount: 1,
      },
    ]);
  });

  it('the OpenAPI document describes the route and the status decision', async () => {
    const doc = (await t.app.inject('/api/docs')).json();
    const operation = doc.paths['/api/imports/{kind}'].post;
    expect(operation.description).toContain('422 when the file has errors');
    expect(Object.keys(operation.responses)).toEqual(['200', '400', '413', '415', '422']);
    expect(operation.responses['200'].content).toHaveProperty(['application/x-ndjson']);
  });
});

// A real listening server, in a block of its own: once the app listens, `inject` (whose
// Host has no port) is a request for another host and gets 421 (plugins/public-origin.ts).
describe.each(engines)('import route over a real socket on %s', (engine) => {
  const t = useTestApp(engine);

  it('50 MB of random bytes over HTTP are refused from the first megabyte, without reading the rest (issue 10)', async () => {
    const base = await listenTestApp(t.app);
    const before = await countTables(t.db.pool);
    const total = 50 * 1024 * 1024;
    const answer = await uploadRandom(`${base}/api/imports/properties`, total);
    expect(answer.status).toBe(422);
    expect(lines(answer.body).at(-1).errors).toEqual([
      { row: 0, field: '', value: '', reason: 'is not a text file (it contains NUL bytes); expected a CSV file', code: 'not_text' },
    ]);
    // what the client got onto the wire before the answer: the server read at most that (socket buffers included)
    expect(answer.sent).toBeLessThan(total / 4);
    expect(answer.ms).toBeLessThan(5000);
    expect(await countTables(t.db.pool)).toEqual(before);
    console.log(`issue 10 on ${engine}: 50 MB random refused in ${answer.ms.toFixed(0)} ms; the client had sent ${answer.sent} bytes when the answer came`);
  });
});
