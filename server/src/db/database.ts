/**
 * Opens the database: a real PostGIS server through `pg` when a connection URL is
 * given, otherwise embedded PGlite with its PostGIS extension, persisted in a folder.
 *
 * Both engines are reached through the same `pg.Pool`: PGlite is exposed on a
 * loopback socket by pglite-socket, so type parsing, parameter binding and
 * transactions behave the same on both (docs/decisions/001-one-driver-two-engines.md).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
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
  await server.start();
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
