/**
 * `npm run bench`: speed and size of the foundation, measured in one run and
 * printed as one table of ratios (this machine is noisy; ratios of neighbours in
 * time are steadier than absolute figures).
 *
 * 1. API tile vs the bare ST_AsMVT query for the same tiles (PostGIS): HTTP + routing overhead.
 * 2. PGlite tile path (GeoJSON + geojson-vt in Node) vs the PostGIS path (ST_AsMVT).
 * 3. First map idle of the app vs an empty MapLibre + deck.gl page.
 * 4. gzip size of everything the app loads before its first idle vs the empty page.
 * 5. Import of 100,000 properties (validated, all or nothing, `runImport`) vs a bare bulk
 *    insert of the same rows (PostGIS): what validation, staging and checks cost.
 * 6. Gi* with 999 permutations (`runHotspotAnalysis`, queen weights, no trend) on 10,000 vs
 *    1,000 H3-like hexagons (`hexagonGrid`, 100 m circumradius): how the statistic scales.
 * 7. Local Moran's I, the same on 10,000 vs 1,000 hexagons.
 * 8. Herne (synthetic data, PostGIS): GET /api/analysis/hotspots (h3_9, Gi*, 999 permutations,
 *    with the trend over all months) vs GET /api/analysis/series (h3_9): the full HTTP answer,
 *    worker thread included, against loading the same units and series alone.
 *
 * Needs what the tests need (PostgreSQL + PostGIS, Chromium, `npx vite build`).
 *
 * BENCH_ONLY=<groups> (comma-separated) runs only some rows, for a quick check:
 *   tiles (rows 1–2), import (5), page (3–4), hotspots (6–8); e.g. `BENCH_ONLY=hotspots npm run bench`.
 * PGlite is opened only for `tiles`; the build of the empty page and Chromium only for `page`.
 */
import { rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { build } from 'vite';
import { loadConfig, repoRoot } from '../server/src/config.ts';
import { openDatabase, type Database } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { mapLayers } from '../server/src/queries/layers/map-layers.ts';
import { seedCity } from '../server/src/seed/seed-city.ts';
import { readSourceFiles } from '../server/src/seed/source-data.ts';
import { composeSql, encodeTile, layerParams } from '../server/src/tiles/tile-encoder.ts';
import { tileAt, tileBbox } from '../server/src/tiles/tile-math.ts';
import { launchChromium } from '../server/test/chromium.ts';
import { startPostgisCluster } from '../server/test/postgis-cluster.ts';
import { buildTestApp, listenTestApp } from '../server/test/test-app.ts';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { runImport } from '../server/src/imports/import-data.ts';
import { runHotspotAnalysis, type HotspotRunInput } from '../server/src/analysis/hotspot-analysis/run-hotspot-analysis.ts';
import { hexagonGrid } from '../server/src/analysis/hotspots/hexagon-grid.ts';
import { Rng } from '../server/src/analysis/prng.ts';
import type { HotspotMethod, HotspotResult } from '../server/src/schemas/analysis.ts';

const ags = '05916000';
const herneBbox = [7.1236, 51.5031, 7.2965, 51.5733];
const repetitions = 5;
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

interface Row {
  measurement: string;
  a: string;
  b: string;
  ratio: number;
  unit: string;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

/** Row groups that `BENCH_ONLY` can pick. */
const groups = ['tiles', 'import', 'page', 'hotspots'] as const;
type Group = (typeof groups)[number];

/** The groups to run: all without BENCH_ONLY; an unknown name stops the run and says which. */
function selectedGroups(value: string | undefined): Set<Group> {
  if (!value?.trim()) return new Set(groups);
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(groups as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY="${value}": unknown group ${unknown.join(', ')}; choose from ${groups.join(', ')}`);
  return new Set(names as Group[]);
}

/** Passes of each hotspot statistic row (10,000 cells with 999 permutations take seconds). */
const hotspotPasses = 3;

/**
 * A hotspot run on a `rows` × `cols` grid of hexagons (100 m circumradius, in metres): a
 * smooth surface plus noise (the analysis's own Rng, seed 1, as in hotspots.bench.ts),
 * queen weights, row-standardised, 999 permutations (seed 12345), FDR, no trend.
 */
function hexagonHotspotInput(rows: number, cols: number, method: HotspotMethod): HotspotRunInput {
  const { polygons, centres } = hexagonGrid(rows, cols, 100);
  const rng = new Rng(1, 'bench');
  return {
    ids: centres.map((_, i) => String(i)),
    values: centres.map(([x, y]) => Math.sin(x / 2000) + Math.cos(y / 1500) + rng.normal() * 0.3),
    populations: null,
    polygons,
    points: centres,
    method,
    weights: { type: 'queen', transform: 'row' },
    permutations: 999,
    seed: 12345,
    fdr: true,
    minUnits: 30,
    context: { layer: null, level: null, month: null, synthetic: false },
    history: null,
  };
}

/** Median wall time in ms of `runHotspotAnalysis` over `hotspotPasses` passes; fails on a refusal. */
function timeHotspots(input: HotspotRunInput): number {
  const passes: number[] = [];
  for (let i = 0; i < hotspotPasses; i++) {
    const started = performance.now();
    const result = runHotspotAnalysis(input);
    passes.push(performance.now() - started);
    if (result.refusal) throw new Error(`bench hotspots refused: ${result.refusal.message}`);
  }
  return median(passes);
}

/** Median wall time in ms of a GET answered 200 (body read), after one unmeasured warm-up request. */
async function timeGet(requestUrl: string): Promise<{ ms: number; body: unknown }> {
  const get = async () => {
    const response = await fetch(requestUrl);
    const body = await response.json();
    if (response.status !== 200) throw new Error(`GET ${requestUrl}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  let body = await get(); // starts the worker threads and fills caches: not what is measured
  const passes: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    body = await get();
    passes.push(performance.now() - started);
  }
  return { ms: median(passes), body };
}

function herneTiles() {
  const tiles: { layer: string; z: number; x: number; y: number }[] = [];
  for (const [layer, z] of [['districts', 12], ['districts', 14], ['zensus', 13], ['zensus', 15], ['context', 10]] as const) {
    const nw = tileAt(herneBbox[0], herneBbox[3], z);
    const se = tileAt(herneBbox[2], herneBbox[1], z);
    for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ layer, z, x, y });
  }
  return tiles;
}

/** Total wall time in ms of `fn` over all tiles, median of `repetitions` passes. */
async function timeTiles(tiles: ReturnType<typeof herneTiles>, fn: (t: ReturnType<typeof herneTiles>[number]) => Promise<unknown>) {
  const passes: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    for (const tile of tiles) await fn(tile);
    passes.push(performance.now() - started);
  }
  return median(passes);
}

async function seeded(db: Database) {
  await migrate(db.pool);
  const { dataDir, sourceDataDir } = loadConfig();
  await seedCity(db.pool, ags, { dataDir, sourceDataDir });
  return db;
}

async function main() {
  const only = selectedGroups(process.env.BENCH_ONLY);
  const rows: Row[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'qa-bench-'));
  progress(`starting PostGIS cluster${only.has('tiles') ? ' and PGlite' : ''}, seeding Herne …`);
  const cluster = process.env.DATABASE_URL ? undefined : await startPostgisCluster();
  const postgis = await seeded(await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? cluster!.url }));
  const pglite = only.has('tiles') ? await seeded(await openDatabase({ pgliteDir: join(scratch, 'pglite') })) : null;
  const app = await buildTestApp(postgis);

  try {
    const url = await listenTestApp(app);
    if (only.has('tiles')) await benchTiles(rows, url, postgis, pglite!);
    if (only.has('import')) await benchImport(rows, postgis);
    if (only.has('page')) await benchPage(rows, url, scratch);
    if (only.has('hotspots')) await benchHotspots(rows, url);
  } finally {
    await app.close();
    await postgis.close();
    await pglite?.close();
    await cluster?.stop();
    await rm(scratch, { recursive: true, force: true });
  }

  const widths = [Math.max(...rows.map((r) => r.measurement.length), 11), Math.max(...rows.map((r) => r.a.length), 1), Math.max(...rows.map((r) => r.b.length), 1)];
  const line = (cells: string[]) => `| ${cells[0].padEnd(widths[0])} | ${cells[1].padStart(widths[1])} | ${cells[2].padStart(widths[2])} | ${cells[3].padStart(6)} |`;
  console.log(line(['measurement', 'A', 'B', 'A / B']));
  console.log(`|${'-'.repeat(widths[0] + 2)}|${'-'.repeat(widths[1] + 2)}|${'-'.repeat(widths[2] + 2)}|--------|`);
  for (const row of rows) console.log(line([row.measurement, row.a, row.b, row.ratio.toFixed(2)]));
  console.log(`\nmedian of ${repetitions} passes per figure (${hotspotPasses} for the hotspot statistics); ${new Date().toISOString()}`);
}

/** 1 + 2: tiles through the API vs the bare query, and the PGlite path vs the PostGIS path. */
async function benchTiles(rows: Row[], url: string, postgis: Database, pglite: Database) {
  const tiles = herneTiles();
  progress(`${tiles.length} tiles over Herne, ${repetitions} passes each`);
  // 1. API tile vs bare ST_AsMVT (PostGIS)
  const encodeMvtSql = readFileSync(join(repoRoot, 'server/src/tiles/encode-mvt.sql'), 'utf8');
  const bare = await timeTiles(tiles, async ({ layer, z, x, y }) => {
    const def = mapLayers[layer as keyof typeof mapLayers];
    const params = layerParams(def, ags, tileBbox(z, x, y, 64 / 4096));
    const sql = encodeMvtSql;
    return postgis.pool.query(composeSql(sql, def.featuresSql, params.length, ['z', 'x', 'y', 'name']), [...params, z, x, y, layer]);
  });
  const api = await timeTiles(tiles, async ({ layer, z, x, y }) => (await fetch(`${url}/tiles/${layer}/${z}/${x}/${y}.mvt`)).arrayBuffer());
  rows.push({ measurement: `API tile vs bare ST_AsMVT query (PostGIS, ${tiles.length} tiles)`, a: `${api.toFixed(0)} ms`, b: `${bare.toFixed(0)} ms`, ratio: api / bare, unit: 'time' });

  // 2. PGlite tile path vs PostGIS path
  const pgliteTime = await timeTiles(tiles, ({ layer, z, x, y }) => encodeTile(pglite.pool, 'node', mapLayers[layer as keyof typeof mapLayers], ags, z, x, y));
  const postgisTime = await timeTiles(tiles, ({ layer, z, x, y }) => encodeTile(postgis.pool, 'st_asmvt', mapLayers[layer as keyof typeof mapLayers], ags, z, x, y));
  rows.push({ measurement: `PGlite tile path (Node encoding) vs PostGIS (ST_AsMVT), ${tiles.length} tiles`, a: `${pgliteTime.toFixed(0)} ms`, b: `${postgisTime.toFixed(0)} ms`, ratio: pgliteTime / postgisTime, unit: 'time' });
  const nodeOnPostgis = await timeTiles(tiles, ({ layer, z, x, y }) => encodeTile(postgis.pool, 'node', mapLayers[layer as keyof typeof mapLayers], ags, z, x, y));
  rows.push({ measurement: 'Node encoding vs ST_AsMVT, both on PostGIS', a: `${nodeOnPostgis.toFixed(0)} ms`, b: `${postgisTime.toFixed(0)} ms`, ratio: nodeOnPostgis / postgisTime, unit: 'time' });
}

/** 5. Import vs bare bulk insert (PostGIS). */
async function benchImport(rows: Row[], postgis: Database) {
  // 5. Import of 100,000 properties vs a bare bulk insert of the same rows (PostGIS).
  // The rows: deterministic points inside Herne's boundary (mulberry32, seed 1), as a CSV file.
  progress('importing 100,000 properties (3 passes each) …');
  const { dataDir, sourceDataDir } = loadConfig();
  const kreise = join(sourceDataDir, readSourceFiles(dataDir).boundaries.kreise);
  const herne = JSON.parse(readFileSync(kreise, 'utf8')).features.find((f: { properties: { KN: string } }) => f.properties.KN === ags);
  let seed = 1;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const benchRows: { key: string; address: string; lon: number; lat: number; flats: number; living_area_m2: number; owner_type: string; is_problem: boolean }[] = [];
  while (benchRows.length < 100_000) {
    const lon = +(herneBbox[0] + random() * (herneBbox[2] - herneBbox[0])).toFixed(6);
    const lat = +(herneBbox[1] + random() * (herneBbox[3] - herneBbox[1])).toFixed(6);
    if (!booleanPointInPolygon([lon, lat], herne)) continue;
    const i = benchRows.length;
    benchRows.push({ key: `BENCH-${i}`, address: `Benchweg ${i}`, lon, lat, flats: 1 + (i % 12), living_area_m2: 40 + (i % 900) / 2, owner_type: ['private', 'company', 'municipal'][i % 3], is_problem: i % 7 === 0 });
  }
  const benchCsv = Buffer.from(['key,address,lon,lat,flats,living_area_m2,owner_type,is_problem', ...benchRows.map((r) => Object.values(r).join(','))].join('\n'));
  // The baseline: one INSERT … SELECT FROM jsonb_array_elements per 5,000 rows, no validation, no area lookup.
  const bareInsertSql = `INSERT INTO property (city_ags, key, address, flats, living_area_m2, owner_type, is_problem, datasets, geom)
    SELECT $2, r->>'key', r->>'address', (r->>'flats')::int, (r->>'living_area_m2')::numeric, r->>'owner_type', (r->>'is_problem')::boolean,
           '{city-import}', ST_SetSRID(ST_MakePoint((r->>'lon')::float8, (r->>'lat')::float8), 4326)
    FROM jsonb_array_elements($1::jsonb) AS r`;
  const clearBench = () => postgis.pool.query("DELETE FROM property WHERE key LIKE 'BENCH-%'");
  const importPasses: number[] = [];
  const barePasses: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    await clearBench();
    let started = performance.now();
    const imported = await runImport(postgis.pool, { kind: 'properties', bytes: benchCsv, cityAgs: ags, datasets: ['city-import'] });
    if (imported.errorCount > 0 || imported.inserted !== 100_000) throw new Error(`bench import failed: ${JSON.stringify(imported.errors.slice(0, 3))}`);
    importPasses.push(performance.now() - started);
    await clearBench();
    started = performance.now();
    for (let i = 0; i < benchRows.length; i += 5000) await postgis.pool.query(bareInsertSql, [JSON.stringify(benchRows.slice(i, i + 5000)), ags]);
    barePasses.push(performance.now() - started);
  }
  await clearBench();
  rows.push({
    measurement: 'Import of 100,000 properties (validated, all or nothing) vs bare bulk insert (PostGIS, 3 passes)',
    a: `${median(importPasses).toFixed(0)} ms`,
    b: `${median(barePasses).toFixed(0)} ms`,
    ratio: median(importPasses) / median(barePasses),
    unit: 'time',
  });
}

/** 3 + 4. First idle and bytes of the app vs an empty MapLibre + deck.gl page. */
async function benchPage(rows: Row[], url: string, scratch: string) {
  // 3 + 4. First idle and bytes: the app vs an empty MapLibre + deck.gl page
  progress('building the empty baseline page …');
  const emptyDir = join(scratch, 'empty');
  await build({ root: join(repoRoot, 'scripts/bench'), configFile: false, logLevel: 'warn', build: { outDir: emptyDir, emptyOutDir: true, chunkSizeWarningLimit: 2500 } });
  const baseline = Fastify();
  await baseline.register(fastifyStatic, { root: emptyDir });
  await baseline.listen({ port: 0, host: '127.0.0.1' });
  const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/index.html`;

  const browser = await launchChromium();
  try {
    const measure = async (pageUrl: string) => {
      const idles: number[] = [];
      let gzipBytes = 0;
      let requests = 0;
      for (let i = 0; i < repetitions; i++) {
        const page = await browser.newPage();
        const bodies: Promise<number>[] = [];
        let idle = false;
        page.on('response', (response) => {
          if (idle || response.status() === 204 || response.status() === 304) return;
          bodies.push(response.body().then((body) => gzipSync(body, { level: 9 }).length).catch(() => 0));
        });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await page.goto(pageUrl);
        await page.waitForSelector('[data-map-idle="true"]', { timeout: 60_000 });
        idle = true;
        idles.push(await page.evaluate(() => performance.now()));
        const sizes = await Promise.all(bodies);
        gzipBytes = sizes.reduce((s, n) => s + n, 0);
        requests = sizes.length;
        await page.close();
      }
      return { idle: median(idles), gzipBytes, requests };
    };
    progress('measuring first idle (app, then empty page) …');
    const appPage = await measure(`${url}/`);
    const emptyPage = await measure(baselineUrl);
    rows.push({ measurement: 'First map idle: app vs empty MapLibre + deck.gl page', a: `${appPage.idle.toFixed(0)} ms`, b: `${emptyPage.idle.toFixed(0)} ms`, ratio: appPage.idle / emptyPage.idle, unit: 'time' });
    rows.push({
      measurement: 'gzip size loaded before first idle: app vs empty page',
      a: `${(appPage.gzipBytes / 1024).toFixed(0)} kB (${appPage.requests} responses)`,
      b: `${(emptyPage.gzipBytes / 1024).toFixed(0)} kB (${emptyPage.requests} responses)`,
      ratio: appPage.gzipBytes / emptyPage.gzipBytes,
      unit: 'size',
    });
  } finally {
    await browser.close();
    await baseline.close();
  }
}

/** 6–8. Hotspot statistics: how they scale with the units, and what a request costs on Herne. */
async function benchHotspots(rows: Row[], url: string) {
  // 6 + 7. 100 × 100 vs 25 × 40 hexagons: contiguity, the statistic, 999 conditional
  // permutations, FDR and global Moran's I with its 999 permutations, in this thread.
  for (const [method, label] of [['gi_star', 'Gi*'], ['local_moran', 'local Moran']] as const) {
    progress(`${label}, 999 permutations on 10,000 and 1,000 hexagons (${hotspotPasses} passes each) …`);
    const large = timeHotspots(hexagonHotspotInput(100, 100, method));
    const small = timeHotspots(hexagonHotspotInput(25, 40, method));
    rows.push({
      measurement: `${label} 999 permutations, 10,000 vs 1,000 H3-like cells (queen, runHotspotAnalysis, ${hotspotPasses} passes)`,
      a: `${large.toFixed(0)} ms`,
      b: `${small.toFixed(0)} ms`,
      ratio: large / small,
      unit: 'time',
    });
  }

  // 8. The same question through the API on Herne's synthetic data: the series is read
  // and built per request, then the statistic (with the trend over every month) runs in
  // a worker thread. Compared with the series request alone, which shares the first part.
  progress(`Herne: GET /api/analysis/hotspots and /series at h3_9 (${repetitions} passes each, after one warm-up) …`);
  const hotspots = await timeGet(`${url}/api/analysis/hotspots?layer=registered&level=h3_9&method=gi_star&permutations=999`);
  const series = await timeGet(`${url}/api/analysis/series?level=h3_9`);
  const result = hotspots.body as HotspotResult;
  if (result.refusal) throw new Error(`bench: Herne h3_9 hotspots refused: ${result.refusal.message}`);
  const trend = result.card.trendMonths ? `, trend over ${result.card.trendMonths.steps} months` : '';
  rows.push({
    measurement: `Herne: GET /api/analysis/hotspots (h3_9, ${result.card.units} cells, Gi*, 999 perms${trend}) vs GET /api/analysis/series (h3_9), PostGIS`,
    a: `${hotspots.ms.toFixed(0)} ms`,
    b: `${series.ms.toFixed(0)} ms`,
    ratio: hotspots.ms / series.ms,
    unit: 'time',
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
