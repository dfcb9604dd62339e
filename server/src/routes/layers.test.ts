import { get } from 'node:http';
import { describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildTestApp, listenTestApp, useTestApp } from '../../test/test-app.ts';
import { decodeTile } from '../../test/decode-tile.ts';
import { tileAt } from '../tiles/tile-math.ts';

/** Herne's centre (Destatis Gemeindemittelpunkt, SOURCES.md §7). */
const herne = { lon: 7.222793, lat: 51.540365 };

describe.each(engines)('layer and tile routes on %s', (engine) => {
  const t = useTestApp(engine);

  it('GET /api/layers lists every layer with counts, attribution and the synthetic flag', async () => {
    const layers = (await t.app.inject('/api/layers')).json();
    const byId = Object.fromEntries(layers.map((l: { id: string }) => [l.id, l]));
    expect(Object.keys(byId)).toEqual(['context', 'city', 'boroughs', 'quarters', 'districts', 'zensus']);
    expect(byId.city.featureCount).toBe(1);
    expect(byId.boroughs).toMatchObject({ featureCount: 4, synthetic: false });
    expect(byId.quarters).toMatchObject({ featureCount: 13, synthetic: true });
    expect(byId.districts).toMatchObject({ featureCount: 32, synthetic: true });
    // SOURCES.md §8: 2,728 of the 2,917 cells have their centre inside Herne; the margin is left out.
    expect(byId.zensus.featureCount).toBe(2728);
    expect(byId.context.featureCount).toBe(52); // 53 NRW Kreise without Herne
    // Attribution strings verbatim from SOURCES.md in SOURCE_DATA_DIR/herne
    expect(byId.city.attribution).toBe('Verwaltungsgrenzen: © Land NRW (2018), Datenlizenz Deutschland – Zero – Version 2.0');
    expect(byId.zensus.attribution).toContain('Zensus 2011, 100-m-Gitter: © Statistisches Bundesamt (Destatis), Wiesbaden 2018');
    expect(byId.boroughs.attribution).toContain('Ortsteil-Koordinaten: Wikipedia (de), Stadt Herne (Presseamt)');
    expect(byId.boroughs.attributions).toEqual([
      'Ortsteil-Koordinaten: Wikipedia (de), Stadt Herne (Presseamt)',
      'Verwaltungsgrenzen: © Land NRW (2018), Datenlizenz Deutschland – Zero – Version 2.0',
    ]);
  });

  it('GET /api/layers/{layer}.geojson returns the features meeting a bbox', async () => {
    const all = (await t.app.inject('/api/layers/districts.geojson')).json();
    expect(all.type).toBe('FeatureCollection');
    expect(all.features).toHaveLength(32);
    expect(all.features[0].properties).toMatchObject({ level: 'district', provenance: 'synthetic' });
    expect(all.features[0].geometry.type).toBe('MultiPolygon');
    // A small box around the centre meets only a few districts.
    const d = 0.005;
    const some = (await t.app.inject(`/api/layers/districts.geojson?bbox=${herne.lon - d},${herne.lat - d},${herne.lon + d},${herne.lat + d}`)).json();
    expect(some.features.length).toBeGreaterThan(0);
    expect(some.features.length).toBeLessThan(8);
    const far = (await t.app.inject('/api/layers/districts.geojson?bbox=10,50,10.1,50.1')).json();
    expect(far.features).toEqual([]);
  });

  it('the Zensus layer hides the figures of cells under 30 residents but keeps them as inhabited area', async () => {
    const cells = (await t.app.inject('/api/layers/zensus.geojson')).json().features;
    const suppressed = cells.filter((c: { properties: { suppressed: boolean } }) => c.properties.suppressed);
    const shown = cells.filter((c: { properties: { suppressed: boolean } }) => !c.properties.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const cell of suppressed) expect(Object.keys(cell.properties)).toEqual(['suppressed']);
    for (const cell of shown) {
      expect(cell.properties.population).toBeGreaterThanOrEqual(30);
      expect(cell.properties.nongerman_share).toBeGreaterThanOrEqual(0);
      expect(cell.properties.nongerman_share).toBeLessThanOrEqual(1);
    }
  });

  it('GET /tiles/{layer}.json is TileJSON 3 with absolute tile URLs from PUBLIC_URL, bounds and attribution', async () => {
    const published = await buildTestApp(t.db, { env: { PUBLIC_URL: 'https://atlas.example' } });
    const response = await published.inject({ url: '/tiles/quarters.json', headers: { host: 'atlas.example' } });
    await published.close();
    const tilejson = response.json();
    expect(tilejson).toMatchObject({ tilejson: '3.0.0', name: 'quarters', minzoom: 6, maxzoom: 16 });
    expect(tilejson.tiles).toEqual(['https://atlas.example/tiles/quarters/{z}/{x}/{y}.mvt']);
    expect(tilejson.bounds[0]).toBeCloseTo(7.1236, 3);
    expect(tilejson.attribution).toContain('synthetisch');
    expect(tilejson.vector_layers[0]).toMatchObject({ id: 'quarters', fields: { name: 'String' } });
  });

  it('without PUBLIC_URL tile URLs point at localhost and the configured port', async () => {
    const tilejson = (await t.app.inject('/tiles/city.json')).json();
    expect(tilejson.tiles).toEqual(['http://localhost:8080/tiles/city/{z}/{x}/{y}.mvt']);
  });

  it('issue 10: a Host other than the public one is 421 naming it; X-Forwarded-Host cannot choose the URL host, even with TRUST_PROXY', async () => {
    const evil = await t.app.inject({ url: '/tiles/city.json', headers: { host: 'evil.example' } });
    expect(evil.statusCode).toBe(421);
    expect(evil.json()).toMatchObject({ statusCode: 421, code: 'wrong_host', message: expect.stringMatching(/^Host: "evil.example" is not served here/) });
    const behindProxy = await buildTestApp(t.db, { env: { TRUST_PROXY: 'true', PUBLIC_URL: 'https://atlas.example' } });
    const forged = await behindProxy.inject({ url: '/tiles/city.json', headers: { host: 'atlas.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });
    expect(forged.statusCode).toBe(421);
    const proxied = await behindProxy.inject({ url: '/tiles/city.json', headers: { host: 'app:8080', 'x-forwarded-host': 'atlas.example', 'x-forwarded-proto': 'https' } });
    expect(proxied.statusCode).toBe(200);
    expect(proxied.json().tiles).toEqual(['https://atlas.example/tiles/city/{z}/{x}/{y}.mvt']);
    await behindProxy.close();
  });

  it('issue 10: a listening server without PUBLIC_URL serves loopback names with its port only (PORT=0: the port chosen at listen)', async () => {
    const app = await buildTestApp(t.db, { env: { PORT: '0' } });
    const base = await listenTestApp(app);
    const port = new URL(base).port;
    try {
      // node:http, because fetch may not send a Host of our choosing.
      const status = (host: string) =>
        new Promise<number | undefined>((resolve, reject) => get(`${base}/api/settings`, { headers: { host } }, (res) => resolve(res.resume().statusCode)).on('error', reject));
      expect(await status(`127.0.0.1:${port}`)).toBe(200);
      expect(await status(`localhost:${port}`)).toBe(200);
      expect(await status(`[::1]:${port}`)).toBe(200);
      expect(await status(`localhost:${Number(port) + 1}`)).toBe(421);
      expect(await status(`evil.example:${port}`)).toBe(421);
      const tilejson = await (await fetch(`${base}/tiles/city.json`)).json();
      expect(tilejson.tiles).toEqual([`http://localhost:${port}/tiles/city/{z}/{x}/{y}.mvt`]);
    } finally {
      await app.close();
    }
  });

  it('a tile over Herne decodes to features with ids and properties; ETag and Cache-Control are set; If-None-Match gives 304', async () => {
    const { z, x, y } = tileAt(herne.lon, herne.lat, 12);
    const response = await t.app.inject(`/tiles/districts/${z}/${x}/${y}.mvt`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const features = decodeTile(response.rawPayload, 'districts');
    expect(features.length).toBeGreaterThan(0);
    for (const f of features) {
      expect(typeof f.id).toBe('number');
      expect(f.properties).toMatchObject({ level: 'district', provenance: 'synthetic' });
      expect(f.type).toBe(3); // polygon
    }
    const again = await t.app.inject({ url: `/tiles/districts/${z}/${x}/${y}.mvt`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('a tile without features is 204', async () => {
    const { z, x, y } = tileAt(10.0, 50.0, 12); // Hesse/Bavaria, far from Herne
    const response = await t.app.inject(`/tiles/districts/${z}/${x}/${y}.mvt`);
    expect(response.statusCode).toBe(204);
    expect(response.rawPayload.length).toBe(0);
  });

  it.each([
    ['/tiles/nope/12/1/1.mvt', 'layer: unknown layer "nope"; known layers: context, city, boroughs, quarters, districts, zensus'],
    ['/tiles/districts/23/1/1.mvt', 'z: 23 is outside 0–22'],
    ['/tiles/districts/3/1/1.mvt', 'z: 3 is outside the zooms of layer districts (6–16)'],
    ['/tiles/districts/12/4096/1.mvt', 'x: 4096 is outside 0–4095'],
    ['/tiles/districts/12/1/-1.mvt', 'y: "-1" is not a whole number'],
    ['/tiles/districts/1.5/1/1.mvt', 'z: "1.5" is not a whole number'],
    ['/tiles/nope.json', 'layer: unknown layer "nope"; known layers: context, city, boroughs, quarters, districts, zensus'],
    ['/api/layers/nope.geojson', 'layer: unknown layer "nope"; known layers: context, city, boroughs, quarters, districts, zensus'],
    ['/api/layers/districts.geojson?bbox=1,2,3', 'bbox: "1,2,3" must be four numbers west,south,east,north'],
    ['/api/layers/districts.geojson?bbox=1,2,x,4', 'bbox: "x" (east) is not a number'],
    ['/api/layers/districts.geojson?bbox=3,2,1,4', 'bbox: west must be less than east and south less than north'],
    ['/api/layers/districts.geojson?bbox=-200,2,1,4', 'bbox: longitudes must lie within −180…180 and latitudes within −90…90'],
  ])('%s is 400: %s', async (url, message) => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'bad_request', message });
  });
});
