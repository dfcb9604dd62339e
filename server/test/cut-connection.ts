/**
 * Test helpers that kill the database connection of a request while it is provably
 * in the middle of its work, on each engine, without any hook in the server's code
 * (issue 10).
 *
 * - PostGIS (`terminateWhileWaiting`): an admin connection holds a table lock the
 *   request needs; once a server connection (application_name `quartiersatlas`)
 *   waits for that lock, its backend is ended with `pg_terminate_backend`, as an
 *   administrator or a server restart would end it. Works on a server process too.
 * - PGlite (`destroyTransportOn`): the first pool client that sends a statement
 *   containing a marker loses its in-memory transport before the statement leaves,
 *   as a connection that breaks between two statements.
 */
import type { Database } from '../src/db/database.ts';
import { applicationName } from '../src/db/database.ts';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl } from './global-setup.ts';

export interface ConnectionCut {
  /** Resolves once the connection was cut. */
  readonly cut: Promise<void>;
  /** Ends the fault (releases the lock, stops watching). */
  release(): Promise<void>;
}

/**
 * PostGIS: holds `lock` (e.g. `LOCK TABLE area IN ACCESS EXCLUSIVE MODE`) in a
 * transaction on `url`, and terminates the first server backend that waits for it.
 */
export async function terminateWhileWaiting(url: string, lock: string, timeoutMs = 30_000): Promise<ConnectionCut> {
  const holder = new pg.Client({ connectionString: url, application_name: 'test-lock-holder' });
  // A separate connection watches: a transaction sees one snapshot of pg_stat_activity.
  const watcher = new pg.Client({ connectionString: url, application_name: 'test-watcher' });
  await holder.connect();
  await watcher.connect();
  await holder.query('BEGIN');
  await holder.query(lock);
  let stopped = false;
  const cut = (async () => {
    const deadline = Date.now() + timeoutMs;
    while (!stopped) {
      const { rows } = await watcher.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND wait_event_type = 'Lock'",
        [applicationName],
      );
      if (rows.length > 0) {
        await watcher.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        return;
      }
      if (Date.now() > deadline) throw new Error(`no server connection waited for "${lock}" within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  cut.catch(() => {}); // the test awaits it; an early release must not leave it unhandled
  return {
    cut,
    async release() {
      stopped = true;
      await holder.query('ROLLBACK').catch(() => {});
      await Promise.all([holder.end(), watcher.end()]);
    },
  };
}

/**
 * PGlite: destroys the transport of the first client of `pool` that sends a
 * statement containing `marker` (e.g. the first line of a `.sql` file), before it is sent.
 */
export function destroyTransportOn(pool: pg.Pool, marker: string): ConnectionCut {
  const needle = Buffer.from(marker);
  const watched = new WeakSet<object>();
  let armed = true;
  let done!: () => void;
  const cut = new Promise<void>((resolve) => (done = resolve));
  const onAcquire = (client: pg.PoolClient) => {
    const stream = client.connection.stream;
    if (watched.has(stream)) return;
    watched.add(stream);
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (armed && Buffer.isBuffer(chunk) && chunk.includes(needle)) {
        armed = false;
        stream.destroy();
        done();
        return false;
      }
      return write(chunk, ...rest);
    }) as typeof stream.write;
  };
  pool.on('acquire', onAcquire);
  return {
    cut,
    async release() {
      armed = false;
      pool.off('acquire', onAcquire);
    },
  };
}

/** Cuts the connection the engine's way: `lock` on PostGIS, `marker` on PGlite. */
export async function cutConnection(db: Database, where: { lock: string; marker: string }): Promise<ConnectionCut> {
  if (db.engine === 'pglite') return destroyTransportOn(db.pool, where.marker);
  const name = (await db.pool.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name;
  return terminateWhileWaiting(databaseUrl(inject('testDatabases').postgisAdminUrl, name), where.lock);
}
