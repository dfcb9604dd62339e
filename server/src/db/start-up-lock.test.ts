import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { seedCity } from '../seed/seed-city.ts';
import { openTestDatabase } from '../../test/engines.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { withStartUpLock } from './start-up-lock.ts';

// PostGIS only: several API processes share a PostGIS server. A PGlite folder
// belongs to one process (its lock file, database.test.ts), and all connections to
// it share one session, so an advisory lock could not tell them apart anyway.
describe('start-up lock on postgis', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase('postgis', { seeded: false });
  });
  afterAll(() => db?.close());

  it('two processes starting at once on one database: one seeds, the other finds it seeded', async () => {
    const { dataDir } = loadConfig({});
    const start = () => withStartUpLock(db.pool, async () => (await migrate(db.pool), seedCity(db.pool, '05916000', { dataDir })));
    const results = await Promise.all([start(), start()]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM area WHERE city_ags = '05916000' AND level = 'city'");
    expect(rows[0].n).toBe(1);
  });
});
