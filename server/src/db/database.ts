/**
 * Opens the database: a real PostGIS server through `pg` when a connection URL is
 * given, otherwise embedded PGlite with its PostGIS extension, persisted in a folder.
 *
 * Both engines are reached through the same `pg.Pool`: PGlite is exposed on a
 * loopback socket by pglite-socket, so type parsing, parameter binding and
 * transactions behave the same on both (docs/decisions/001-one-driver-two-engines.md).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

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
  /** Pool size for a real server. @default 10 */
  maxConnections?: number;
}

export class DatabaseOpenError extends Error {}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgis(options.databaseUrl, options.maxConnections ?? 10) : openPglite(options.pgliteDir);
}

async function openPostgis(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // an idle client's error must not crash the server; the next query reports it
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new DatabaseOpenError(`Cannot connect to DATABASE_URL (${redactUrl(url)}): ${(error as Error).message}`);
  }
  return { engine: 'postgis', pool, close: () => pool.end() };
}

async function openPglite(dir: string | undefined): Promise<Database> {
  const dataDir = dir === undefined ? undefined : resolve(dir);
  if (dataDir) assertUsablePgliteFolder(dataDir);
  const releaseFolder = dataDir ? lockPgliteFolder(dataDir) : () => {};
  try {
    return await startPglite(dataDir, releaseFolder);
  } catch (error) {
    releaseFolder();
    throw error;
  }
}

async function startPglite(dataDir: string | undefined, releaseFolder: () => void): Promise<Database> {
  // Imported lazily: a PostGIS-only deployment never loads the wasm bundle.
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');

  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create({ dataDir, extensions: { postgis } });
  } catch (error) {
    throw new DatabaseOpenError(
      `Cannot open the PGlite database folder "${dataDir}": ${(error as Error).message}. ` +
        'Nothing was deleted. Move the folder away or point PGLITE_DIR at another folder.',
    );
  }
  // PGlite runs one query at a time; the socket server queues them, so a larger
  // pool would only add connections that wait. Transactions must stay on one client.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  // pglite-socket 0.2.11 has no public accessor for a port chosen by the OS (port 0);
  // its net.Server is the `server` field. Checked when upgrading the package.
  const port = (server as unknown as { server: { address(): { port: number } } }).server.address().port;
  const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: 4 });
  pool.on('error', () => {});
  return {
    engine: 'pglite',
    pool,
    async close() {
      await pool.end();
      // The socket server cleans up each closed connection asynchronously (it asks the
      // database whether a transaction is open); closing PGlite before that finishes
      // makes the clean-up throw. Wait until every connection is gone.
      for (let waited = 0; server.getStats().activeConnections > 0 && waited < 2000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await server.stop();
      await new Promise((resolve) => setImmediate(resolve));
      await db.close();
      releaseFolder();
    },
  };
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
