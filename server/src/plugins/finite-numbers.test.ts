/**
 * Numbers are finite and within their range on every route (issue 10: `Infinity` and
 * `1e309` were taken as integers by /api/areas/:id, /api/properties/:id and the hotspot
 * `seed` and `permutations`; a hotspot count of -1 or 1e308 answered 500).
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { useTestApp } from '../../test/test-app.ts';

/** 40 points in a grid over Herne, `cases` and `residents` per point. */
function points(cases: (i: number) => unknown, residents: (i: number) => unknown = () => 100) {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: 40 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [7.17 + (i % 10) * 0.004, 51.52 + Math.floor(i / 10) * 0.003] },
      properties: { cases: cases(i), residents: residents(i) },
    })),
  };
}

describe.each(engines)('finite numbers on %s (issue 10)', (engine) => {
  const t = useTestApp(engine);
  const hotspots = '/api/analysis/hotspots?layer=registered&level=district&method=gi_star';

  it.each([
    ['/api/areas/Infinity', 'id'],
    ['/api/areas/1e309', 'id'],
    ['/api/areas/-1e309', 'id'],
    ['/api/areas/2147483648', 'id'],
    ['/api/areas/0', 'id'],
    ['/api/properties/Infinity', 'id'],
    ['/api/properties/1e309', 'id'],
    ['/api/properties/2147483648', 'id'],
    [`${hotspots}&seed=Infinity`, 'seed'],
    [`${hotspots}&seed=1e309`, 'seed'],
    [`${hotspots}&seed=4294967296`, 'seed'],
    [`${hotspots}&permutations=1e309`, 'permutations'],
    [`${hotspots}&permutations=-Infinity`, 'permutations'],
    [`${hotspots}&k=Infinity&weights=knn`, 'k'],
    [`${hotspots}&thresholdMetres=1e309&weights=distance_band`, 'thresholdMetres'],
  ])('%s is a 400 naming %s', async (url, parameter) => {
    const response = await t.app.inject(url);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().problems.map((p: { field: string }) => p.field)).toEqual([parameter]);
  });

  const post = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/analysis/hotspots', headers: { 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
  const request = { valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', k: 4, transform: 'row' }, permutations: 9 };

  it('1e309 in a JSON body (Infinity once parsed) is a 400 naming the field', async () => {
    const body = JSON.stringify({ ...request, features: points((i) => i) }).replace('"permutations":9', '"permutations":1e309');
    const response = await post(body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().problems).toEqual([{ field: 'permutations', code: 'type', message: 'must be a whole number' }]);
    const band = JSON.stringify({ ...request, weights: { type: 'distance_band', thresholdMetres: 500, transform: 'row' }, features: points((i) => i) }).replace('"thresholdMetres":500', '"thresholdMetres":1e309');
    const answer = await post(band);
    expect(answer.statusCode, answer.body).toBe(400);
    expect(answer.json().problems).toEqual([{ field: 'weights.thresholdMetres', code: 'type', message: 'must be a finite number' }]);
  });

  it.each([
    ['a count of -1', (i: number) => (i === 3 ? -1 : i), () => 100, 'features[3].properties.cases', /-1 is negative; with populationProperty the value is a count, 0 or more/],
    ['a count of 1e308', (i: number) => (i === 3 ? 1e308 : i), () => 100, 'features[3].properties.cases', /1e\+308 is out of range/],
    ['a population of 1e308', (i: number) => i, (i: number) => (i === 3 ? 1e308 : 100), 'features[3].properties.residents', /1e\+308 is out of range/],
    ['a population of -1', (i: number) => i, (i: number) => (i === 3 ? -1 : 100), 'features[3].properties.residents', /-1 is negative/],
  ])('POST hotspots with populationProperty and %s is a 400 naming the feature property (it was 500)', async (_, cases, residents, field, reason) => {
    const response = await post({ ...request, populationProperty: 'residents', features: points(cases, residents) });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().problems).toEqual([{ field, code: 'invalid', message: expect.stringMatching(reason) }]);
  });

  it('valid counts and populations are answered', async () => {
    const response = await post({ ...request, populationProperty: 'residents', features: points((i) => i % 7, (i) => 100 + i) });
    expect(response.statusCode, response.body).toBe(200);
  });
});
