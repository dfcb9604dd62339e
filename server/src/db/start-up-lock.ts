/**
 * Runs start-up work (migrations, the first seed) while holding a database-wide
 * advisory lock, so API processes that start together on one database do it once.
 */
import type pg from 'pg';
import { loadSql } from './sql-file.ts';

const sql = loadSql(import.meta.url, ['lock-start-up', 'unlock-start-up'] as const);

export async function withStartUpLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  // The lock belongs to this connection's session; the work itself may use other connections.
  const lock = await pool.connect();
  try {
    await lock.query(sql['lock-start-up']);
    return await work();
  } finally {
    await lock.query(sql['unlock-start-up']).catch(() => {});
    lock.release();
  }
}
