/**
 * Loads a city into a migrated database: its boundary, the neighbouring regions,
 * and, where `data/<city>/city.json` exists, the areas below the city, the official
 * names, the Zensus grid and the operational data. Public files are read from
 * SOURCE_DATA_DIR (source-data.ts). One transaction: a failure leaves nothing behind.
 * A city that is already present is left as it is (a second start re-seeds nothing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { defaultSourceDataDir } from '../config.ts';
import { loadSql } from '../db/sql-file.ts';
import type { ImportProgress } from '../schemas/import.ts';
import { importData } from '../imports/import-data.ts';
import { assignZensusPopulation } from '../zensus/assign-zensus-population.ts';
import { findCityManifest } from './city-manifest.ts';
import { readCsv } from './read-csv.ts';
import { resolveCity } from './resolve-city.ts';
import { dataFilePath } from './source-data.ts';

const sql = loadSql(import.meta.url, [
  'find-city',
  'upsert-datasets',
  'insert-city',
  'insert-context-regions',
  'insert-areas',
  'insert-official-names',
  'insert-zensus-cells',
] as const);

export interface SeedOptions {
  /** The project's data folder (config `dataDir`). */
  dataDir: string;
  /** Folder of the public data sets (config `sourceDataDir`). @default the setting's default, '<repo>/../shared/data' */
  sourceDataDir?: string;
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

/** A long import step reports how far it is at most this often. */
const importHeartbeatMs = 5_000;

/**
 * Seeds city `ags` unless it is present. `onProgress` gets one line per finished step with
 * its duration ("13 areas of level quarter (synthetic), 0.4 s"), and for long imports a line
 * every few seconds, so a first start shows what it is doing.
 */
export async function seedCity(pool: pg.Pool, ags: string, options: SeedOptions): Promise<SeedResult> {
  const report = options.onProgress ?? (() => {});
  let stepStarted = Date.now();
  const progress = (message: string) => {
    report(`${message}, ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
    stepStarted = Date.now();
  };
  const existing = await pool.query<{ name: string }>(sql['find-city'], [ags]);
  if (existing.rowCount) return { seeded: false, name: existing.rows[0].name, areas: 0, zensusCells: 0 };

  const folders = { dataDir: options.dataDir, sourceDataDir: options.sourceDataDir ?? defaultSourceDataDir };
  const city = resolveCity(folders, ags); // throws UnknownCityError before anything is written
  const found = findCityManifest(options.dataDir, ags);
  const readFile = (reference: string) => readFileSync(dataFilePath(reference, found!.dir, folders.sourceDataDir));
  const { datasets } = JSON.parse(readFileSync(join(options.dataDir, 'datasets.json'), 'utf8'));

  const client = await pool.connect();
  let areas = 0;
  let zensusCells = 0;
  try {
    await client.query('BEGIN');
    await client.query(sql['upsert-datasets'], [JSON.stringify(datasets)]);
    await client.query(sql['insert-city'], [ags, city.name, JSON.stringify(city.source), city.datasets, JSON.stringify(city.geometry)]);
    progress(`city boundary of ${city.name} (${ags})`);
    await client.query(sql['insert-context-regions'], [ags, city.context.datasets, JSON.stringify(city.context.regions)]);
    progress(`${city.context.regions.length} neighbouring regions`);

    if (found) {
      const { manifest } = found;
      for (const level of manifest.areas) {
        const result = await client.query(sql['insert-areas'], [ags, level.level, level.provenance, level.datasets, readFile(level.file).toString('utf8')]);
        const { inserted, orphans } = result.rows[0];
        if (orphans > 0) throw new Error(`${level.file}: ${orphans} of ${inserted} ${level.level} features name a parent_key that does not exist`);
        progress(`${inserted} areas of level ${level.level} (${level.provenance})`);
        areas += inserted;
      }
      if (manifest.officialNames) {
        const names = officialNamesFromHierarchy(readCsv(readFile(manifest.officialNames.file).toString('utf8')));
        await client.query(sql['insert-official-names'], [ags, JSON.stringify(names)]);
        progress(`${names.length} official area names (no geometry)`);
      }
      if (manifest.zensusGrid) {
        const result = await client.query(sql['insert-zensus-cells'], [ags, manifest.zensusGrid.datasets, readFile(manifest.zensusGrid.file).toString('utf8')]);
        zensusCells = result.rowCount ?? 0;
        progress(`${zensusCells} Zensus 2011 grid cells`);
        await assignZensusPopulation(client, ags);
        progress('Zensus population per area');
      }
      if (options.operationalData ?? true) {
        for (const file of manifest.imports ?? []) {
          let reported = Date.now();
          const onProgress = ({ phase, done, total }: ImportProgress) => {
            if (Date.now() - reported < importHeartbeatMs) return;
            reported = Date.now();
            report(`${file.file}: ${phase} ${done} of ${total}, ${((reported - stepStarted) / 1000).toFixed(1)} s so far`);
          };
          const result = await importData(client, { kind: file.kind, bytes: readFile(file.file), cityAgs: ags, datasets: file.datasets, onProgress });
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
