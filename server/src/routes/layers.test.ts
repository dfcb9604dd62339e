import { describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { buildTestApp, useTestApp } from '../../test/test-app.ts';
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

  it('GET /tiles/{layer}.json is TileJSON 3 with absolute tile URLs, bounds and attribution', async () => {
    const response = await t.app.inject({ url: '/tiles/quarters.json', headers: { host: 'atlas.example:8080' } });
    const tilejson = response.json();
    expect(tilejson).toMatchObject({ tilejson: '3.0.0', name: 'quarters', minzoom: 6, maxzoom: 16 });
    expect(tilejson.tiles).toEqual(['http://atlas.example:8080/tiles/quarters/{z}/{x}/{y}.mvt']);
    expect(tilejson.bounds[0]).toBeCloseTo(7.1236, 3);
    expect(tilejson.attribution).toContain('synthetisch');
    expect(tilejson.vector_layers[0]).toMatchObject({ id: 'quarters', fields: { name: 'String' } });
  });

  it('TileJSON ignores X-Forwarded-* unless TRUST_PROXY is set', async () => {
    const headers = { host: 'atlas.example:8080', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    const direct = (await t.app.inject({ url: '/tiles/city.json', headers })).json();
    expect(direct.tiles).toEqual(['http://atlas.example:8080/tiles/city/{z}/{x}/{y}.mvt']);
    const behindProxy = await buildTestApp(t.db, { env: { TRUST_PROXY: 'true' } });
    const proxied = (await behindProxy.inject({ url: '/tiles/city.json', headers })).json();
    expect(proxied.tiles).toEqual(['https://evil.example/tiles/city/{z}/{x}/{y}.mvt']);
    await behindProxy.close();
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
    expect(response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });
});
