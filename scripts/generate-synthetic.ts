/**
 * Writes Herne's synthetic operational data to data/herne/synthetic/ as the CSV files the
 * importer reads (docs/import-formats.md): offices, properties, status-events, residents,
 * estimates, case-managers, visits. Method and assumptions: data/synthetic/ASSUMPTIONS.md.
 *
 * Byte-for-byte deterministic (fixed seed, seeded PRNG). The test
 * scripts/synthetic/herne-synthetic.test.ts compares the committed files with a fresh run.
 *
 * Usage: node --import tsx scripts/generate-synthetic.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import {
  generateHerneSynthetic,
  measureSynthetic,
  parseSyntheticInputs,
  serializeSynthetic,
  SYNTHETIC_FILES,
} from './synthetic/herne-synthetic.ts';

// The Zensus grid and the boundary are public data (SOURCE_DATA_DIR); the areas are our own (DATA_DIR).
const { dataDir, sourceDataDir } = loadConfig();
const outDir = join(dataDir, 'herne/synthetic');
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

const inputs = parseSyntheticInputs({
  gridGeojson: read(sourceDataDir, 'herne/herne_zensus2011_grid100m.geojson'),
  boundaryGeojson: read(sourceDataDir, 'herne/herne_boundary_dvg2_2018.geojson'),
  boroughsGeojson: read(dataDir, 'herne/generated/boroughs.geojson'),
  quartersGeojson: read(dataDir, 'herne/generated/quarters.geojson'),
  districtsGeojson: read(dataDir, 'herne/generated/districts.geojson'),
});
const data = generateHerneSynthetic(inputs);
const files = serializeSynthetic(data);

mkdirSync(outDir, { recursive: true });
for (const name of SYNTHETIC_FILES) writeFileSync(join(outDir, name), files[name]);

const m = measureSynthetic(data);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const table = (title: string, rows: Array<[string, string | number]>) => {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
};

table(
  `Files in data/herne/synthetic/ (seed ${data.seed})`,
  SYNTHETIC_FILES.map((name) => {
    const lines = files[name].split('\n').length - 2; // header and final newline
    return [name, `${lines.toLocaleString('en-US')} rows, ${Buffer.byteLength(files[name]).toLocaleString('en-US')} bytes`];
  }),
);
table('Registered residents (RO + BG)', [
  ['2021-10', `${m.roFirst + m.bgFirst} (RO ${m.roFirst}, BG ${m.bgFirst}, RO:BG ${(m.roFirst / m.bgFirst).toFixed(2)} : 1)`],
  ['2026-10', `${m.roLast + m.bgLast} (RO ${m.roLast}, BG ${m.bgLast}, RO:BG ${(m.roLast / m.bgLast).toFixed(2)} : 1)`],
  ['month-to-month change', `${m.monthlyChange.min} … +${m.monthlyChange.max}`],
  ['> 5 years, 2026-10', `RO ${pct(m.over5yRoLast)}, BG ${pct(m.over5yBgLast)}`],
  ['aged 0-17 / 0-5, 2026-10', `${pct(m.childrenShareLast)} / ${pct(m.underSixShareLast)}`],
  ['other nationality, 2026-10', m.otherLast],
]);
table('Estimated unregistered residents', [
  ['2026-10 sum', `low ${m.estimateLowLast}, high ${m.estimateHighLast}`],
  ['share in problem properties', pct(m.estimateProblemShare)],
  [`first month ${m.estimateFirstMonth}`, `low ${m.estimateFirst.low}, high ${m.estimateFirst.high}`],
]);
table('Properties', [
  ['total / problem', `${m.properties} / ${m.problemProperties}`],
  ...Object.entries(m.propertiesByBorough)
    .sort()
    .map(([b, c]): [string, string] => [b, `${c.problem} problem, ${c.ordinary} ordinary`]),
  ['overcrowded (WohnStG), 2026-10 / at peak', `${m.overcrowdedLast} / ${m.overcrowdedPeak} of ${m.problemProperties}`],
  ['latest status', Object.entries(m.finalStatus).map(([s, n]) => `${s} ${n}`).join(', ')],
]);
table('Case managers', [
  ...Object.entries(m.caseManagersBy)
    .sort()
    .map(([k, n]): [string, number] => [k, n]),
  ['districts with residents', m.districtsWithResidents],
  ...m.uncoveredDetail.map((u): [string, string] => [`uncovered on purpose: ${u.district}`, `${u.residents} RO/BG residents, ${u.problemProperties} problem properties`]),
  ['language gaps (≥ 10 residents)', m.languageGaps.map((g) => `${g.district} ${g.language} (${g.residents})`).join(', ') || 'none'],
  ['covered problem properties, no visit in 90 days', m.coveredWithoutRecentVisit.length],
  ['visit rows / visits', `${m.visitRows} / ${m.visitsTotal}`],
]);
