/**
 * Finds and checks a city's seed manifest, `data/<folder>/city.json`. Kept apart from
 * the seed itself so that settings validation can read it without the importer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { CityManifest } from '../schemas/city-manifest.ts';

/** Finds `data/<folder>/city.json` whose `ags` matches, if any. Throws naming the file if a manifest is invalid. */
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

/** Every file a manifest names (areas, official names, Zensus grid, imports), as written there. */
export function manifestFiles(manifest: CityManifest): string[] {
  return [
    ...manifest.areas.map((a) => a.file),
    ...(manifest.officialNames ? [manifest.officialNames.file] : []),
    ...(manifest.zensusGrid ? [manifest.zensusGrid.file] : []),
    ...(manifest.imports ?? []).map((i) => i.file),
  ];
}
