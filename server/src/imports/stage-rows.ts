/**
 * Loads validated rows into an import's TEMP staging table: one
 * `INSERT … SELECT … FROM jsonb_to_recordset($1)` per batch of a few thousand rows,
 * so a 100,000-row file takes a few dozen round trips, not 100,000.
 *
 * Node has already parsed every value, so the database should accept each batch.
 * Should it refuse one anyway (e.g. a polygon PostGIS cannot build), the batch is
 * rolled back to a SAVEPOINT and staged row by row, so the error names its row and
 * the import goes on collecting errors.
 */
import type pg from 'pg';
import type { ErrorList } from './error-list.ts';
import type { StagedRow } from './import-kind.ts';
import { reasons } from './reasons.ts';

/** Rows per INSERT: large enough to amortise a round trip, small enough for one JSON parameter (~1 MB). */
export const stageBatchSize = 5000;

export async function stageRows(client: pg.PoolClient, sql: string, rows: StagedRow[], errors: ErrorList): Promise<void> {
  if (rows.length === 0) return;
  await client.query('SAVEPOINT import_stage');
  try {
    await client.query(sql, [JSON.stringify(rows)]);
    await client.query('RELEASE SAVEPOINT import_stage');
    return;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT import_stage');
    await client.query('RELEASE SAVEPOINT import_stage');
  }
  for (const row of rows) {
    await client.query('SAVEPOINT import_stage_row');
    try {
      await client.query(sql, [JSON.stringify([row])]);
      await client.query('RELEASE SAVEPOINT import_stage_row');
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT import_stage_row');
      await client.query('RELEASE SAVEPOINT import_stage_row');
      errors.add(row.file_row, '', '', reasons.databaseRefused((error as Error).message));
    }
  }
}
