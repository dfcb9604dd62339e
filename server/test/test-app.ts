/**
 * The real Fastify app on a test database, as routes and the browser see it.
 * `inject` drives it without a socket; `listen` starts it for real on a free
 * loopback port (browser tests).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { AppContext } from '../src/app-context.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { findCityManifest } from '../src/seed/city-manifest.ts';
import { detectTileEncoder, type TileEncoderKind } from '../src/tiles/tile-encoder.ts';
import { openTestDatabase, type EngineName } from './engines.ts';

export interface TestAppOptions {
  /** Settings as environment variables, e.g. `{ CITY_AGS: '05911000' }`. */
  env?: Record<string, string>;
  /** Force a tile encoder instead of probing the database. */
  tileEncoder?: TileEncoderKind;
}

export async function buildTestApp(db: Database, options: TestAppOptions = {}): Promise<FastifyInstance> {
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const ctx: AppContext = {
    pool: db.pool,
    engine: db.engine,
    config,
    tileEncoder: options.tileEncoder ?? (await detectTileEncoder(db.pool)),
    officialCounts: findCityManifest(config.dataDir, config.cityAgs)?.manifest.officialCounts ?? {},
  };
  return buildApp(ctx);
}

/** Starts the app on 127.0.0.1 with a free port; returns its base URL. */
export async function listenTestApp(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not report a port');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * For a `describe` block: a fresh seeded database of `engine` and the app on it,
 * opened before the block's tests and closed after them. Read `db` and `app` inside tests.
 */
export function useTestApp(engine: EngineName, options: TestAppOptions = {}): { readonly db: Database; readonly app: FastifyInstance } {
  const handle = {} as { db: Database; app: FastifyInstance };
  beforeAll(async () => {
    handle.db = await openTestDatabase(engine);
    handle.app = await buildTestApp(handle.db, options);
  });
  afterAll(async () => {
    await handle.app?.close();
    await handle.db?.close();
  });
  return handle;
}
