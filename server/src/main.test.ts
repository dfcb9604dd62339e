/**
 * The server as an operator starts it: a real process with settings in the
 * environment. Bad settings and an unknown city stop the start with a message;
 * a second start on the same PGlite folder reuses it without seeding again.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './config.ts';

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
