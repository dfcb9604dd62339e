/**
 * Test helper: imports a bad fixture and asserts the exact errors, and that the row
 * count of every table is what it was before (all or nothing).
 */
import { expect } from 'vitest';
import type pg from 'pg';
import type { ImportError } from '../../schemas/import.ts';
import { importReasonCodes, type ImportReasonCode } from '../reasons.ts';
import { countTables } from './count-tables.ts';
import { importBytes, readFixture, type FixtureImportOptions } from './import-fixture.ts';

/**
 * `[row, field, value, reason]`, the order an error table shows them in, and optionally
 * the code; without it only its presence is checked (every error has a known code).
 */
export type ErrorRow = [number, string, string, string] | [number, string, string, string, ImportReasonCode];

/** The errors as expected: with the code where the row names one. */
export const toErrors = (rows: ErrorRow[]): Omit<ImportError, 'code'>[] =>
  rows.map(([row, field, value, reason, code]) => ({ row, field, value, reason, ...(code ? { code } : {}) }));

/** `actual` without the codes that `expected` leaves out, after checking that every code is a known one. */
export function withExpectedCodes(actual: ImportError[], expected: ErrorRow[]): Omit<ImportError, 'code'>[] {
  for (const e of actual) expect(importReasonCodes).toContain(e.code);
  return actual.map(({ code, ...rest }, i) => (expected[i]?.[4] ? { ...rest, code } : rest));
}

export async function expectRejected(pool: pg.Pool, kind: string, file: string | Uint8Array, expected: ErrorRow[], options: FixtureImportOptions = {}): Promise<void> {
  const before = await countTables(pool);
  const bytes = typeof file === 'string' ? readFixture(kind, file) : file;
  const result = await importBytes(pool, kind, bytes, options);
  expect(withExpectedCodes(result.errors, expected)).toEqual(toErrors(expected));
  expect(result.errorCount).toBe(expected.length);
  expect({ inserted: result.inserted, updated: result.updated, deleted: result.deleted }).toEqual({ inserted: 0, updated: 0, deleted: 0 });
  expect(await countTables(pool)).toEqual(before);
}
