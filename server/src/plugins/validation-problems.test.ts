/**
 * Validation answers of the real app (issue 10): every invalid parameter in one answer,
 * enumerations listing their values, messages in the request's language, a code per problem.
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { useTestApp } from '../../test/test-app.ts';
import { fieldName } from './validation-problems.ts';

describe('fieldName', () => {
  it('writes a JSON pointer as the client wrote the field', () => {
    expect(fieldName('/features/3/properties/residents', 'body')).toBe('features[3].properties.residents');
    expect(fieldName('/weights', 'body', 'type')).toBe('weights.type');
    expect(fieldName('', 'querystring', 'level')).toBe('level');
    expect(fieldName('', 'querystring')).toBe('query');
    expect(fieldName('/a~1b', 'body')).toBe('a/b');
  });
});

describe.each(engines)('validation answers on %s (issue 10)', (engine) => {
  const t = useTestApp(engine);

  it('an enumeration lists the allowed values once, not "must be equal to constant" per value', async () => {
    const response = await t.app.inject('/api/figures?level=street');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'bad_request',
      message: 'level: must be one of: city, borough, quarter, district',
      problems: [{ field: 'level', code: 'enum', message: 'must be one of: city, borough, quarter, district' }],
    });
  });

  it('all missing and invalid parameters are named in one answer, in German when asked', async () => {
    const response = await t.app.inject({ url: '/api/analysis/hotspots?level=h3_7&month=2026-13&permutations=-1&fdr=vielleicht', headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    expect(response.statusCode).toBe(400);
    const problems = response.json().problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'layer', code: 'required', message: 'fehlt' },
        { field: 'method', code: 'required', message: 'fehlt' },
        { field: 'level', code: 'enum', message: 'muss einer der Werte borough, quarter, district, h3_8, h3_9 sein' },
        { field: 'month', code: 'pattern', message: 'muss ein Monat im Format JJJJ-MM sein (z. B. 2026-10)' },
        { field: 'permutations', code: 'minimum', message: 'muss >= 0 sein' },
        { field: 'fdr', code: 'type', message: 'muss true oder false sein' },
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('a union of object and null in a body names the deepest field that failed', async () => {
    const body = { features: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point' }, properties: {} }] }, valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', transform: 'row' } };
    const response = await t.app.inject({ method: 'POST', url: '/api/analysis/hotspots', payload: body });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems).toEqual([{ field: 'features.features[0].geometry.coordinates', code: 'required', message: 'is required' }]);
  });

  it('a parameter given twice is named, not a 500', async () => {
    const month = await t.app.inject('/api/figures?level=district&month=2026-09&month=2026-10');
    expect(month.statusCode).toBe(400);
    expect(month.json().problems).toEqual([{ field: 'month', code: 'type', message: 'must be a single text value' }]);
    const level = await t.app.inject('/api/figures?level=district&level=quarter');
    expect(level.json().problems).toEqual([{ field: 'level', code: 'enum', message: 'must be one of: city, borough, quarter, district' }]);
  });

  it('route-level problems are in the request language too', async () => {
    const en = await t.app.inject('/api/layers/districts.geojson?bbox=1,2,x,4');
    expect(en.json()).toMatchObject({ message: 'bbox: "x" (east) is not a number', problems: [{ field: 'bbox', code: 'not_a_number' }] });
    const de = await t.app.inject({ url: '/api/layers/districts.geojson?bbox=1,2,x,4', headers: { 'accept-language': 'de' } });
    expect(de.json()).toMatchObject({ message: 'bbox: "x" (Ost) ist keine Zahl', problems: [{ field: 'bbox', code: 'not_a_number', message: '"x" (Ost) ist keine Zahl' }] });
  });
});
