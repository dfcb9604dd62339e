/**
 * What every route needs, built once at start-up. Nothing here is mutable
 * request-to-request state: several API processes can serve the same database.
 */
import type pg from 'pg';
import type { Config } from './config.ts';
import type { Engine } from './db/database.ts';
import type { TileEncoderKind } from './tiles/tile-encoder.ts';

export interface AppContext {
  pool: pg.Pool;
  engine: Engine;
  config: Config;
  tileEncoder: TileEncoderKind;
  /** Official unit counts per level from the city's seed manifest, where known. */
  officialCounts: Partial<Record<string, number>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
