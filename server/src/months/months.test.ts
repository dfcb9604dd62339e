/**
 * The months rule on every route that takes a month, on both engines, over the
 * hand-made operational fixture (months 2026-09 and 2026-10; issue 10: `0000-01` answered 500; a month without data answered 200 with
 * zeros on figures and 400 on hotspots).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { useTestApp } from '../../test/test-app.ts';
import { monthOf, monthWithoutData } from './months.ts';

const fixture = readFileSync(new URL('../../test/operational-fixture.sql', import.meta.url), 'utf8');

describe('monthOf', () => {
  it('the asked month when it has data, else the latest; a month without data is the 404', () => {
    expect(monthOf(['2026-09', '2026-10'], '2026-09')).toBe('2026-09');
    expect(monthOf(['2026-09', '2026-10'], undefined)).toBe('2026-10');
    expect(() => monthOf(['2026-09', '2026-10'], '2019-03')).toThrow('month: 2019-03 has no data; data exist from 2026-09 to 2026-10');
    expect(() => monthOf([], undefined)).toThrow('month: No month has data; the city has no data yet');
  });

  it('the 404 names the month and the range in both languages', () => {
    const error = monthWithoutData('2019-03', ['2021-10', '2022-01', '2026-10']);
    expect(error).toMatchObject({ statusCode: 404, code: 'month_without_data' });
    expect(error.text).toEqual({
      en: 'month: 2019-03 has no data; data exist from 2021-10 to 2026-10',
      de: 'month: 2019-03 hat keine Daten; Daten gibt es von 2021-10 bis 2026-10',
    });
  });
});

describe.each(engines)('the months rule on every route on %s (issue 10)', (engine) => {
  const t = useTestApp(engine);
  let months: string[];
  let propertyId: number;
  beforeAll(async () => {
    await t.db.pool.query(fixture);
    months = (await t.app.inject('/api/months')).json().months;
    propertyId = (await t.db.pool.query('SELECT min(id) AS id FROM property')).rows[0].id;
  });

  const routes = () => [
    `/api/figures?level=district&month=`,
    `/api/figures.csv?level=district&month=`,
    `/api/summary?bbox=7.1,51.5,7.3,51.6&month=`,
    `/api/properties.geojson?month=`,
    `/api/properties/${propertyId}?month=`,
    `/api/coverage?level=district&month=`,
    `/api/analysis/hotspots?layer=registered&level=district&method=gi_star&permutations=0&month=`,
  ];

  it('the fixture has two months with data', () => {
    expect(months).toEqual(['2026-09', '2026-10']);
  });

  it('a well-formed month without data is 404 month_without_data naming the month and the months with data', async () => {
    for (const route of routes()) {
      const response = await t.app.inject(`${route}1990-01`);
      expect(response.statusCode, route).toBe(404);
      expect(response.json(), route).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'month_without_data',
        message: `month: 1990-01 has no data; data exist from ${months[0]} to ${months.at(-1)}`,
        problems: [{ field: 'month', code: 'month_without_data', message: `1990-01 has no data; data exist from ${months[0]} to ${months.at(-1)}` }],
      });
      const german = await t.app.inject({ url: `${route}1990-01`, headers: { 'accept-language': 'de' } });
      expect(german.json().message, route).toBe(`month: 1990-01 hat keine Daten; Daten gibt es von ${months[0]} bis ${months.at(-1)}`);
    }
  });

  it('a malformed month (0000-01, 2026-13, 2026-1) is a 400 naming month; 0000-01 answered 500', async () => {
    for (const route of routes()) {
      for (const bad of ['0000-01', '2026-13', '2026-1']) {
        const response = await t.app.inject(`${route}${bad}`);
        expect(response.statusCode, `${route}${bad}`).toBe(400);
        expect(response.json().problems, `${route}${bad}`).toEqual([{ field: 'month', code: 'pattern', message: 'must be a month as YYYY-MM (e.g. 2026-10)' }]);
      }
    }
  });

  it('without a month every route answers for the latest month with data; a month with data is answered', async () => {
    const latest = months.at(-1);
    expect((await t.app.inject('/api/figures?level=district')).json().month).toBe(latest);
    expect((await t.app.inject('/api/summary?bbox=7.1,51.5,7.3,51.6')).json().month).toBe(latest);
    expect((await t.app.inject('/api/coverage?level=district')).json().month).toBe(latest);
    expect((await t.app.inject('/api/properties.geojson')).json().month).toBe(latest);
    for (const route of routes()) {
      const response = await t.app.inject(`${route}${months[0]}`);
      expect(response.statusCode, `${route}${months[0]}: ${response.body.slice(0, 200)}`).toBe(200);
    }
  });

  it('the OpenAPI document lists the 404 ErrorResponse on every route that takes a month', async () => {
    await t.app.ready();
    const paths = (t.app.swagger() as { paths: Record<string, { get: { parameters?: { name: string }[]; responses: Record<string, unknown> } }> }).paths;
    const withMonth = Object.entries(paths).filter(([, spec]) => spec.get?.parameters?.some((p) => p.name === 'month'));
    expect(withMonth.map(([path]) => path).sort()).toEqual(
      ['/api/analysis/hotspots', '/api/coverage', '/api/figures', '/api/figures.csv', '/api/properties.geojson', '/api/properties/{id}', '/api/summary'].sort(),
    );
    for (const [path, spec] of withMonth) expect(spec.get.responses['404'], path).toBeDefined();
  });
});
