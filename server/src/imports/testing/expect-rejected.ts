/**
 * Test helper: imports a bad fixture and asserts the exact errors, and that the row
 * count of every table is what it was before (all or nothing).
 */
import { expect } from 'vitest';
import type pg from 'pg';
import type { ImportError } from '../../schemas/import.ts';
import { countTables } from './count-tables.ts';
import { importBytes, readFixture, type FixtureImportOptions } from './import-fixture.ts';

/** `[row, field, value, reason]`, the order an error table shows them in. */
export type ErrorRow = [number, string, string, string];

export const toErrors = (rows: ErrorRow[]): ImportError[] => rows.map(([row, field, value, reason]) => ({ row, field, value, reason }));

export async function expectRejected(pool: pg.Pool, kind: string, file: string | Uint8Array, expected: ErrorRow[], options: FixtureImportOptions = {}): Promise<void> {
  const before = await countTables(pool);
  const bytes = typeof file === 'string' ? readFixture(kind, file) : file;
  const result = await importBytes(pool, kind, bytes, options);
  expect(result.errors).toEqual(toErrors(expected));
  expect(result.errorCount).toBe(expected.length);
  expect({ inserted: result.inserted, updated: result.updated, deleted: result.deleted }).toEqual({ inserted: 0, updated: 0, deleted: 0 });
  expect(await countTables(pool)).toEqual(before);
}
