/**
 * `npm run import` as an operator runs it: a real process (`node --import tsx
 * scripts/import.ts`) against a PGlite folder, a copy of the seeded Herne template.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../server/src/config.ts';

const fixtures = join(repoRoot, 'server/src/imports/fixtures');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('npm run import (scripts/import.ts)', () => {
  let dir: string;
  let pgliteDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qa-import-cli-'));
    pgliteDir = join(dir, 'pglite');
    await cp(inject('testDatabases').pgliteTemplateDir, pgliteDir, { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (...args: string[]): Promise<Run> =>
    new Promise((resolve, reject) => {
      // No DATABASE_URL: the copy of the PGlite template, whatever the test run uses.
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: repoRoot, env: { PATH: process.env.PATH, PGLITE_DIR: pgliteDir } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('a valid file: exit 0, progress per phase on stderr, a summary on stdout', async () => {
    const { code, stdout, stderr } = await run('properties', join(fixtures, 'properties/valid.csv'));
    expect(code).toBe(0);
    expect(stdout).toBe('properties from valid.csv: 4 rows, 4 inserted, 0 updated, 0 deleted.\n');
    expect(stderr.split('\n').filter(Boolean)).toEqual(['reading (320 bytes) …', 'validating (4 rows) …', 'checking (1 check) …', 'applying (2 steps) …']);
  });

  it('--dry-run and --dataset: exit 0, says nothing was written', async () => {
    const { code, stdout } = await run('residents', join(fixtures, 'residents/valid.csv'), '--dry-run', '--dataset', 'quartiersatlas-synthetic-herne');
    expect(code).toBe(0);
    expect(stdout).toBe('Dry run, nothing was written: residents from valid.csv, 4 rows would give 4 inserted, 0 updated, 0 deleted.\nMonths that would be replaced: 2025-11\n');
  });

  it('a file with errors: exit 1 and the table of errors', async () => {
    const { code, stdout } = await run('properties', join(fixtures, 'properties/outside-city.csv'));
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        'properties from outside-city.csv: 3 errors in 3 rows; nothing was imported.',
        '',
        'row | field   | value            | reason',
        '----+---------+------------------+-------------------------------------------------------------------------------------------------------',
        '  2 | lon/lat | 7.22 / 51.47     | lies outside Herne (check the coordinates and their columns)',
        '  3 | lon/lat | 51.5404 / 7.2228 | lies outside Herne; with lon and lat swapped it would lie inside: swap the two columns',
        '  4 | lat     | 95               | not a latitude in degrees (expected e.g. 51,5404; for EPSG:25832 use the columns easting and northing)',
        '',
      ].join('\n'),
    );
  });

  it('more than 100 errors: 100 lines, then "… and N more"', async () => {
    const file = join(dir, 'many-bad.csv');
    const rows = Array.from({ length: 150 }, (_, i) => `T-X-${i},Weg ${i},7.2228,51.5404,viele,80,private,nein`);
    await writeFile(file, ['key,address,lon,lat,flats,living_area_m2,owner_type,is_problem', ...rows].join('\n'));
    const { code, stdout } = await run('properties', file);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('properties from many-bad.csv: 150 errors; nothing was imported.');
    expect(lines.filter((l) => / \| flats +\| viele /.test(l))).toHaveLength(100);
    expect(lines.at(-1)).toBe('… and 50 more');
  });

  it.each([
    [['flats', 'x.csv'], 'import: unknown kind "flats"; known kinds: areas, offices, properties, residents, estimates, status-events, case-managers, visits'],
    [['properties', 'nowhere/missing.csv'], 'import: file "nowhere/missing.csv" does not exist'],
    [['properties'], 'import: missing <file>'],
    [['properties', join(fixtures, 'properties/valid.csv'), '--dataset', 'my-upload'], 'import: dataset: unknown dataset "my-upload"; known datasets are listed in data/datasets.json'],
  ])('usage error %j: exit 2, the message names it', async (args, message) => {
    const { code, stderr, stdout } = await run(...args);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(message);
    expect(stdout).toBe('');
  });
});
