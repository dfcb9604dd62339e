/**
 * A fresh database per test file, on each engine the app supports.
 *
 *   describe.each(engines)('%s', (engine) => {
 *     let db: Database;
 *     beforeAll(async () => { db = await openTestDatabase(engine); });
 *     afterAll(() => db.close());
 *     …
 *   });
 *
 * The copies come from the templates built once per run by global-setup.ts, so a
 * test may write freely: nothing it does is seen by another file.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { adminQuery, databaseUrl, type TestDatabases } from './global-setup.ts';

export const engines = ['pglite', 'postgis'] as const;
export type EngineName = (typeof engines)[number];

export interface TestDatabaseOptions {
  /** false: migrated, but without the city. @default true (Herne, 05916000) */
  seeded?: boolean;
  /** Pool size (`openDatabase`'s maxConnections). @default the engine's default */
  maxConnections?: number;
}

export async function openTestDatabase(engine: EngineName, options: TestDatabaseOptions = {}): Promise<Database> {
  const config = inject('testDatabases');
  if (!config) throw new Error('testDatabases was not provided: is server/test/global-setup.ts in vitest test.globalSetup?');
  const seeded = options.seeded ?? true;
  return engine === 'postgis' ? openPostgisCopy(seeded, options.maxConnections) : openPgliteCopy(config, seeded, options.maxConnections);
}

/** A PostGIS database of its own, for a test that starts the server as a process (`DATABASE_URL`). */
export interface PostgisCopy {
  /** Superuser URL of the copy. */
  url: string;
  drop(): Promise<void>;
}

/** Copies the seeded (or empty) template into a database of its own, in ~0.1 s. */
export async function createPostgisCopy(seeded = true): Promise<PostgisCopy> {
  const config = inject('testDatabases');
  const name = `${config.postgisPrefix}${randomBytes(4).toString('hex')}`;
  const template = seeded ? config.postgisTemplate : config.postgisEmptyTemplate;
  // A file-level copy of the template: ~0.1 s, versus seconds to migrate and seed.
  await adminQuery(config.postgisAdminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: databaseUrl(config.postgisAdminUrl, name),
    drop: () => adminQuery(config.postgisAdminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function openPostgisCopy(seeded: boolean, maxConnections: number | undefined): Promise<Database> {
  const copy = await createPostgisCopy(seeded);
  const db = await openDatabase({ databaseUrl: copy.url, maxConnections });
  return {
    ...db,
    async close() {
      await db.close();
      await copy.drop();
    },
  };
}

async function openPgliteCopy(config: TestDatabases, seeded: boolean, maxConnections: number | undefined): Promise<Database> {
  const dir = await mkdtemp(join(config.scratchDir, 'pglite-'));
  // Re-opening an existing folder takes ~2 s; initialising a new one and migrating, ~12 s.
  await cp(seeded ? config.pgliteTemplateDir : config.pgliteEmptyTemplateDir, dir, { recursive: true });
  let db: Database;
  try {
    db = await openDatabase({ pgliteDir: dir, maxConnections });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...db,
    async close() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
