/**
 * Opens the database: a real PostGIS server through `pg` when a connection URL is
 * given, otherwise embedded PGlite with its PostGIS extension, persisted in a folder.
 *
 * Both engines are reached through the same `pg.Pool`, so type parsing, parameter
 * binding and transactions behave the same on both. PGlite is connected in memory
 * (pglite-connector.ts): it listens on no port and no socket, so no other process
 * can reach it (docs/decisions/001-one-driver-two-engines.md).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { createPgliteConnector } from './pglite-connector.ts';

export type Engine = 'pglite' | 'postgis';

export interface Database {
  engine: Engine;
  pool: pg.Pool;
  /** Ends the pool and, for PGlite, the socket server and the embedded database. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` of a PostGIS server; when set, PGlite is not used. */
  databaseUrl?: string;
  /** Folder for the PGlite data files; `undefined` keeps PGlite in memory (tests only). */
  pgliteDir?: string;
  /** Pool size. @default 10 for a PostGIS server, 4 for PGlite (it runs one query at a time) */
  maxConnections?: number;
}

export class DatabaseOpenError extends Error {}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgis(options.databaseUrl, options.maxConnections ?? 10) : openPglite(options.pgliteDir, options.maxConnections ?? 4);
}

/**
 * The name the server's connections carry in `pg_stat_activity` (a DATABASE_URL
 * with `application_name=…` overrides it): operators can tell them apart.
 */
export const applicationName = 'quartiersatlas';

async function openPostgis(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, application_name: applicationName });
  survivesLostConnections(pool);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new DatabaseOpenError(`Cannot connect to DATABASE_URL (${redactUrl(url)}): ${(error as Error).message}`);
  }
  return { engine: 'postgis', pool, close: () => pool.end() };
}

async function openPglite(dir: string | undefined, max: number): Promise<Database> {
  const dataDir = dir === undefined ? undefined : resolve(dir);
  if (dataDir) assertUsablePgliteFolder(dataDir);
  const releaseFolder = dataDir ? lockPgliteFolder(dataDir) : () => {};
  try {
    return await startPglite(dataDir, max, releaseFolder);
  } catch (error) {
    releaseFolder();
    throw error;
  }
}

async function startPglite(dataDir: string | undefined, max: number, releaseFolder: () => void): Promise<Database> {
  // Imported lazily: a PostGIS-only deployment never loads the wasm bundle.
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');

  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create({ dataDir, extensions: { postgis } });
  } catch (error) {
    throw new DatabaseOpenError(
      `Cannot open the PGlite database folder "${dataDir}": ${(error as Error).message}. ` +
        'Nothing was deleted. Move the folder away or point PGLITE_DIR at another folder.',
    );
  }
  // PGlite runs one query at a time; the connector queues the clients' work, so a
  // larger pool would only add connections that wait.
  const connector = createPgliteConnector(db);
  const pool = new pg.Pool({ stream: connector.stream, user: 'postgres', database: 'postgres', max, application_name: applicationName });
  survivesLostConnections(pool);
  return {
    engine: 'pglite',
    pool,
    async close() {
      await pool.end();
      await connector.close(); // clients still checked out lose their connection; open transactions roll back
      await db.close();
      releaseFolder();
    },
  };
}

/**
 * A pooled client whose connection dies emits 'error'. The pool listens while the
 * client is idle; while it is checked out (an import's transaction, a migration,
 * the start-up lock) nobody would, and an unheard 'error' event ends the process.
 * One listener on every client, from its first connect, keeps the process up; the
 * query that was running rejects with the same error, which the caller (finally:
 * the HTTP error handler, connection-loss.ts) answers with a 503, and the pool
 * drops the broken client when it is released and opens a new one on demand.
 */
function survivesLostConnections(pool: pg.Pool): void {
  pool.on('error', () => {}); // an idle client died; the next checkout opens a new one
  pool.on('connect', (client) => client.on('error', () => {}));
}

/**
 * PGlite initialises any folder that lacks a cluster, so a typo in PGLITE_DIR could
 * write into an unrelated, non-empty folder. Refuse that instead.
 */
function assertUsablePgliteFolder(dataDir: string): void {
  if (!existsSync(dataDir)) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new DatabaseOpenError(`Cannot create the PGlite database folder "${dataDir}": ${(error as Error).message}`);
    }
    return;
  }
  if (!statSync(dataDir).isDirectory()) {
    throw new DatabaseOpenError(`Cannot open the PGlite database folder "${dataDir}": it is a file, not a folder. Nothing was deleted.`);
  }
  const entries = readdirSync(dataDir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DatabaseOpenError(
      `Cannot open the PGlite database folder "${dataDir}": it is not empty and holds no PostgreSQL cluster (no PG_VERSION). ` +
        'Nothing was deleted. Point PGLITE_DIR at an empty or existing PGlite folder.',
    );
  }
}

/**
 * PGlite is one process's database: two processes writing the same folder would
 * corrupt it. A lock file beside the folder (`<folder>.lock`, holding the PID)
 * refuses a second process; a lock left by a process that no longer runs is taken over.
 * @returns a function that releases the lock
 */
function lockPgliteFolder(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new DatabaseOpenError(`Cannot lock the PGlite database folder "${dataDir}": ${(error as Error).message}`);
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new DatabaseOpenError(
          `The PGlite database folder "${dataDir}" is in use by process ${owner} (lock file ${lockFile}). ` +
            'Stop that process, or use PostGIS (DATABASE_URL) to run several API processes.',
        );
      }
      rmSync(lockFile, { force: true }); // stale: its process has ended
    }
  }
  throw new DatabaseOpenError(`Cannot lock the PGlite database folder "${dataDir}": another process took the lock at the same time.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Hides the password of a connection URL for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
