import type pg from 'pg';
import { loadSql } from '../../db/sql-file.ts';

const sql = loadSql(import.meta.url, ['get-versions'] as const);

export async function getVersions(pool: pg.Pool): Promise<{ postgresVersion: string; postgisVersion: string }> {
  const { rows } = await pool.query(sql['get-versions']);
  return { postgresVersion: rows[0].postgres_version, postgisVersion: rows[0].postgis_version };
}
