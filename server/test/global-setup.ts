/**
 * vitest globalSetup: runs once per `vitest run`, before any test file.
 *
 * Every query/route test file wants its own database with Herne loaded. Seeding
 * takes seconds (and a new PGlite folder alone takes ~6 s to initialise), so we
 * migrate and seed ONE template per engine here, and each file then gets a cheap
 * copy (server/test/engines.ts): `CREATE DATABASE … TEMPLATE` on PostGIS, a folder
 * copy on PGlite. A migrated-but-empty template is kept as well, for tests that
 * need a database without the city (`openTestDatabase(engine, { seeded: false })`).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.ts';
import { openDatabase, redactUrl } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedCity } from '../src/seed/seed-city.ts';
import { startPostgisCluster, type PostgisCluster } from './postgis-cluster.ts';

/** The city every seeded test database contains. */
export const testCityAgs = '05916000'; // Herne

export interface TestDatabases {
  /** Superuser URL of the PostGIS server (throwaway cluster, or DATABASE_URL). */
  postgisAdminUrl: string;
  /** Prefix of every database this run creates, `qa_<run>_`, so teardown can find leftovers. */
  postgisPrefix: string;
  postgisTemplate: string;
  postgisEmptyTemplate: string;
  /** Closed PGlite data folders to copy. */
  pgliteTemplateDir: string;
  pgliteEmptyTemplateDir: string;
  /** Folder for the per-file PGlite copies; removed at teardown, whatever the tests left. */
  scratchDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabases: TestDatabases;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const scratchDir = await mkdtemp(join(tmpdir(), 'qa-test-'));
  // Random per run: with DATABASE_URL pointing at a shared server, two runs must not collide.
  const prefix = `qa_${randomBytes(3).toString('hex')}_`;
  let cluster: PostgisCluster | undefined;
  let adminUrl: string | undefined;
  let created = false; // whether this run may have created databases on the server

  // Ctrl-C ends vitest without teardown; still leave no copies behind (the cluster has its own hook).
  const removeScratch = () => rmSync(scratchDir, { recursive: true, force: true });
  process.once('exit', removeScratch);

  const teardown = async () => {
    const t = Date.now();
    process.off('exit', removeScratch);
    if (cluster) {
      await cluster.stop(); // the databases go with the cluster
    } else if (adminUrl && created) {
      await dropDatabases(adminUrl, prefix).catch((error) => console.warn(`[test db] could not drop ${prefix}* databases: ${error.message}`));
    }
    await rm(scratchDir, { recursive: true, force: true });
    log('teardown', t);
  };

  try {
    if (process.env.DATABASE_URL) {
      adminUrl = process.env.DATABASE_URL;
      console.log(`[test db] postgis: using DATABASE_URL ${redactUrl(adminUrl)}`);
      // Fail before the slow PGlite build starts.
      await adminQuery(adminUrl, 'SELECT 1').catch((error) => {
        throw new Error(`Cannot connect to DATABASE_URL (${redactUrl(adminUrl!)}): ${error.message}`);
      });
    } else {
      const t = Date.now();
      cluster = await startPostgisCluster();
      adminUrl = cluster.url;
      log(`postgis: throwaway cluster on ${new URL(adminUrl).port}`, t);
    }

    const databases: TestDatabases = {
      postgisAdminUrl: adminUrl,
      postgisPrefix: prefix,
      postgisTemplate: `${prefix}template`,
      postgisEmptyTemplate: `${prefix}template_empty`,
      pgliteTemplateDir: join(scratchDir, 'pglite-template'),
      pgliteEmptyTemplateDir: join(scratchDir, 'pglite-template-empty'),
      scratchDir,
    };
    // The engines share nothing, so both are built at once: PostGIS (~1 s on its own,
    // the work happens in the server process) finishes while PGlite (~12 s) is busy.
    // allSettled: never tear down while the other build is still writing.
    created = true;
    const builds = await Promise.allSettled([buildPostgisTemplates(databases), buildPgliteTemplates(databases)]);
    const failed = builds.find((b) => b.status === 'rejected');
    if (failed) throw failed.reason;
    log('templates ready', started);
    project.provide('testDatabases', databases);
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
  return teardown;
}

async function buildPostgisTemplates(db: TestDatabases): Promise<void> {
  let t = Date.now();
  await adminQuery(db.postgisAdminUrl, `CREATE DATABASE ${db.postgisEmptyTemplate} TEMPLATE template0 ENCODING 'UTF8'`);
  await withPool(databaseUrl(db.postgisAdminUrl, db.postgisEmptyTemplate), (pool) => migrate(pool));
  log('postgis: empty template migrated', t);

  t = Date.now();
  // A template must have no open connections while it is copied; withPool ends its pool first.
  await adminQuery(db.postgisAdminUrl, `CREATE DATABASE ${db.postgisTemplate} TEMPLATE ${db.postgisEmptyTemplate}`);
  await withPool(databaseUrl(db.postgisAdminUrl, db.postgisTemplate), (pool) => seed(pool, 'postgis'));
  log('postgis: seeded template', t);
}

async function buildPgliteTemplates(db: TestDatabases): Promise<void> {
  let t = Date.now();
  let pglite = await openDatabase({ pgliteDir: db.pgliteEmptyTemplateDir });
  try {
    await migrate(pglite.pool);
  } finally {
    await pglite.close();
  }
  log('pglite: empty template migrated', t);

  t = Date.now();
  // Copy only closed folders: PGlite writes into its folder while it is open.
  await cp(db.pgliteEmptyTemplateDir, db.pgliteTemplateDir, { recursive: true });
  pglite = await openDatabase({ pgliteDir: db.pgliteTemplateDir });
  try {
    await seed(pglite.pool, 'pglite');
  } finally {
    await pglite.close();
  }
  log('pglite: seeded template', t);
}

async function seed(pool: pg.Pool, engine: string): Promise<void> {
  let step = 'start';
  try {
    const { dataDir, sourceDataDir } = loadConfig({ SOURCE_DATA_DIR: process.env.SOURCE_DATA_DIR });
    await seedCity(pool, testCityAgs, { dataDir, sourceDataDir, operationalData: false, onProgress: (message) => (step = message) });
  } catch (error) {
    throw new Error(`${engine}: seeding ${testCityAgs} failed after "${step}": ${(error as Error).message}`, { cause: error });
  }
}

/** The same server URL with another database name. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement on a short-lived connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function withPool<T>(url: string, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

/** Drops every database of this run still present on a shared server (tests that crashed before close()). */
async function dropDatabases(adminUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function log(step: string, since: number): void {
  console.log(`[test db] ${step} (${((Date.now() - since) / 1000).toFixed(1)} s)`);
}
