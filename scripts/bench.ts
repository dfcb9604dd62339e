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
 *
 * Needs what the tests need (PostgreSQL + PostGIS, Chromium, `npx vite build`).
 */
import { rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { build } from 'vite';
import { repoRoot } from '../server/src/config.ts';
import { openDatabase, type Database } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { mapLayers } from '../server/src/queries/layers/map-layers.ts';
import { seedCity } from '../server/src/seed/seed-city.ts';
import { composeSql, encodeTile, layerParams } from '../server/src/tiles/tile-encoder.ts';
import { tileAt, tileBbox } from '../server/src/tiles/tile-math.ts';
import { launchChromium } from '../server/test/chromium.ts';
import { startPostgisCluster } from '../server/test/postgis-cluster.ts';
import { buildTestApp, listenTestApp } from '../server/test/test-app.ts';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { runImport } from '../server/src/imports/import-data.ts';

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
  await seedCity(db.pool, ags, { dataDir: join(repoRoot, 'data') });
  return db;
}

async function main() {
  const rows: Row[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'qa-bench-'));
  progress('starting PostGIS cluster and PGlite, seeding Herne …');
  const cluster = process.env.DATABASE_URL ? undefined : await startPostgisCluster();
  const postgis = await seeded(await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? cluster!.url }));
  const pglite = await seeded(await openDatabase({ pgliteDir: join(scratch, 'pglite') }));
  const tiles = herneTiles();
  progress(`${tiles.length} tiles over Herne, ${repetitions} passes each`);

  try {
    // 1. API tile vs bare ST_AsMVT (PostGIS)
    const app = await buildTestApp(postgis);
    const url = await listenTestApp(app);
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

    // 5. Import of 100,000 properties vs a bare bulk insert of the same rows (PostGIS).
    // The rows: deterministic points inside Herne's boundary (mulberry32, seed 1), as a CSV file.
    progress('importing 100,000 properties (3 passes each) …');
    const herne = JSON.parse(readFileSync(join(repoRoot, 'data/germany/nrw_kreise_dvg2_2018.geojson'), 'utf8')).features.find((f: { properties: { KN: string } }) => f.properties.KN === ags);
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
      await app.close();
    }
  } finally {
    await postgis.close();
    await pglite.close();
    await cluster?.stop();
    await rm(scratch, { recursive: true, force: true });
  }

  const widths = [Math.max(...rows.map((r) => r.measurement.length), 11), Math.max(...rows.map((r) => r.a.length), 1), Math.max(...rows.map((r) => r.b.length), 1)];
  const line = (cells: string[]) => `| ${cells[0].padEnd(widths[0])} | ${cells[1].padStart(widths[1])} | ${cells[2].padStart(widths[2])} | ${cells[3].padStart(6)} |`;
  console.log(line(['measurement', 'A', 'B', 'A / B']));
  console.log(`|${'-'.repeat(widths[0] + 2)}|${'-'.repeat(widths[1] + 2)}|${'-'.repeat(widths[2] + 2)}|--------|`);
  for (const row of rows) console.log(line([row.measurement, row.a, row.b, row.ratio.toFixed(2)]));
  console.log(`\nmedian of ${repetitions} passes per figure; ${new Date().toISOString()}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
