/**
 * Finds a German municipality's boundary by its AGS in the public boundary sets
 * (`boundaries` in data/sources.json, read from SOURCE_DATA_DIR),
 * preferring the most detailed source that has it:
 * 1. DVG2 NRW Kreise (kreisfreie Städte, e.g. Herne, Bochum): detailed, named;
 * 2. VG250 NRW Gemeinden: named, ~200 m generalised;
 * 3. VG250 Gemeinden Deutschland: every municipality, strongly simplified, no names.
 * Also picks the neighbouring regions drawn as grey context.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readSourceFiles, type DataFolders } from './source-data.ts';

type Area = Polygon | MultiPolygon;

export interface ResolvedCity {
  ags: string;
  name: string;
  geometry: Area;
  /** Dataset ids (data/datasets.json) of the boundary. */
  datasets: string[];
  /** Where the boundary comes from, in both UI languages. */
  source: { de: string; en: string };
  context: { datasets: string[]; regions: { ags: string; name: string | null; geometry: Area }[] };
}

export class UnknownCityError extends Error {}

/** Neighbours are taken from within this many degrees around the city's bbox. */
const contextMarginDegrees = 0.25;

export function resolveCity(folders: DataFolders, ags: string): ResolvedCity {
  const files = readSourceFiles(folders.dataDir).boundaries;
  const read = (file: string) => JSON.parse(readFileSync(join(folders.sourceDataDir, file), 'utf8')) as FeatureCollection<Area>;
  // Every German municipality is in VG250; a key that is not there (a Kreis such as
  // 05562000, a typo) is not a city, even where DVG2 has a region with that key.
  const germany = read(files.germanyGemeinden);
  const municipality = germany.features.find((f) => f.properties?.AGS === ags);
  if (!municipality) {
    throw new UnknownCityError(
      `CITY_AGS="${ags}" is not a municipality in the boundary data (${files.germanyGemeinden} in SOURCE_DATA_DIR). ` +
        'Check the 8-digit Amtlicher Gemeindeschlüssel (e.g. 05916000 for Herne).',
    );
  }
  const kreise = read(files.kreise);
  const kreis = kreise.features.find((f) => f.properties?.KN === ags);
  if (kreis) {
    return {
      ags,
      name: String(kreis.properties!.GN),
      geometry: kreis.geometry,
      datasets: ['dvg2-nrw-2018'],
      source: {
        de: 'DVG2 Verwaltungsgrenzen NRW, Geobasis NRW (Stand 24.01.2018)',
        en: 'DVG2 administrative boundaries of NRW, Geobasis NRW (as of 2018-01-24)',
      },
      context: {
        datasets: ['dvg2-nrw-2018'],
        regions: kreise.features
          .filter((f) => f.properties?.KN !== ags)
          .map((f) => ({ ags: String(f.properties!.KN), name: String(f.properties!.GN), geometry: f.geometry })),
      },
    };
  }
  const nrw = read(files.nrwGemeinden);
  const gemeinde = nrw.features.find((f) => f.properties?.AGS === ags);
  if (gemeinde) {
    return {
      ags,
      name: String(gemeinde.properties!.GEN),
      geometry: gemeinde.geometry,
      datasets: ['vg250-nrw-2013'],
      source: { de: 'VG250 Gemeinden, BKG 2013 (vereinfacht)', en: 'VG250 municipalities, BKG 2013 (simplified)' },
      context: { datasets: ['vg250-nrw-2013'], regions: near(nrw.features, gemeinde, (f) => [String(f.properties!.AGS), String(f.properties!.GEN)]) },
    };
  }
  return {
    ags,
    name: `Gemeinde ${ags}`,
    geometry: municipality.geometry,
    datasets: ['vg250-de-2022'],
    source: { de: 'VG250 Gemeinden, BKG 2022 (stark vereinfacht)', en: 'VG250 municipalities, BKG 2022 (strongly simplified)' },
    context: { datasets: ['vg250-de-2022'], regions: near(germany.features, municipality, (f) => [String(f.properties!.ARS), null]) },
  };
}

function near(
  features: Feature<Area>[],
  city: Feature<Area>,
  keyAndName: (f: Feature<Area>) => [string, string | null],
): ResolvedCity['context']['regions'] {
  const [w, s, e, n] = turf.bbox(city);
  const m = contextMarginDegrees;
  return features
    .filter((f) => f !== city)
    .filter((f) => {
      const [fw, fs, fe, fn] = turf.bbox(f);
      return fe >= w - m && fw <= e + m && fn >= s - m && fs <= n + m;
    })
    .map((f) => {
      const [key, name] = keyAndName(f);
      return { ags: key, name, geometry: f.geometry };
    });
}
