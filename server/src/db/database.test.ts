import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, redactUrl } from './database.ts';

describe('openDatabase with a PGlite folder that cannot be used', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qa-db-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a non-empty folder that holds no cluster, names it, and deletes nothing', async () => {
    const folder = join(dir, 'not-a-cluster');
    await rm(folder, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    await writeFile(join(folder, 'notes.txt'), 'keep me');
    const error = await openDatabase({ pgliteDir: folder }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error.message).toBe(
      `Cannot open the PGlite database folder "${folder}": it is not empty and holds no PostgreSQL cluster (no PG_VERSION). ` +
        'Nothing was deleted. Point PGLITE_DIR at an empty or existing PGlite folder.',
    );
    expect(await readdir(folder)).toEqual(['notes.txt']);
    expect(await readFile(join(folder, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses a path that is a file', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    const error = await openDatabase({ pgliteDir: file }).catch((e) => e);
    expect(error.message).toBe(`Cannot open the PGlite database folder "${file}": it is a file, not a folder. Nothing was deleted.`);
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it('reports a damaged cluster folder by name and leaves its files in place', async () => {
    const folder = join(dir, 'damaged');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    await writeFile(join(folder, 'PG_VERSION'), 'garbage\n');
    const error = await openDatabase({ pgliteDir: folder }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error.message).toMatch(new RegExp(`^Cannot open the PGlite database folder "${folder}": .+Nothing was deleted`, 's'));
    expect(await readdir(folder)).toContain('PG_VERSION');
  });
});

describe('openDatabase and the PGlite folder lock', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qa-lock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses a folder another running process holds, naming the process', async () => {
    const folder = join(dir, 'busy');
    await writeFile(`${folder}.lock`, String(process.ppid)); // a process that certainly runs
    const error = await openDatabase({ pgliteDir: folder }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error.message).toBe(
      `The PGlite database folder "${folder}" is in use by process ${process.ppid} (lock file ${folder}.lock). ` +
        'Stop that process, or use PostGIS (DATABASE_URL) to run several API processes.',
    );
  });

  it('takes over a lock left by a process that has ended, and releases it on close', async () => {
    const folder = join(dir, 'stale');
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(`${folder}.lock`, ended.stdout);
    const db = await openDatabase({ pgliteDir: folder });
    expect(await readFile(`${folder}.lock`, 'utf8')).toBe(String(process.pid));
    await db.close();
    await expect(readFile(`${folder}.lock`, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('openDatabase with an unreachable server', () => {
  it('names the URL without its password', async () => {
    const error = await openDatabase({ databaseUrl: 'postgres://atlas:secret@127.0.0.1:1/atlas' }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error.message).toMatch(/^Cannot connect to DATABASE_URL \(postgres:\/\/atlas:\*\*\*@127\.0\.0\.1:1\/atlas\): /);
    expect(error.message).not.toContain('secret');
  });

  it('redactUrl hides only the password', () => {
    expect(redactUrl('postgres://u:pw@h:5/db')).toBe('postgres://u:***@h:5/db');
    expect(redactUrl('postgres://h/db')).toBe('postgres://h/db');
  });
});
