/**
 * The server as an operator starts it: a real process with settings in the
 * environment. Bad settings and an unknown city stop the start with a message;
 * a second start on the same PGlite folder reuses it without seeding again; a
 * process on PostGIS survives its connections being terminated (issue 10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgisCopy, type PostgisCopy } from '../test/engines.ts';
import { terminateWhileWaiting } from '../test/cut-connection.ts';
import { repoRoot } from './config.ts';
import { databaseUnavailableMessage } from './db/connection-loss.ts';
import { applicationName } from './db/database.ts';
import { countTables } from './imports/testing/count-tables.ts';
import { fixturesDir } from './imports/testing/import-fixture.ts';

interface Started {
  output: string;
  code: number | null;
}

/**
 * Runs `node server/src/main.ts` until it prints "ready" (then stops it with SIGTERM) or exits.
 */
function runServer(env: Record<string, string>, timeoutMs = 120_000): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start or exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready in [\d.]+ s/.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ output, code });
    });
  });
}

describe('starting the server process', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qa-main-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('names every bad setting and stops with exit code 1', async () => {
    const { output, code } = await runServer({ PORT: 'eighty', CITY_AGS: 'Herne', DEFAULT_LOCALE: 'fr' });
    expect(code).toBe(1);
    expect(output).toContain('PORT="eighty": must be a whole number from 0 to 65535 (0: any free port)');
    expect(output).toContain('CITY_AGS="Herne": must be an 8-digit Amtlicher Gemeindeschlüssel');
    expect(output).toContain('DEFAULT_LOCALE="fr": must be de or en');
  });

  it('issue 10: SOURCE_DATA_DIR at an empty folder stops the start with one message naming the folder, the files and their publishers', async () => {
    const empty = join(dir, 'empty-source');
    await mkdir(empty);
    const { output, code } = await runServer({ SOURCE_DATA_DIR: empty, PGLITE_DIR: join(dir, 'never'), PORT: '0' });
    expect(code).toBe(1);
    expect(output.match(/Invalid settings:/g)).toHaveLength(1);
    expect(output).toContain(`SOURCE_DATA_DIR="${empty}": the public data sets are read where they are kept, not copied into the repository, and ${empty} lacks 5 of the 5 files`);
    expect(output).toMatch(/missing {2}herne\/nrw_kreise_dvg2_2018\.geojson: .*publisher: Land NRW \/ GeoBasis NRW/);
    expect(output).toMatch(/missing {2}herne\/germany_gemeinden_vg250_simplified\.geojson: .*publisher: BKG/);
    expect(output).toMatch(/missing {2}herne\/herne_zensus2011_grid100m\.geojson: .*publisher: Destatis/);
    expect(output).not.toContain('migrations applied');
    expect(existsSync(join(dir, 'never'))).toBe(false); // stopped before the database was touched
  });

  it('an unknown AGS stops the start, naming the value', async () => {
    const { output, code } = await runServer({ CITY_AGS: '05999999', PGLITE_DIR: join(dir, 'unknown'), PORT: '0' });
    expect(code).toBe(1);
    expect(output).toContain('cannot start: CITY_AGS="05999999" is not a municipality in the boundary data');
  });

  it('seeds Herne on the first start and reuses the database on the second', async () => {
    const folder = join(dir, 'herne');
    const first = await runServer({ PGLITE_DIR: folder, PORT: '0' });
    expect(first.output).toContain('migrations applied: 001-areas');
    expect(first.output).toContain('seeded Herne: 49 areas, 2917 Zensus cells');
    expect(first.code).toBe(0);
    const second = await runServer({ PGLITE_DIR: folder, PORT: '0' });
    expect(second.output).not.toContain('migrations applied');
    expect(second.output).toContain('city Herne already seeded');
    expect(second.code).toBe(0);
  });
});

/** Starts `node server/src/main.ts` and resolves with its URL once it prints "ready". */
async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready in [\d.]+ s: (http:\/\/\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { url, child, output: () => output };
}

describe('a server process on PostGIS whose database connections are cut (issue 10)', () => {
  let copy: PostgisCopy;
  let admin: pg.Pool;
  let server: Awaited<ReturnType<typeof startServer>>;
  let areaId: number;
  const properties = readFileSync(join(fixturesDir, 'properties', 'valid.csv'));
  const postProperties = () => fetch(`${server.url}/api/imports/properties`, { method: 'POST', body: properties, headers: { 'content-type': 'text/csv', 'accept-language': 'de' } });

  beforeAll(async () => {
    copy = await createPostgisCopy();
    admin = new pg.Pool({ connectionString: copy.url, max: 2 });
    areaId = (await admin.query("SELECT id FROM area WHERE key = '05916000-B-wanne'")).rows[0].id;
    server = await startServer({ DATABASE_URL: copy.url, PORT: '0' });
  });
  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await admin?.end();
    await copy?.drop();
  });

  it('a read whose backend is terminated gets 503 database_unavailable; the process stays up and the next read is 200', async () => {
    const fault = await terminateWhileWaiting(copy.url, 'LOCK TABLE area IN ACCESS EXCLUSIVE MODE');
    let response: Response;
    try {
      response = await fetch(`${server.url}/api/areas/${areaId}`, { headers: { 'accept-language': 'en' } });
      await fault.cut;
    } finally {
      await fault.release();
    }
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'database_unavailable',
      message: 'The database cannot be reached right now. Nothing was changed; please try again in a moment.',
    });
    expect(server.child.exitCode).toBeNull();
    const next = await fetch(`${server.url}/api/areas/${areaId}`);
    expect(next.status).toBe(200);
    expect(await next.json()).toMatchObject({ id: areaId, name: 'Wanne' });
  });

  it('an import whose backend is terminated after its 200 ends with a database_unavailable line and writes nothing; the retry imports', async () => {
    const before = await countTables(admin);
    const fault = await terminateWhileWaiting(copy.url, 'LOCK TABLE property IN SHARE MODE');
    let status: number;
    let answer: Array<Record<string, unknown>>;
    try {
      const response = await postProperties();
      status = response.status;
      answer = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line));
      await fault.cut;
    } finally {
      await fault.release();
    }
    expect(status).toBe(200);
    expect(answer.map((line) => line.phase ?? line.type)).toContain('applying');
    expect(answer.at(-1)).toEqual({ type: 'error', code: 'database_unavailable', message: databaseUnavailableMessage('de') });
    expect(await countTables(admin)).toEqual(before);
    expect(server.child.exitCode).toBeNull();

    const retry = await postProperties();
    expect(retry.status).toBe(200);
    expect((await retry.text()).trimEnd().split('\n').at(-1)).toMatch(/"type":"result".*"inserted":4/);
  });

  it('survives every connection being terminated at once (as in a server restart), then stops cleanly', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200); // at least one idle pooled connection
    const { rows } = await admin.query<{ ended: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [applicationName],
    );
    expect(rows[0].ended).toBeGreaterThan(0);
    // Idle connections die quietly; a request may still meet one that is dying (503), never a 500.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20 && statuses.at(-1) !== 200; attempt++) {
      statuses.push((await fetch(`${server.url}/api/health`)).status);
    }
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(server.child.exitCode).toBeNull();

    const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
  });
});
