/**
 * The API survives its database (issue 10): a connection that dies under a read or
 * an import gives a 503 `database_unavailable` (German or English), the import
 * changes nothing, the app and its pool stay up, and the next request succeeds.
 * On both engines, with real connections cut the engine's way (server/test/cut-connection.ts).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { engines } from '../../test/engines.ts';
import { cutConnection } from '../../test/cut-connection.ts';
import { useTestApp } from '../../test/test-app.ts';
import { countTables } from '../imports/testing/count-tables.ts';
import { fixturesDir } from '../imports/testing/import-fixture.ts';
import { databaseUnavailableMessage, isConnectionLost } from './connection-loss.ts';

const serverDir = join(import.meta.dirname, '..');
/** The first line of a `.sql` file: its `--` comment goes to the database with the statement. */
const firstLine = (file: string) => readFileSync(join(serverDir, file), 'utf8').split('\n')[0];
const validProperties = readFileSync(join(fixturesDir, 'properties', 'valid.csv'));
const lines = (payload: string) => payload.trimEnd().split('\n').map((line) => JSON.parse(line));

/** Where each fault strikes: a lock the step waits for (PostGIS), or the statement whose sending breaks the transport (PGlite). */
const during = {
  read: { lock: 'LOCK TABLE area IN ACCESS EXCLUSIVE MODE', marker: firstLine('queries/areas/get-area.sql') },
  // validation: the dataset check runs inside the import's transaction, before the status is decided
  validation: { lock: 'LOCK TABLE dataset IN ACCESS EXCLUSIVE MODE', marker: firstLine('imports/properties/stage-properties.sql') },
  // writing: after 'applying 0/2' went out with the 200, before the commit
  writing: { lock: 'LOCK TABLE property IN SHARE MODE', marker: firstLine('imports/properties/upsert-properties.sql') },
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(engines)('a lost database connection on %s (issue 10)', (engine) => {
  const t = useTestApp(engine);
  let areaId: number;
  beforeAll(async () => {
    areaId = (await t.db.pool.query("SELECT id FROM area WHERE key = '05916000-B-wanne'")).rows[0].id;
  });

  const getArea = (language: string) => t.app.inject({ url: `/api/areas/${areaId}`, headers: { 'accept-language': language } });
  const postProperties = (language: string) =>
    t.app.inject({ method: 'POST', url: '/api/imports/properties', payload: validProperties, headers: { 'content-type': 'text/csv', 'accept-language': language } });

  it('during a read: 503 database_unavailable in German; the next read is 200', async () => {
    const fault = await cutConnection(t.db, during.read);
    try {
      const response = await getArea('de-DE,de;q=0.9,en;q=0.8');
      await fault.cut;
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'database_unavailable', message: databaseUnavailableMessage('de') });
      expect(response.json().message).toMatch(/^Die Datenbank ist gerade nicht erreichbar\. Es wurde nichts geändert/);
    } finally {
      await fault.release();
    }
    const next = await getArea('en');
    expect(next.statusCode).toBe(200);
    expect(next.json()).toMatchObject({ id: areaId, name: 'Wanne' });
  });

  it('during an import, before its status: 503 in English, nothing written', async () => {
    const before = await countTables(t.db.pool);
    const fault = await cutConnection(t.db, during.validation);
    try {
      const response = await postProperties('en');
      await fault.cut;
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'database_unavailable',
        message: 'The database cannot be reached right now. Nothing was changed; please try again in a moment.',
      });
    } finally {
      await fault.release();
    }
    expect(await countTables(t.db.pool)).toEqual(before);
  });

  it('during an import, after its 200: the last line says database_unavailable, nothing written; the retry imports', async () => {
    const before = await countTables(t.db.pool);
    const fault = await cutConnection(t.db, during.writing);
    try {
      const response = await postProperties('de');
      await fault.cut;
      expect(response.statusCode).toBe(200);
      const answer = lines(response.payload);
      expect(answer.map((l) => l.phase ?? l.type)).toContain('applying');
      expect(answer.at(-1)).toEqual({ type: 'error', code: 'database_unavailable', message: databaseUnavailableMessage('de') });
    } finally {
      await fault.release();
    }
    expect(await countTables(t.db.pool)).toEqual(before);

    const retry = await postProperties('en');
    expect(retry.statusCode).toBe(200);
    expect(lines(retry.payload).at(-1)).toMatchObject({ type: 'result', inserted: 4, errorCount: 0 });
    expect((await t.db.pool.query("SELECT count(*)::int AS n FROM property WHERE key LIKE 'T-P-00%'")).rows[0].n).toBe(4);
  });

  it('classifies the real errors: a lost connection is one, a bad statement is not', async () => {
    const fault = await cutConnection(t.db, { lock: 'LOCK TABLE area IN ACCESS EXCLUSIVE MODE', marker: '-- classify me' });
    const client = await t.db.pool.connect();
    let lost: unknown;
    try {
      lost = await client.query('-- classify me\nSELECT count(*) FROM area').catch((error) => error);
    } finally {
      client.release(lost instanceof Error ? lost : undefined);
      await fault.release();
    }
    expect(isConnectionLost(lost)).toBe(true);
    if (engine === 'postgis') expect((lost as { code?: string }).code).toBe('57P01'); // admin_shutdown, as pg_terminate_backend reports it
    expect(isConnectionLost(await t.db.pool.query('SELECT * FROM no_such_table').catch((error) => error))).toBe(false);
    expect(isConnectionLost(await t.db.pool.query("SELECT 'x'::int").catch((error) => error))).toBe(false);
    expect(isConnectionLost(new Error('Unexpected token'))).toBe(false);
  });
});

describe('a database that is down when a request arrives (issue 10)', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = new pg.Pool({ host: '127.0.0.1', port: await closedPort(), user: 'postgres', database: 'postgres' });
  });
  afterAll(() => pool.end());

  it('health and reads answer 503 database_unavailable, not 500', async () => {
    const app = await buildApp({ pool, engine: 'postgis', config: loadConfig({ LOG_LEVEL: 'silent' }), tileEncoder: 'st_asmvt', officialCounts: {} });
    try {
      const refused = await pool.query('SELECT 1').catch((error) => error);
      expect(refused.code).toBe('ECONNREFUSED');
      expect(isConnectionLost(refused)).toBe(true);
      for (const url of ['/api/health', '/api/city', '/api/areas/1']) {
        const response = await app.inject({ url, headers: { 'accept-language': 'en' } });
        expect(response.statusCode, url).toBe(503);
        expect(response.json(), url).toMatchObject({ code: 'database_unavailable', message: databaseUnavailableMessage('en') });
      }
    } finally {
      await app.close();
    }
  });
});
