/**
 * `npm run import` as an operator runs it: a real process (`node --import tsx
 * scripts/import.ts`) against a PGlite folder, a copy of the seeded Herne template.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

  const runIn = (env: Record<string, string>, ...args: string[]): Promise<Run> =>
    new Promise((resolve, reject) => {
      // No DATABASE_URL: the copy of the PGlite template, whatever the test run uses.
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: repoRoot, env: { PATH: process.env.PATH, PGLITE_DIR: pgliteDir, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  const run = (...args: string[]) => runIn({}, ...args);

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

  it('--lang de: the errors and the table in German', async () => {
    const { code, stdout } = await run('properties', join(fixtures, 'properties/outside-city.csv'), '--lang', 'de');
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('properties aus outside-city.csv: 3 Fehler in 3 Zeilen; nichts wurde importiert.');
    expect(lines[2]).toMatch(/^Zeile \| Feld +\| Wert +\| Grund$/);
    expect(lines[4]).toBe('    2 | lon/lat | 7.22 / 51.47     | liegt außerhalb von Herne (prüfen Sie die Koordinaten und ihre Spalten)');
  });

  it('LANG=de_DE.UTF-8 chooses German', async () => {
    const german = await runIn({ LANG: 'de_DE.UTF-8' }, 'residents', join(fixtures, 'residents/valid.csv'), '--dry-run');
    expect(german.stdout).toBe('Probelauf, nichts wurde geschrieben: residents aus valid.csv, 4 Zeilen ergäben 4 neu, 0 geändert, 0 gelöscht.\nMonate, die ersetzt würden: 2025-11\n');
  });

  it('a 50 MB junk file is refused from its first megabyte, before the database opens (issue 10)', async () => {
    const file = join(dir, 'junk.csv');
    await writeFile(file, randomBytes(50 * 1024 * 1024));
    const started = performance.now();
    const { code, stdout, stderr } = await run('properties', file);
    const ms = performance.now() - started;
    expect(code).toBe(1);
    expect(stdout.split('\n').slice(0, 5)).toEqual([
      'properties from junk.csv: 1 error in 1 row; nothing was imported.',
      '',
      ' row | field | value | reason',
      '-----+-------+-------+----------------------------------------------------------------',
      'file |       |       | is not a text file (it contains NUL bytes); expected a CSV file',
    ]);
    expect(stderr).toBe(''); // no progress: the database was never opened
    console.log(`issue 10, CLI: 50 MB random refused in ${ms.toFixed(0)} ms (process start included)`);
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
