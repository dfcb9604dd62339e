/**
 * Test helpers: read a fixture of `server/src/imports/fixtures/<kind>/` and import it
 * through the real entry point (`runImport`) into a test database.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Locale } from '../../i18n/request-locale.ts';
import type { ImportProgress, ImportResult } from '../../schemas/import.ts';
import { defaultImportDataset, runImport } from '../import-data.ts';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export function readFixture(kind: string, name: string): Buffer {
  return readFileSync(join(fixturesDir, kind, name));
}

export interface FixtureImportOptions {
  dryRun?: boolean;
  /** @default '05916000' (Herne) */
  cityAgs?: string;
  datasets?: string[];
  onProgress?: (progress: ImportProgress) => void;
  /** @default 'en' */
  locale?: Locale;
}

export function importBytes(pool: pg.Pool, kind: string, bytes: Uint8Array, options: FixtureImportOptions = {}): Promise<ImportResult> {
  return runImport(pool, {
    kind,
    bytes,
    cityAgs: options.cityAgs ?? '05916000',
    datasets: options.datasets ?? [defaultImportDataset],
    dryRun: options.dryRun,
    onProgress: options.onProgress,
    locale: options.locale,
  });
}

export function importFixture(pool: pg.Pool, kind: string, name: string, options: FixtureImportOptions = {}): Promise<ImportResult> {
  return importBytes(pool, kind, readFixture(kind, name), options);
}
