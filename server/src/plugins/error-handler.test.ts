/**
 * The error handler on a real Fastify instance with routes that fail in each way the
 * app's routes can, and a log captured as the operator would read it (issue 10: a 503
 * reached clients as 500, and 15 s of fuzzing wrote ~3,100 error lines for 4xx).
 */
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponse } from '../schemas/api-error.ts';
import { Value } from 'typebox/value';
import { badRequest, HttpError, notFound, registerErrorHandler } from './error-handler.ts';
import { databaseUnavailableMessage } from '../db/connection-loss.ts';

interface LogLine {
  level: number;
  msg: string;
  url?: string;
  method?: string;
  statusCode?: number;
}
const levels = { debug: 20, warn: 40, error: 50 };

describe('error handler (issue 10)', () => {
  const log: LogLine[] = [];
  let app: FastifyInstance;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) log.push(JSON.parse(line));
        done();
      },
    });
    app = Fastify({ logger: { level: 'debug', stream }, disableRequestLogging: true, ajv: { customOptions: { allErrors: true } } });
    registerErrorHandler(app);
    app.get('/busy', async () => {
      throw new HttpError(503, { en: 'analysis: 16 analyses are waiting; try again in a minute', de: 'Analyse: bitte gleich erneut versuchen' });
    });
    app.get('/bug', async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'rows')");
    });
    app.get('/bad', async () => {
      throw badRequest('bbox', { en: 'is not a number', de: 'ist keine Zahl' }, 'not_a_number');
    });
    app.get('/missing', async () => {
      throw notFound({ en: 'Area 5', de: 'Gebiet 5' });
    });
    app.get('/database-gone', async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    });
    app.get('/validated', { schema: { querystring: Type.Object({ level: Type.Enum(['city', 'borough']), n: Type.Integer({ minimum: 1 }) }) } }, async () => 'ok');
    app.post('/json', { schema: { body: Type.Object({ a: Type.Integer() }) } }, async () => 'ok');
    await app.ready();
  });
  afterAll(() => app.close());

  const errorLines = () => log.filter((l) => l.level >= levels.error);

  it('a 503 raised by code keeps its status and message (it reached the client as 500)', async () => {
    const response = await app.inject('/busy');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'busy', message: 'analysis: 16 analyses are waiting; try again in a minute' });
    const german = await app.inject({ url: '/busy', headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } });
    expect(german.json().message).toBe('Analyse: bitte gleich erneut versuchen');
  });

  it('a bug is a generic 500 in the request language, logged as an error with the request context', async () => {
    log.length = 0;
    const response = await app.inject({ url: '/bug?x=1', headers: { 'accept-language': 'de' } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'internal', message: 'Interner Serverfehler; das Server-Protokoll enthält die Einzelheiten.' });
    expect(response.body).not.toContain('rows');
    expect(errorLines()).toHaveLength(1);
    expect(errorLines()[0]).toMatchObject({ method: 'GET', url: '/bug?x=1', statusCode: 500 });
  });

  it('a lost database connection is a 503 database_unavailable, not a 500', async () => {
    const response = await app.inject('/database-gone');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'database_unavailable', message: databaseUnavailableMessage('en') });
  });

  it('client errors are logged at debug, never as errors', async () => {
    log.length = 0;
    for (const url of ['/bad', '/missing', '/validated?level=x', '/nowhere']) expect((await app.inject(url)).statusCode).toBeLessThan(500);
    expect((await app.inject({ method: 'POST', url: '/json', headers: { 'content-type': 'application/json' }, payload: '{' })).statusCode).toBe(400);
    expect(log.filter((l) => l.level > levels.debug)).toEqual([]);
    expect(log.filter((l) => l.level === levels.debug).length).toBeGreaterThanOrEqual(5);
  });

  it('a 400 fills problems with field, code and message, in the request language', async () => {
    const en = (await app.inject('/bad')).json();
    expect(en).toEqual({ statusCode: 400, error: 'Bad Request', code: 'bad_request', message: 'bbox: is not a number', problems: [{ field: 'bbox', code: 'not_a_number', message: 'is not a number' }] });
    const de = (await app.inject({ url: '/bad', headers: { 'accept-language': 'de' } })).json();
    expect(de).toMatchObject({ message: 'bbox: ist keine Zahl', problems: [{ field: 'bbox', code: 'not_a_number', message: 'ist keine Zahl' }] });
    expect((await app.inject({ url: '/missing', headers: { 'accept-language': 'de' } })).json()).toMatchObject({ statusCode: 404, code: 'not_found', message: 'Gebiet 5 wurde nicht gefunden' });
  });

  it('every invalid parameter is named in one answer; an enumeration lists its values', async () => {
    const response = await app.inject('/validated?level=street&n=0');
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'bad_request',
      message: 'level: must be one of: city, borough; n: must be >= 1',
      problems: [
        { field: 'level', code: 'enum', message: 'must be one of: city, borough' },
        { field: 'n', code: 'minimum', message: 'must be >= 1' },
      ],
    });
    const missing = (await app.inject({ url: '/validated', headers: { 'accept-language': 'de' } })).json();
    expect(missing.problems).toEqual([
      { field: 'level', code: 'required', message: 'fehlt' },
      { field: 'n', code: 'required', message: 'fehlt' },
    ]);
  });

  it("Fastify's own client errors are worded for users in both languages", async () => {
    const invalid = await app.inject({ method: 'POST', url: '/json', headers: { 'content-type': 'application/json', 'accept-language': 'de' }, payload: '{' });
    expect(invalid.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'bad_request',
      message: 'body: ist kein gültiges JSON',
      problems: [{ field: 'body', code: 'invalid_json', message: 'ist kein gültiges JSON' }],
    });
    const wrongType = await app.inject({ method: 'POST', url: '/json', headers: { 'content-type': 'text/csv' }, payload: 'a;b' });
    expect(wrongType.json()).toEqual({ statusCode: 415, error: 'Unsupported Media Type', code: 'unsupported_media_type', message: 'body: this content type is not accepted here' });
  });

  it('every answer above is an ErrorResponse', async () => {
    for (const url of ['/busy', '/bug', '/bad', '/missing', '/database-gone', '/validated', '/nowhere']) {
      const body = (await app.inject(url)).json();
      expect(Value.Check(ErrorResponse, body), `${url}: ${JSON.stringify(body)}`).toBe(true);
    }
  });
});
