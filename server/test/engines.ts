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
}

export async function openTestDatabase(engine: EngineName, options: TestDatabaseOptions = {}): Promise<Database> {
  const config = inject('testDatabases');
  if (!config) throw new Error('testDatabases was not provided: is server/test/global-setup.ts in vitest test.globalSetup?');
  const seeded = options.seeded ?? true;
  return engine === 'postgis' ? openPostgisCopy(config, seeded) : openPgliteCopy(config, seeded);
}

async function openPostgisCopy(config: TestDatabases, seeded: boolean): Promise<Database> {
  const name = `${config.postgisPrefix}${randomBytes(4).toString('hex')}`;
  const template = seeded ? config.postgisTemplate : config.postgisEmptyTemplate;
  // A file-level copy of the template: ~0.1 s, versus seconds to migrate and seed.
  await adminQuery(config.postgisAdminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const db = await openDatabase({ databaseUrl: databaseUrl(config.postgisAdminUrl, name) });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(config.postgisAdminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function openPgliteCopy(config: TestDatabases, seeded: boolean): Promise<Database> {
  const dir = await mkdtemp(join(config.scratchDir, 'pglite-'));
  // Re-opening an existing folder takes ~2 s; initialising a new one and migrating, ~12 s.
  await cp(seeded ? config.pgliteTemplateDir : config.pgliteEmptyTemplateDir, dir, { recursive: true });
  let db: Database;
  try {
    db = await openDatabase({ pgliteDir: dir });
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
