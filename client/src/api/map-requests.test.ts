/**
 * MapLibre's loads (issue 10): our tile, TileJSON and GeoJSON URLs get the UI language and
 * same-origin credentials and lose the version fragment; other hosts (a basemap) get
 * nothing; a load our server refused with 401/403 reaches the auth listeners. The page's
 * `location` is set for these tests, as MapLibre only runs in a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setApiLocale } from './api-locale.ts';
import { onAuthError, type AuthErrorEvent } from './auth-events.ts';
import { reportMapError, transformMapRequest } from './map-requests.ts';

const origin = 'http://127.0.0.1:8080';
const saved = Object.getOwnPropertyDescriptor(globalThis, 'location');

beforeAll(() => {
  Object.defineProperty(globalThis, 'location', { value: new URL(`${origin}/?lang=en`), configurable: true });
});
afterAll(() => {
  if (saved) Object.defineProperty(globalThis, 'location', saved);
  else delete (globalThis as { location?: unknown }).location;
  setApiLocale('de');
});

describe('transformMapRequest (issue 10)', () => {
  it('our tiles, TileJSON and GeoJSON sources (absolute or relative): language, credentials, no fragment', () => {
    setApiLocale('en');
    expect(transformMapRequest(`${origin}/tiles/quarters/12/2138/1369.mvt`)).toEqual({
      url: `${origin}/tiles/quarters/12/2138/1369.mvt`,
      headers: { 'accept-language': 'en' },
      credentials: 'same-origin',
    });
    expect(transformMapRequest(`${origin}/tiles/city.json`).credentials).toBe('same-origin');
    setApiLocale('de');
    expect(transformMapRequest('/api/analysis/units.geojson?level=h3_8#v2')).toEqual({
      url: '/api/analysis/units.geojson?level=h3_8',
      headers: { 'accept-language': 'de' },
      credentials: 'same-origin',
    });
  });

  it('another host, or our host outside the API, gets nothing added', () => {
    expect(transformMapRequest('https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/tiles/v2/bm_web_de_3857/1/1/1.pbf')).toEqual({
      url: 'https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/tiles/v2/bm_web_de_3857/1/1/1.pbf',
    });
    expect(transformMapRequest(`${origin}/assets/style.json`)).toEqual({ url: `${origin}/assets/style.json` });
  });
});

describe('reportMapError (issue 10)', () => {
  it("passes our server's 401/403 of a map load to the auth listeners, nothing else", () => {
    const events: AuthErrorEvent[] = [];
    const unsubscribe = onAuthError((event) => events.push(event));
    // The fields of MapLibre's AJAXError
    reportMapError({ status: 401, statusText: 'Unauthorized', url: `${origin}/tiles/districts/13/4277/2738.mvt` });
    reportMapError({ status: 403, statusText: 'Forbidden', url: `${origin}/api/properties.geojson?month=2026-10#v1` });
    reportMapError({ status: 404, statusText: 'Not Found', url: `${origin}/tiles/districts/1/1/1.mvt` });
    reportMapError({ status: 401, statusText: 'Unauthorized', url: 'https://basemap.example/style.json' });
    reportMapError(new Error('WebGL context lost'));
    reportMapError(undefined);
    unsubscribe();
    expect(events).toEqual([
      { status: 401, url: `${origin}/tiles/districts/13/4277/2738.mvt`, via: 'map' },
      { status: 403, url: `${origin}/api/properties.geojson?month=2026-10`, via: 'map' },
    ]);
  });
});
