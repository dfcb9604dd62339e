/**
 * Test helper: the row count of every table, to show that an import that failed (or a
 * dry run) changed nothing anywhere. Table names come from the catalog, never from input.
 */
import pg from 'pg';
import { loadSql } from '../../db/sql-file.ts';

const sql = loadSql(import.meta.url, ['list-tables'] as const);

export async function countTables(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = (await pool.query<{ name: string }>(sql['list-tables'])).rows.map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(table)}`);
    counts[table] = rows[0].n;
  }
  return counts;
}
