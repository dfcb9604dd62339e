import { describe, expect, it } from 'vitest';
import { seedCity } from '../seed/seed-city.ts';
import { loadConfig } from '../config.ts';
import { engines } from '../../test/engines.ts';
import { buildTestApp, useTestApp } from '../../test/test-app.ts';

describe.each(engines)('city and health routes on %s', (engine) => {
  const t = useTestApp(engine);

  it('GET /api/health names the engine, the versions and the tile encoder', async () => {
    const response = await t.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    const health = response.json();
    expect(health.engine).toBe(engine);
    expect(health.postgresVersion).toMatch(/^\d+\.\d+/);
    expect(health.postgisVersion).toMatch(/^3\.\d+\.\d+/);
    expect(health.tileEncoder).toBe(engine === 'postgis' ? 'st_asmvt' : 'node');
  });

  it('GET /api/city summarises Herne: boundary extent, area, Zensus population and three levels', async () => {
    const city = (await t.app.inject('/api/city')).json();
    expect(city.name).toBe('Herne');
    expect(city.ags).toBe('05916000');
    // SOURCES.md §1: DVG2 area 51.44 km², bbox lon 7.1236–7.2965, lat 51.5031–51.5733
    expect(city.areaKm2).toBeCloseTo(51.44, 1);
    expect(city.bbox[0]).toBeCloseTo(7.1236, 3);
    expect(city.bbox[3]).toBeCloseTo(51.5733, 3);
    // SOURCES.md §8: Σ pop_sum_grp of cells with centre inside Herne = 154,452
    expect(city.zensusPopulation).toBe(154452);
    expect(city.levels).toEqual([
      { level: 'borough', count: 4, provenance: 'approximate', officialCount: 4 },
      { level: 'quarter', count: 13, provenance: 'synthetic', officialCount: 13 },
      { level: 'district', count: 32, provenance: 'synthetic', officialCount: 32 },
    ]);
    expect(city.hasDistricts).toBe(true);
    expect(city.hasZensusGrid).toBe(true);
  });

  it('GET /api/settings gives the browser the basemap and locale, nothing else', async () => {
    expect((await t.app.inject('/api/settings')).json()).toEqual({ basemapStyleUrl: null, defaultLocale: 'de', zensusMinResidents: 30 });
    const withBasemap = await buildTestApp(t.db, { env: { BASEMAP_STYLE_URL: 'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json', DEFAULT_LOCALE: 'en' } });
    expect((await withBasemap.inject('/api/settings')).json()).toEqual({
      basemapStyleUrl: 'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/styles/bm_web_col.json',
      defaultLocale: 'en',
      zensusMinResidents: 30,
    });
    await withBasemap.close();
  });

  it('a city without district geometry (Bochum) reports hasDistricts false and keeps its boundary', async () => {
    const result = await seedCity(t.db.pool, '05911000', { dataDir: loadConfig({}).dataDir });
    expect(result).toMatchObject({ seeded: true, name: 'Bochum', areas: 0, zensusCells: 0 });
    const bochum = await buildTestApp(t.db, { env: { CITY_AGS: '05911000' } });
    const city = (await bochum.inject('/api/city')).json();
    expect(city.name).toBe('Bochum');
    expect(city.hasDistricts).toBe(false);
    expect(city.hasZensusGrid).toBe(false);
    expect(city.levels.map((l: { count: number }) => l.count)).toEqual([0, 0, 0]);
    expect(city.areaKm2).toBeGreaterThan(140); // Bochum: 145.66 km² officially
    expect(city.areaKm2).toBeLessThan(150);
    await bochum.close();
  });

  it('GET /api/docs is an OpenAPI document that lists every route with its schemas', async () => {
    const doc = (await t.app.inject('/api/docs')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/city', '/api/settings', '/api/areas/{id}', '/api/layers', '/api/layers/{layer}.geojson', '/tiles/{layer}.json', '/tiles/{layer}/{z}/{x}/{y}.mvt']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/city'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('hasDistricts');
  });

  it('unknown routes answer 404 naming the path', async () => {
    const response = await t.app.inject('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('GET /api/nothing-here does not exist');
  });
});
