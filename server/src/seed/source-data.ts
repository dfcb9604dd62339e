/**
 * Where seed files are read from. The project's own files (manifests, generated areas,
 * synthetic data) are in `DATA_DIR`; the public data sets stay where they are kept,
 * in `SOURCE_DATA_DIR`, listed with their publishers in `data/sources.json`. A manifest
 * names a public file as `source:<path>` and its own files relative to its folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { SourceFiles, type SourceFile } from '../schemas/source-files.ts';
import { findCityManifest, manifestFiles } from './city-manifest.ts';

/** The two folders seed files come from (see config.ts: `DATA_DIR`, `SOURCE_DATA_DIR`). */
export interface DataFolders {
  /** The project's data folder (`datasets.json`, `sources.json`, `<city>/city.json`, generated and synthetic files). */
  dataDir: string;
  /** The folder the public data sets are kept in. */
  sourceDataDir: string;
}

/** Marks a manifest path as one inside `SOURCE_DATA_DIR`. */
export const sourcePrefix = 'source:';

/** The absolute path of a manifest file reference: `source:<path>` in the source folder, anything else in the city's folder. */
export function dataFilePath(reference: string, cityDir: string, sourceDataDir: string): string {
  return reference.startsWith(sourcePrefix) ? join(sourceDataDir, reference.slice(sourcePrefix.length)) : join(cityDir, reference);
}

/** Reads and checks `data/sources.json`: valid shape, and every boundary set listed as a file. */
export function readSourceFiles(dataDir: string): SourceFiles {
  const file = join(dataDir, 'sources.json');
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Value.Check(SourceFiles, parsed)) {
    const problems = Value.Errors(SourceFiles, parsed).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new Error(`${file} is not a valid list of source files: ${problems.join('; ')}`);
  }
  const listed = new Set(parsed.files.map((f) => f.path));
  for (const [name, path] of Object.entries(parsed.boundaries)) {
    if (!listed.has(path)) throw new Error(`${file}: boundaries.${name} "${path}" is not listed under files`);
  }
  return parsed;
}

/**
 * The public files a start of city `ags` reads: the boundary sets, and the `source:` files
 * of the city's manifest (none for a city without one, or when `ags` is not known yet).
 */
export function neededSourceFiles(dataDir: string, ags: string | undefined): SourceFile[] {
  const sources = readSourceFiles(dataDir);
  const byPath = new Map(sources.files.map((f) => [f.path, f]));
  const paths = new Set<string>(Object.values(sources.boundaries));
  const found = ags === undefined ? undefined : findCityManifest(dataDir, ags);
  for (const reference of found ? manifestFiles(found.manifest) : []) {
    if (!reference.startsWith(sourcePrefix)) continue;
    const path = reference.slice(sourcePrefix.length);
    if (!byPath.has(path)) throw new Error(`${join(found!.dir, 'city.json')} names "${reference}", which ${join(dataDir, 'sources.json')} does not list`);
    paths.add(path);
  }
  return [...paths].map((path) => byPath.get(path)!);
}

/**
 * The one message for a source folder that lacks files: the setting as given, the folder,
 * every file needed with its publisher (missing ones marked), and how to fix it.
 */
export function describeMissingSourceData(setting: string, sourceDataDir: string, needed: SourceFile[], missing: SourceFile[]): string {
  const what = existsSync(sourceDataDir)
    ? `lacks ${missing.length} of the ${needed.length} files the start needs`
    : 'does not exist';
  const lost = new Set(missing);
  const lines = needed.map((f) => `      ${lost.has(f) ? 'missing' : 'present'}  ${f.path}: ${f.title}; publisher: ${f.publisher}`);
  return [
    `SOURCE_DATA_DIR="${setting}": the public data sets are read where they are kept, not copied into the repository, and ${sourceDataDir} ${what}:`,
    ...lines,
    '    Point SOURCE_DATA_DIR at the folder that holds them (default ../shared/data, beside the repository); data/README.md says what comes from where.',
  ].join('\n');
}
