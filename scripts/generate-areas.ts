/**
 * Generates Herne's sub-city area geometry into data/herne/generated/ (DATA_DIR) from the
 * public data in SOURCE_DATA_DIR (city boundary, Stadtbezirk points, Zensus grid):
 * boroughs.geojson (4 Stadtbezirke, approximate), quarters.geojson (13 synthetic
 * Ortsteil-level units), districts.geojson (32 synthetic statistical-district-level units).
 *
 * Method: scripts/areas/partition-areas.ts. Output is byte-for-byte deterministic.
 *
 * Usage: node --import tsx scripts/generate-areas.ts   (or: npm run generate:areas)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import {
  buildHerneAreas,
  parseHerneInputs,
  serializeCollection,
  type AreaCollection,
} from './areas/partition-areas.ts';

const { dataDir, sourceDataDir } = loadConfig();
const outDir = join(dataDir, 'herne/generated');
const source = (path: string) => readFileSync(join(sourceDataDir, path), 'utf8');

const inputs = parseHerneInputs({
  boundaryGeojson: source('herne/herne_boundary_dvg2_2018.geojson'),
  centresCsv: source('herne/herne_ortsteile_centres.csv'),
  gridGeojson: source('herne/herne_zensus2011_grid100m.geojson'),
});
const areas = buildHerneAreas(inputs);

mkdirSync(outDir, { recursive: true });
const levels: Array<[string, AreaCollection]> = [
  ['boroughs', areas.boroughs],
  ['quarters', areas.quarters],
  ['districts', areas.districts],
];
for (const [name, fc] of levels) {
  writeFileSync(join(outDir, `${name}.geojson`), serializeCollection(fc));
  const pops = fc.features.map((f) => f.properties.zensus_population);
  const total = pops.reduce((s, p) => s + p, 0);
  const multi = fc.features.filter((f) => f.geometry.type === 'MultiPolygon').length;
  console.log(
    `${name}: ${fc.features.length} units, population ${total}, min ${Math.min(...pops)}, max ${Math.max(...pops)}, MultiPolygons ${multi}`,
  );
}
console.log(
  `cells: ${inputs.cells.length}, assigned to the nearest borough (centre outside all boroughs): ${areas.report.nearestFallbackCells}; detached Voronoi fragments merged into a neighbour: ${JSON.stringify(areas.report.boroughFragmentsMerged)}; bisection cuts: ${JSON.stringify(areas.report.cuts)}`,
);
