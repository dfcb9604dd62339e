/**
 * Applies the numbered `.sql` files in `migrations/` in order, each in its own
 * transaction, and records them in `schema_migrations`. Running it again applies
 * nothing; a changed file that was already applied is reported, not re-run.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { loadSql } from './sql-file.ts';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const sql = loadSql(import.meta.url, ['create-migrations-table', 'list-applied-migrations', 'record-migration'] as const);

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 3)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex').slice(0, 16),
      };
    });
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(pool: pg.Pool, migrations = readMigrations()): Promise<MigrateResult> {
  const client = await pool.connect();
  try {
    await client.query(sql['create-migrations-table']);
    const done = new Map<number, { name: string; checksum: string }>();
    for (const row of (await client.query(sql['list-applied-migrations'])).rows) {
      done.set(row.version, row);
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      const previous = done.get(migration.version);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied (checksum ${previous.checksum} → ${migration.checksum}). ` +
              'Add a new migration instead of editing an applied one.',
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(sql['record-migration'], [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    client.release();
  }
}
