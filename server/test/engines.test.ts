/** Checks the test helpers themselves: both engines, seeded copies, and isolation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { readMigrations } from '../src/db/migrate.ts';
import { engines, openTestDatabase } from './engines.ts';

describe.each(engines)('%s', (engine) => {
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    [a, b] = await Promise.all([openTestDatabase(engine), openTestDatabase(engine, { seeded: false })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('reports its engine and has PostGIS', async () => {
    expect(a.engine).toBe(engine);
    const { rows } = await a.pool.query<{ version: string }>('SELECT postgis_lib_version() AS version');
    expect(rows[0].version).toMatch(/^3\.\d+/);
  });

  it('is migrated, seeded or not', async () => {
    const expected = readMigrations().map((m) => m.version);
    for (const db of [a, b]) {
      const { rows } = await db.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(expected);
    }
  });

  it('contains Herne only when seeded', async () => {
    const count = async (db: Database) =>
      Number((await db.pool.query("SELECT count(*) FROM area WHERE city_ags = '05916000' AND level = 'city'")).rows[0].count);
    expect(await count(a)).toBe(1);
    expect(await count(b)).toBe(0);
  });

  it('gives every caller its own database', async () => {
    // Two seeded copies opened side by side: a write to one is invisible to the other.
    const c = await openTestDatabase(engine);
    try {
      await a.pool.query("INSERT INTO dataset (id, title, attribution, licence) VALUES ('isolation-probe', 't', 'a', 'l')");
      const probe = "SELECT count(*)::int AS n FROM dataset WHERE id = 'isolation-probe'";
      expect((await a.pool.query(probe)).rows[0].n).toBe(1);
      expect((await c.pool.query(probe)).rows[0].n).toBe(0);
      // …and a table created in one does not appear in the other.
      await c.pool.query('CREATE TABLE isolation_probe (id int)');
      expect((await a.pool.query("SELECT to_regclass('isolation_probe') AS t")).rows[0].t).toBeNull();
    } finally {
      await c.close();
    }
  });
});
