/**
 * The embedded database through its in-memory connector (issue 10): no port or
 * socket another process could open, many pool clients queued without errors, a
 * transaction on one client at a time, and a client lost mid-transaction rolled back.
 */
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/engines.ts';
import { listeningSockets } from '../../test/listening-sockets.ts';
import { buildTestApp } from '../../test/test-app.ts';
import type { Database } from './database.ts';

describe('PGlite through the in-memory connector', () => {
  let db: Database;
  let socketsBefore: string[];
  let socketsAfter: string[];
  beforeAll(async () => {
    socketsBefore = listeningSockets();
    db = await openTestDatabase('pglite', { maxConnections: 16 });
    await db.pool.query('SELECT 1');
    socketsAfter = listeningSockets();
    await db.pool.query('CREATE TABLE connector_probe (id int PRIMARY KEY, note text)');
  });
  afterAll(() => db?.close());

  it('listens on no TCP port and no Unix socket (issue 10)', async () => {
    expect(db.engine).toBe('pglite');
    expect(socketsAfter).toEqual(socketsBefore);
    // The check can fail: a loopback listener of this process is found.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      expect(listeningSockets()).toContain(`tcp 127.0.0.1:${port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers 200 concurrent parameterised queries of two shapes, each with its own row', async () => {
    // Two statement shapes: a Bind that met the other client's unnamed Parse would give the wrong columns.
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2 ? db.pool.query('SELECT $1::int AS n', [i]) : db.pool.query("SELECT $1::int AS n, $1::text || '!' AS shout", [i]),
      ),
    );
    answers.forEach((answer, i) => expect(answer.rows, `query ${i}`).toEqual([i % 2 ? { n: i } : { n: i, shout: `${i}!` }]));
  });

  it('gives the session to one transaction: other clients wait until it commits, then see its rows', async () => {
    const owner = await db.pool.connect();
    try {
      await owner.query('BEGIN');
      await owner.query("INSERT INTO connector_probe VALUES (1, 'in a transaction')");
      let counted: number | undefined;
      const waiting = db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM connector_probe').then((r) => (counted = r.rows[0].n));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(counted).toBeUndefined(); // queued behind the transaction, not failed
      await owner.query("INSERT INTO connector_probe VALUES (2, 'still the same transaction')");
      await owner.query('COMMIT');
      await waiting;
      expect(counted).toBe(2);
    } finally {
      owner.release();
    }
  });

  it('rolls back the transaction of a client whose connection is lost; the others go on (issue 10)', async () => {
    const lost = await db.pool.connect();
    await lost.query('BEGIN');
    await lost.query("INSERT INTO connector_probe VALUES (10, 'lost')");
    const queued = db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM connector_probe WHERE id = 10');
    lost.connection.stream.destroy(); // the transport of a checked-out client dies
    await expect(lost.query('SELECT 1')).rejects.toThrow(/Connection terminated unexpectedly|not queryable/);
    lost.release(new Error('connection lost'));
    expect((await queued).rows[0].n).toBe(0); // ran after the rollback
    expect((await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM connector_probe')).rows[0].n).toBe(2);
    // A fresh connection, and a transaction on it, work as before.
    const next = await db.pool.connect();
    try {
      await next.query('BEGIN');
      await next.query("INSERT INTO connector_probe VALUES (11, 'after')");
      await next.query('COMMIT');
    } finally {
      next.release();
    }
    expect((await db.pool.query('SELECT id FROM connector_probe ORDER BY id')).rows.map((r) => r.id)).toEqual([1, 2, 11]);
  });

  describe('with 12 idle connections checked out (the socket server refused a 9th)', () => {
    let idle: pg.PoolClient[] = [];
    let app: FastifyInstance;
    beforeAll(async () => {
      idle = await Promise.all(Array.from({ length: 12 }, () => db.pool.connect()));
      await Promise.all(idle.map((client) => client.query('SELECT 1')));
      app = await buildTestApp(db);
    });
    afterAll(async () => {
      idle.forEach((client) => client.release());
      await app?.close();
    });

    it('20 concurrent requests still answer 200', async () => {
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => app.inject(i % 2 ? '/api/health' : '/api/city')));
      expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    });
  });
});

describe('closing PGlite', () => {
  it('ends every connection and closes cleanly after a lost transaction', async () => {
    const db = await openTestDatabase('pglite', { seeded: false });
    const client = await db.pool.connect();
    await client.query('BEGIN');
    await client.query('CREATE TABLE never_committed (id int)');
    client.connection.stream.destroy();
    client.release(new Error('connection lost'));
    expect((await db.pool.query("SELECT to_regclass('never_committed') AS t")).rows[0].t).toBeNull();
    const started = Date.now();
    await db.close();
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(db.pool.query('SELECT 1')).rejects.toThrow();
  });
});
