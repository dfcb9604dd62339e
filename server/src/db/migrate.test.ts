import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase } from '../../test/engines.ts';
import type { Database } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';

describe.each(engines)('migrations on %s', (engine) => {
  let db: Database;
  let dir: string;
  beforeAll(async () => {
    db = await openTestDatabase(engine, { seeded: false });
    dir = await mkdtemp(join(tmpdir(), 'qa-migrations-'));
  });
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('are recorded, and applying them again changes nothing', async () => {
    const all = readMigrations();
    expect(all.length).toBeGreaterThan(0);
    const recorded = (await db.pool.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows;
    expect(recorded.map((r) => r.name)).toEqual(all.map((m) => m.name));
    const tablesBefore = (await db.pool.query("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public'")).rows[0].n;
    expect(await migrate(db.pool)).toEqual({ applied: [], alreadyApplied: all.length });
    const tablesAfter = (await db.pool.query("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public'")).rows[0].n;
    expect(tablesAfter).toBe(tablesBefore);
  });

  it('a failing migration rolls back completely and names itself', async () => {
    await writeFile(join(dir, '901-half-done.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;');
    const error = await migrate(db.pool, [...readMigrations(), ...readMigrations(dir)]).catch((e) => e);
    expect(error.message).toMatch(/^Migration 901-half-done failed: relation "no_such_table" does not exist/);
    const table = await db.pool.query("SELECT to_regclass('public.half_done') AS t");
    expect(table.rows[0].t).toBeNull();
    const recorded = await db.pool.query('SELECT 1 FROM schema_migrations WHERE version = 901');
    expect(recorded.rowCount).toBe(0);
  });

  it('an applied migration that was edited afterwards is reported, not re-run', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db.pool, edited)).rejects.toThrow(/^Migration 001-areas was changed after it was applied/);
  });
});
