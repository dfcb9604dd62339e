/**
 * Everything between settings and a listening server: open the database, apply
 * migrations, seed the city on first start, decide the tile encoder.
 */
import type { AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { withStartUpLock } from './db/start-up-lock.ts';
import { findCityManifest } from './seed/city-manifest.ts';
import { seedCity } from './seed/seed-city.ts';
import { detectTileEncoder } from './tiles/tile-encoder.ts';

export async function boot(config: Config, log: (message: string) => void = () => {}): Promise<{ db: Database; ctx: AppContext }> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    log(db.engine === 'pglite' ? `database: PGlite in ${config.pgliteDir}` : 'database: PostGIS server');
    await withStartUpLock(db.pool, async () => {
      const { applied } = await migrate(db.pool);
      if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
      const seeded = await seedCity(db.pool, config.cityAgs, { dataDir: config.dataDir, sourceDataDir: config.sourceDataDir, onProgress: (m) => log(`seed: ${m}`) });
      log(seeded.seeded ? `seeded ${seeded.name}: ${seeded.areas} areas, ${seeded.zensusCells} Zensus cells` : `city ${seeded.name} already seeded`);
    });
    const ctx: AppContext = {
      pool: db.pool,
      engine: db.engine,
      config,
      tileEncoder: await detectTileEncoder(db.pool),
      officialCounts: findCityManifest(config.dataDir, config.cityAgs)?.manifest.officialCounts ?? {},
    };
    return { db, ctx };
  } catch (error) {
    await db.close();
    throw error;
  }
}
