/**
 * Loads a city into a migrated database: its boundary, the neighbouring regions,
 * and, where `data/<city>/city.json` exists, the areas below the city, the official
 * names and the Zensus grid. One transaction: a failure leaves nothing behind.
 * A city that is already present is left as it is (a second start re-seeds nothing).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { Value } from 'typebox/value';
import { CityManifest } from '../schemas/city-manifest.ts';
import { loadSql } from '../db/sql-file.ts';
import { importData } from '../imports/import-data.ts';
import { readCsv } from './read-csv.ts';
import { resolveCity } from './resolve-city.ts';

const sql = loadSql(import.meta.url, [
  'find-city',
  'upsert-datasets',
  'insert-city',
  'insert-context-regions',
  'insert-areas',
  'insert-official-names',
  'insert-zensus-cells',
  'assign-zensus-population',
] as const);

export type { CityManifest };

export interface SeedOptions {
  dataDir: string;
  onProgress?: (message: string) => void;
  /**
   * Load the manifest's `imports` (properties, residents, …) too. Tests that build
   * their own operational data seed without them. @default true
   */
  operationalData?: boolean;
}

export interface SeedResult {
  seeded: boolean;
  name: string;
  areas: number;
  zensusCells: number;
}

/** Finds `data/<folder>/city.json` whose `ags` matches, if any. */
export function findCityManifest(dataDir: string, ags: string): { dir: string; manifest: CityManifest } | undefined {
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const file = join(dataDir, entry.name, 'city.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!Value.Check(CityManifest, manifest)) {
      const problems = Value.Errors(CityManifest, manifest).map((e) => `${e.instancePath || '/'} ${e.message}`);
      throw new Error(`${file} is not a valid city manifest: ${problems.join('; ')}`);
    }
    if (manifest.ags === ags) return { dir: join(dataDir, entry.name), manifest };
  }
  return undefined;
}

export async function seedCity(pool: pg.Pool, ags: string, options: SeedOptions): Promise<SeedResult> {
  const progress = options.onProgress ?? (() => {});
  const existing = await pool.query<{ name: string }>(sql['find-city'], [ags]);
  if (existing.rowCount) return { seeded: false, name: existing.rows[0].name, areas: 0, zensusCells: 0 };

  const city = resolveCity(options.dataDir, ags); // throws UnknownCityError before anything is written
  const found = findCityManifest(options.dataDir, ags);
  const readJson = (file: string) => readFileSync(join(found!.dir, file), 'utf8');
  const { datasets } = JSON.parse(readFileSync(join(options.dataDir, 'datasets.json'), 'utf8'));

  const client = await pool.connect();
  let areas = 0;
  let zensusCells = 0;
  try {
    await client.query('BEGIN');
    await client.query(sql['upsert-datasets'], [JSON.stringify(datasets)]);
    progress(`city boundary of ${city.name} (${ags})`);
    await client.query(sql['insert-city'], [ags, city.name, JSON.stringify(city.source), city.datasets, JSON.stringify(city.geometry)]);
    progress(`${city.context.regions.length} neighbouring regions`);
    await client.query(sql['insert-context-regions'], [ags, city.context.datasets, JSON.stringify(city.context.regions)]);

    if (found) {
      const { manifest } = found;
      for (const level of manifest.areas) {
        const result = await client.query(sql['insert-areas'], [ags, level.level, level.provenance, level.datasets, readJson(level.file)]);
        const { inserted, orphans } = result.rows[0];
        if (orphans > 0) throw new Error(`${level.file}: ${orphans} of ${inserted} ${level.level} features name a parent_key that does not exist`);
        progress(`${inserted} areas of level ${level.level} (${level.provenance})`);
        areas += inserted;
      }
      if (manifest.officialNames) {
        const names = officialNamesFromHierarchy(readCsv(readFileSync(join(found.dir, manifest.officialNames.file), 'utf8')));
        await client.query(sql['insert-official-names'], [ags, JSON.stringify(names)]);
        progress(`${names.length} official area names (no geometry)`);
      }
      if (manifest.zensusGrid) {
        const result = await client.query(sql['insert-zensus-cells'], [ags, manifest.zensusGrid.datasets, readJson(manifest.zensusGrid.file)]);
        zensusCells = result.rowCount ?? 0;
        progress(`${zensusCells} Zensus 2011 grid cells`);
        await client.query(sql['assign-zensus-population'], [ags]);
        progress('Zensus population per area');
      }
      if (options.operationalData ?? true) {
        for (const file of manifest.imports ?? []) {
          const result = await importData(client, { kind: file.kind, bytes: readFileSync(join(found.dir, file.file)), cityAgs: ags, datasets: file.datasets });
          if (result.errorCount > 0) {
            const first = result.errors.slice(0, 5).map((e) => `row ${e.row}, ${e.field}, "${e.value}": ${e.reason}`);
            throw new Error(`${file.file}: ${result.errorCount} import errors, e.g. ${first.join('; ')}`);
          }
          progress(`${file.file}: ${result.rows} rows (${file.kind})`);
        }
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return { seeded: true, name: city.name, areas, zensusCells };
}

/**
 * Turns the hierarchy CSV (stadtbezirk, ortsteil, statistische_bezirke_known, source_url)
 * into names per level. Parenthesised remarks such as "(others unknown)" are dropped.
 */
export function officialNamesFromHierarchy(rows: Record<string, string>[]) {
  const names = new Map<string, { level: string; name: string; parent_name: string | null; source_url: string }>();
  const add = (level: string, name: string, parent: string | null, url: string) => {
    const clean = name.replace(/\(.*?\)/g, '').trim();
    if (clean) names.set(`${level}/${clean}`, { level, name: clean, parent_name: parent, source_url: url });
  };
  for (const row of rows) {
    add('borough', row.stadtbezirk, null, row.source_url);
    add('quarter', row.ortsteil, row.stadtbezirk, row.source_url);
    for (const district of (row.statistische_bezirke_known ?? '').split(';')) add('district', district, row.ortsteil, row.source_url);
  }
  return [...names.values()];
}

/**
 * Recomputes the Zensus population of every area of city `ags` (assign-zensus-population.sql),
 * e.g. after an areas import changed them. Runs on the caller's client, inside its transaction.
 */
export async function assignZensusPopulation(client: pg.ClientBase, ags: string): Promise<void> {
  await client.query(sql['assign-zensus-population'], [ags]);
}
