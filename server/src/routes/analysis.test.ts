/**
 * Thematic analysis over HTTP, on both engines: series per level, the H3 hexagons,
 * hotspots of the app's own data (GET) and of sent-in GeoJSON (POST). The seeded
 * template holds no operational data (global-setup seeds with operationalData: false,
 * checked in the first test), so the tests load server/test/operational-fixture.sql and
 * ./analysis-fixture.sql and add up every expectation from the tables with their own SQL.
 */
import { readFileSync } from 'node:fs';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { listenTestApp, useTestApp } from '../../test/test-app.ts';
import type { AnalysisSeries, HexagonCollection, HotspotResult, UnitSeries } from '../schemas/analysis.ts';

const operationalFixture = readFileSync(new URL('../../test/operational-fixture.sql', import.meta.url), 'utf8');
const analysisFixture = readFileSync(new URL('./analysis-fixture.sql', import.meta.url), 'utf8');
const CITY = '05916000';
/** 2024-11 … 2026-10: the months of analysis-fixture.sql (those of operational-fixture.sql lie among them). */
const MONTHS = Array.from({ length: 24 }, (_, t) => {
  const month = 10 + t; // 0-based month of 2024
  return `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
});

/** Registered RO+BG per property and month, straight from resident_count (not through the view). */
const REGISTERED_SQL = `
  SELECT p.id, p.area_id, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, to_char(r.month, 'YYYY-MM') AS month, sum(r.registered)::int AS n
  FROM resident_count AS r JOIN property AS p ON p.id = r.property_id
  WHERE p.city_ags = $1 AND r.nationality IN ('ro', 'bg')
  GROUP BY p.id, p.area_id, p.geom, r.month`;

/** Per month: estimate sums (null without any), visits, and problem properties whose latest status at the month's end is not resolved. */
const CITY_MONTHLY_SQL = `
  WITH m AS (SELECT month::date AS month FROM generate_series(date '2024-11-01', date '2026-10-01', interval '1 month') AS month)
  SELECT to_char(m.month, 'YYYY-MM') AS month,
    (SELECT sum(e.low)::int FROM unregistered_estimate AS e JOIN property AS p ON p.id = e.property_id WHERE p.city_ags = $1 AND e.month = m.month) AS low,
    (SELECT sum(e.high)::int FROM unregistered_estimate AS e JOIN property AS p ON p.id = e.property_id WHERE p.city_ags = $1 AND e.month = m.month) AS high,
    (SELECT coalesce(sum(v.visits), 0)::int FROM visit AS v JOIN property AS p ON p.id = v.property_id WHERE p.city_ags = $1 AND v.month = m.month) AS visits,
    (SELECT count(*)::int FROM property AS p
      WHERE p.city_ags = $1 AND p.is_problem
        AND (SELECT e.status FROM property_status_event AS e
             WHERE e.property_id = p.id AND e.event_date < m.month + interval '1 month'
             ORDER BY e.event_date DESC, property_status_rank(e.status) DESC LIMIT 1) <> 'resolved') AS problem
  FROM m ORDER BY m.month`;

interface RegisteredRow {
  id: number;
  area_id: number;
  lon: number;
  lat: number;
  month: string;
  n: number;
}

const sumOver = (units: readonly UnitSeries[], pick: (u: UnitSeries) => (number | null)[], m: number) => units.reduce((s, u) => s + (pick(u)[m] ?? 0), 0);

/** Points around Herne (lon ≈ 7.2, lat ≈ 51.54) on a grid, with a value property `cases`. */
function pointCollection(count: number, value: (i: number) => unknown = (i) => (i * 7919) % 13, columns = 10) {
  return {
    type: 'FeatureCollection' as const,
    features: Array.from({ length: count }, (_, i) => ({
      type: 'Feature' as const,
      id: `p${i}`,
      geometry: { type: 'Point', coordinates: [7.17 + (i % columns) * 0.004, 51.52 + Math.floor(i / columns) * 0.003] },
      properties: { cases: value(i) },
    })),
  };
}

describe.each(engines)('thematic analysis on %s', (engine) => {
  const t = useTestApp(engine);
  let registered: RegisteredRow[];
  let cityMonthly: { month: string; low: number | null; high: number | null; visits: number; problem: number }[];
  let seededResidentRows: number;
  beforeAll(async () => {
    seededResidentRows = (await t.db.pool.query('SELECT count(*)::int AS n FROM resident_count')).rows[0].n;
    await t.db.pool.query(operationalFixture);
    await t.db.pool.query(analysisFixture);
    registered = (await t.db.pool.query(REGISTERED_SQL, [CITY])).rows;
    cityMonthly = (await t.db.pool.query(CITY_MONTHLY_SQL, [CITY])).rows;
  });
  const get = async <T>(url: string): Promise<T> => {
    const response = await t.app.inject(url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };
  const cityRegistered = (month: string) => registered.filter((r) => r.month === month).reduce((s, r) => s + r.n, 0);

  it('the seeded template has no operational data: every figure here comes from the fixtures', () => {
    expect(seededResidentRows).toBe(0);
    expect(registered.length).toBeGreaterThan(32 * 24);
  });

  describe('GET /api/analysis/series', () => {
    it('districts: months ascending, the city equals the sums from the tables, the units add up to the city', async () => {
      const series = await get<AnalysisSeries>('/api/analysis/series?level=district');
      expect(series).toMatchObject({ level: 'district', synthetic: false });
      expect(series.months).toEqual(MONTHS);
      expect(series.units).toHaveLength(32);
      expect(series.city.registered).toEqual(MONTHS.map(cityRegistered));
      expect(series.city.unregisteredLow).toEqual(cityMonthly.map((r) => r.low));
      expect(series.city.unregisteredHigh).toEqual(cityMonthly.map((r) => r.high));
      expect(series.city.visits).toEqual(cityMonthly.map((r) => r.visits));
      expect(series.city.problemProperties).toEqual(cityMonthly.map((r) => r.problem));
      MONTHS.forEach((month, m) => {
        expect(sumOver(series.units, (u) => u.registered, m), month).toBe(series.city.registered[m]);
        expect(sumOver(series.units, (u) => u.unregisteredLow, m), month).toBe(series.city.unregisteredLow[m] ?? 0);
        expect(sumOver(series.units, (u) => u.unregisteredHigh, m), month).toBe(series.city.unregisteredHigh[m] ?? 0);
        expect(sumOver(series.units, (u) => u.visits, m), month).toBe(series.city.visits[m]);
        expect(sumOver(series.units, (u) => u.problemProperties, m), month).toBe(series.city.problemProperties[m]);
      });
    });

    it('districts: each unit is its area, with the registered residents of the properties in it', async () => {
      const series = await get<AnalysisSeries>('/api/analysis/series?level=district');
      const { rows: areas } = await t.db.pool.query("SELECT id, key, name, zensus_population FROM area WHERE city_ags = $1 AND level = 'district' ORDER BY key", [CITY]);
      expect(series.units.map((u) => u.areaId)).toEqual(areas.map((a) => a.id));
      series.units.forEach((unit, i) => {
        expect(unit).toMatchObject({ id: String(areas[i].id), key: areas[i].key, name: areas[i].name, zensusPopulation: areas[i].zensus_population });
        const expected = MONTHS.map((month) => registered.filter((r) => r.area_id === unit.areaId && r.month === month).reduce((s, r) => s + r.n, 0));
        expect(unit.registered, unit.key).toEqual(expected);
      });
      const zensus = areas.reduce((s, a) => s + (a.zensus_population ?? 0), 0);
      expect(series.city.zensusPopulation).toBe(zensus);
      // A map is as exact as its weakest area.
      const { rows: kinds } = await t.db.pool.query("SELECT DISTINCT provenance FROM area WHERE city_ags = $1 AND level = 'district'", [CITY]);
      const all = kinds.map((k) => k.provenance);
      expect(series.provenance).toBe(['synthetic', 'approximate', 'official'].find((p) => all.includes(p)));
    });

    it('h3_8: every property in its hexagon (by h3-js), the hexagons add up to the city', async () => {
      const series = await get<AnalysisSeries>('/api/analysis/series?level=h3_8');
      expect(series).toMatchObject({ level: 'h3_8', provenance: 'official', months: MONTHS });
      expect(series.units.length).toBeGreaterThan(30);
      const ids = series.units.map((u) => u.id);
      expect(ids).toEqual([...new Set(ids)].sort());
      const byCell = new Map(series.units.map((u) => [u.id, u]));
      const last = MONTHS.length - 1;
      const expected = new Map<string, number>();
      for (const row of registered.filter((r) => r.month === MONTHS[last])) {
        const cell = latLngToCell(row.lat, row.lon, 8);
        expected.set(cell, (expected.get(cell) ?? 0) + row.n);
      }
      for (const unit of series.units) expect(unit.registered[last], unit.id).toBe(expected.get(unit.id) ?? 0);
      for (const cell of expected.keys()) expect(byCell.has(cell), cell).toBe(true);
      MONTHS.forEach((month, m) => {
        expect(sumOver(series.units, (u) => u.registered, m), month).toBe(cityRegistered(month));
        expect(sumOver(series.units, (u) => u.problemProperties, m), month).toBe(cityMonthly[m].problem);
      });
      expect(series.city.registered).toEqual(MONTHS.map(cityRegistered));
      // Every Zensus cell inside the city lies in one hexagon.
      const { rows } = await t.db.pool.query('SELECT sum(population)::int AS n FROM zensus_cell WHERE city_ags = $1 AND inside_city', [CITY]);
      expect(series.units.reduce((s, u) => s + (u.zensusPopulation ?? 0), 0)).toBe(rows[0].n);
      expect(series.city.zensusPopulation).toBe(rows[0].n);
    });

    it('h3_9: a hexagon is named after the district its centre lies in, numbered in index order', async () => {
      const series = await get<AnalysisSeries>('/api/analysis/series?level=h3_9');
      const centres = series.units.map((u) => cellToLatLng(u.id));
      // The district containing each centre, by PostGIS; null for centres just outside the city.
      const { rows } = await t.db.pool.query<{ name: string | null }>(
        `SELECT (SELECT a.name FROM area AS a WHERE a.city_ags = $1 AND a.level = 'district'
                   AND ST_Contains(a.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)) LIMIT 1) AS name
         FROM unnest($2::float8[], $3::float8[]) WITH ORDINALITY AS p(lon, lat, i) ORDER BY p.i`,
        [CITY, centres.map(([, lon]) => lon), centres.map(([lat]) => lat)],
      );
      const numbers = new Map<string, number[]>();
      series.units.forEach((unit, i) => {
        const match = /^(.+) · (\d+)$/.exec(unit.name);
        expect(match, unit.name).not.toBeNull();
        const [, district, k] = match!;
        if (rows[i].name !== null) expect(district, unit.id).toBe(rows[i].name);
        numbers.set(district, [...(numbers.get(district) ?? []), Number(k)]);
      });
      expect(rows.filter((r) => r.name !== null).length).toBeGreaterThan(series.units.length / 2);
      // Units come in H3 index order, so each district's numbers run 1, 2, 3 … in that order.
      for (const [district, list] of numbers) expect(list, district).toEqual(list.map((_, k) => k + 1));
      expect(numbers.size).toBe(32);
    });

    it('an unknown level is a 400 naming the parameter', async () => {
      const response = await t.app.inject('/api/analysis/series?level=street');
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/^level: /);
    });
  });

  describe('GET /api/analysis/units.geojson', () => {
    it('hexagons in the order of the series, each a closed ring around its own cell', async () => {
      const series = await get<AnalysisSeries>('/api/analysis/series?level=h3_8');
      const response = await t.app.inject('/api/analysis/units.geojson?level=h3_8');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
      const hexagons: HexagonCollection = response.json();
      expect(hexagons.features).toHaveLength(series.units.length);
      hexagons.features.forEach((feature, i) => {
        expect(feature.id).toBe(i);
        expect(feature.properties).toEqual({ id: series.units[i].id, zensus_population: series.units[i].zensusPopulation });
        const [ring] = feature.geometry.coordinates;
        expect(feature.geometry.coordinates).toHaveLength(1);
        expect(ring).toHaveLength(7);
        expect(ring[6]).toEqual(ring[0]);
        const lon = ring.slice(0, 6).reduce((s, p) => s + p[0], 0) / 6;
        const lat = ring.slice(0, 6).reduce((s, p) => s + p[1], 0) / 6;
        expect(latLngToCell(lat, lon, 8)).toBe(feature.properties.id);
      });
    });

    it('areas are not served as hexagons', async () => {
      const response = await t.app.inject('/api/analysis/units.geojson?level=district');
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/^level: /);
    });
  });

  describe('GET /api/analysis/hotspots', () => {
    it('districts, Gi*: one result per district in series order, the values from the tables, and a full card', async () => {
      const series = await get<AnalysisSeries>('/api/analysis/series?level=district');
      const result = await get<HotspotResult>('/api/analysis/hotspots?layer=registered&level=district&method=gi_star');
      expect(result.refusal).toBeNull();
      expect(result.units).toHaveLength(32);
      result.units.forEach((unit, i) => {
        expect(unit.index).toBe(i);
        expect(unit.id).toBe(series.units[i].id);
        const expected = registered.filter((r) => r.area_id === series.units[i].areaId && r.month === '2026-10').reduce((s, r) => s + r.n, 0);
        expect(unit.raw).toBe(expected);
        expect(unit.neighbors).toBeGreaterThan(0);
        expect(unit.bin).not.toBeNull();
      });
      expect(result.global).not.toBeNull();
      expect(result.card).toMatchObject({
        statistic: 'gi_star',
        weights: { type: 'queen', transform: 'row', crs: 'EPSG:25832', symmetric: true, k: null },
        permutations: 999,
        seed: 12345,
        fdr: true,
        // Gi* bins by the analytic p of z; the queen weights are symmetric: nothing to note.
        decidedBy: 'analytic',
        notes: [],
        units: 32,
        islands: 0,
        minUnits: 30,
        smoothing: 'none',
        layer: 'registered',
        level: 'district',
        month: '2026-10',
        synthetic: false,
        // The 24 months up to the analysed one, each with a value for every district.
        trendMonths: { from: '2024-11', to: '2026-10', steps: 24 },
      });
      expect(result.units.every((u) => u.trend !== undefined)).toBe(true);
    });

    it.each([
      ['registered', 'method=gi_star'],
      ['visits', 'method=local_moran&month=2026-06&permutations=199'],
    ])('is deterministic: two calls give the same answer (%s, %s)', async (layer, query) => {
      const url = `/api/analysis/hotspots?layer=${layer}&level=district&${query}`;
      const [a, b] = [await get<HotspotResult>(url), await get<HotspotResult>(url)];
      const timeless = (r: HotspotResult) => ({ ...r, card: { ...r.card, computeMs: 0 } });
      expect(timeless(b)).toEqual(timeless(a));
      expect(a.units.some((u) => u.pseudoP !== null && u.pseudoP < 0.5)).toBe(true);
    });

    it('an earlier month and local Moran: no trend, the card says which month', async () => {
      const result = await get<HotspotResult>('/api/analysis/hotspots?layer=visits&level=district&method=local_moran&month=2026-06&permutations=199');
      expect(result.card).toMatchObject({ statistic: 'local_moran', month: '2026-06', permutations: 199, trendMonths: null });
      const series = await get<AnalysisSeries>('/api/analysis/series?level=district');
      const m = MONTHS.indexOf('2026-06');
      result.units.forEach((unit, i) => {
        expect(unit.raw).toBe(series.units[i].visits[m]);
        expect(unit.trend).toBeUndefined();
      });
      // 2026-06 (t = 19, odd) has no visits of the A-properties: only T-3's one visit, in district 2.
      expect(result.units.reduce((s, u) => s + u.raw!, 0)).toBe(cityMonthly[m].visits);
    });

    it('change_12 has a trend over the months that have a year before them', async () => {
      const result = await get<HotspotResult>('/api/analysis/hotspots?layer=change_12&level=district&method=gi_star&permutations=0');
      expect(result.card.trendMonths).toEqual({ from: '2025-11', to: '2026-10', steps: 12 });
      expect(result.card.decidedBy).toBe('analytic');
      // The A-properties grow by one a month: every district's change over 12 months is ≥ 12.
      const series = await get<AnalysisSeries>('/api/analysis/series?level=district');
      result.units.forEach((unit, i) => expect(unit.raw).toBe(series.units[i].registered[23] - series.units[i].registered[11]));
    });

    it('registered_per_1000 is a smoothed rate of the Zensus population', async () => {
      const series = await get<AnalysisSeries>('/api/analysis/series?level=district');
      const result = await get<HotspotResult>('/api/analysis/hotspots?layer=registered_per_1000&level=district&method=gi_star&permutations=99');
      expect(result.card.smoothing).toBe('empirical_bayes');
      result.units.forEach((unit, i) => {
        const population = series.units[i].zensusPopulation;
        if (population) expect(unit.raw!).toBeCloseTo((series.units[i].registered[23] / population) * 1000, 9);
        else expect(unit.note).toBe('no value or no population');
      });
    });

    it('hexagons with k nearest neighbours: one result per hexagon', async () => {
      const series = await get<AnalysisSeries>('/api/analysis/series?level=h3_8');
      const result = await get<HotspotResult>('/api/analysis/hotspots?layer=registered&level=h3_8&method=gi_star&weights=knn&k=6&permutations=99&fdr=false');
      expect(result.units.map((u) => u.id)).toEqual(series.units.map((u) => u.id));
      expect(result.card).toMatchObject({ level: 'h3_8', fdr: false, weights: { type: 'knn', k: 6, meanNeighbors: 6 } });
    });

    it('quarters are too few for a local statistic: a refusal, not an error', async () => {
      const { rows } = await t.db.pool.query("SELECT count(*)::int AS n FROM area WHERE city_ags = $1 AND level = 'quarter'", [CITY]);
      expect(rows[0].n).toBeLessThan(30);
      const result = await get<HotspotResult>('/api/analysis/hotspots?layer=registered&level=quarter&method=gi_star');
      expect(result.refusal?.reason).toBe('too_few_units');
      expect(result.refusal?.message).toMatch(new RegExp(`^${rows[0].n} of ${rows[0].n} units have a value`));
      expect(result.units).toEqual([]);
      expect(result.card).toMatchObject({ level: 'quarter', units: rows[0].n });
    });

    it('a month without figures is a 404 month_without_data naming the month and the months with data (issue 10)', async () => {
      const response = await t.app.inject('/api/analysis/hotspots?layer=registered&level=district&method=gi_star&month=2030-01');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'month_without_data', message: 'month: 2030-01 has no data; data exist from 2024-11 to 2026-10' });
    });

    it.each([
      ['method=median', 'method'],
      ['method=gi_star&permutations=10000', 'permutations'],
      ['method=gi_star&k=0', 'k'],
      ['method=gi_star&thresholdMetres=-5', 'thresholdMetres'],
      ['method=gi_star&weights=inverse', 'weights'],
      ['method=gi_star&month=2026-13', 'month'],
      ['method=gi_star&seed=-1', 'seed'],
    ])('bad query values are a 400 naming the parameter: %s', async (query, parameter) => {
      const response = await t.app.inject(`/api/analysis/hotspots?layer=registered&level=district&${query}`);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().message).toMatch(new RegExp(`^${parameter}: `));
    });

    it('an estimate range cannot be a hotspot layer', async () => {
      const response = await t.app.inject('/api/analysis/hotspots?layer=unregistered&level=district&method=gi_star');
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/^layer: /);
    });

    it('weights the units cannot take are a 400 naming the field', async () => {
      const noBand = await t.app.inject('/api/analysis/hotspots?layer=registered&level=district&method=gi_star&weights=distance_band');
      expect(noBand.statusCode).toBe(400);
      expect(noBand.json().message).toBe('weights.thresholdMetres: a distance band needs a threshold in metres');
      const tooMany = await t.app.inject('/api/analysis/hotspots?layer=registered&level=district&method=gi_star&weights=knn&k=40');
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().message).toBe('weights.k: 40 neighbours need more than 40 units with a value (there are 32)');
      // Explicit neighbour lists only come through the POST; a band wider than any city is a typo.
      const explicit = await t.app.inject('/api/analysis/hotspots?layer=registered&level=district&method=gi_star&weights=explicit');
      expect(explicit.statusCode).toBe(400);
      expect(explicit.json().message).toMatch(/^weights: /);
      const wide = await t.app.inject('/api/analysis/hotspots?layer=registered&level=district&method=gi_star&weights=distance_band&thresholdMetres=60000');
      expect(wide.statusCode).toBe(400);
      expect(wide.json().message).toMatch(/^thresholdMetres: must be <= 50000/);
    });

    it('change over 60 months before there are 60 earlier months: a refusal that says there is no value yet', async () => {
      const result = await get<HotspotResult>(`/api/analysis/hotspots?layer=change_60&level=district&method=gi_star&month=${MONTHS[0]}`);
      expect(result.refusal).toMatchObject({ reason: 'no_values', values: { units: 32 } });
    });
  });

  describe('POST /api/analysis/hotspots', () => {
    const post = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/analysis/hotspots', payload: body as object });

    it('points with k nearest neighbours: one unit per feature, in input order, projected to EPSG:25832', async () => {
      const features = pointCollection(40);
      const response = await post({ features, valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', k: 5, transform: 'row' }, permutations: 99 });
      expect(response.statusCode, response.body).toBe(200);
      const result: HotspotResult = response.json();
      expect(result.refusal).toBeNull();
      expect(result.units.map((u) => u.id)).toEqual(features.features.map((f) => f.id));
      expect(result.units.map((u) => u.raw)).toEqual(features.features.map((f) => f.properties.cases));
      expect(result.units.every((u) => u.neighbors === 5)).toBe(true);
      expect(result.card.notes.some((n) => n.code === 'asymmetric_weights')).toBe(!result.card.weights.symmetric);
      expect(result.card).toMatchObject({
        statistic: 'gi_star',
        weights: { type: 'knn', k: 5, meanNeighbors: 5, crs: 'EPSG:25832' },
        permutations: 99,
        seed: 12345,
        fdr: true,
        units: 40,
        layer: 'cases',
        level: null,
        month: null,
        trendMonths: null,
        synthetic: false,
        smoothing: 'none',
      });
    });

    it('a distance band in metres: points 0.004° of longitude apart (≈ 277 m) are neighbours within 300 m, not within 250 m', async () => {
      const features = pointCollection(40);
      const band = async (thresholdMetres: number) => {
        const response = await post({ features, valueProperty: 'cases', method: 'gi_star', weights: { type: 'distance_band', thresholdMetres, transform: 'binary' }, permutations: 0 });
        return response;
      };
      // Rows are 0.003° of latitude (≈ 334 m) apart, so within 300 m only east–west neighbours count.
      const within300: HotspotResult = (await band(300)).json();
      expect(within300.units.map((u) => u.neighbors)).toEqual(features.features.map((_, i) => (i % 10 === 0 || i % 10 === 9 ? 1 : 2)));
      const within250 = await band(250);
      expect(within250.statusCode).toBe(400);
      expect(within250.json().message).toMatch(/^weights: None of the 40 units has a neighbour/);
    });

    it('a missing value names the feature and property', async () => {
      const features = pointCollection(40, (i) => (i === 3 ? undefined : i));
      const response = await post({ features, valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', transform: 'row' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('features[3].properties.cases: is missing');
    });

    it('fewer features than minUnits are a 400 that says why', async () => {
      const response = await post({ features: pointCollection(12), valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', k: 3, transform: 'row' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/^features: 12 of 12 units have a value; a local statistic needs at least 30/);
      // …and minUnits may be lowered to 5 (not below).
      const lowered = await post({ features: pointCollection(12), valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', k: 3, transform: 'row' }, minUnits: 5 });
      expect(lowered.statusCode, lowered.body).toBe(200);
      const tooLow = await post({ features: pointCollection(12), valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', k: 3, transform: 'row' }, minUnits: 4 });
      expect(tooLow.statusCode).toBe(400);
      expect(tooLow.json().message).toMatch(/^minUnits: /);
    });

    it('explicit neighbours with an index beyond the features name the entry', async () => {
      const neighbors = Array.from({ length: 30 }, (_, i) => [(i + 1) % 30, (i + 29) % 30]);
      neighbors[4] = [3, 30];
      const response = await post({ features: pointCollection(30), valueProperty: 'cases', method: 'local_moran', weights: { type: 'explicit', neighbors, transform: 'row' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toBe('weights.neighbors[4][1]: 30 is not an index of a feature (0–29)');
    });

    it('queen contiguity on points names weights.type', async () => {
      const response = await post({ features: pointCollection(30), valueProperty: 'cases', method: 'gi_star', weights: { type: 'queen', transform: 'row' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/^weights\.type: queen contiguity needs polygons/);
    });

    it('a body that does not fit the schema names the field', async () => {
      const response = await post({ features: pointCollection(30), valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', transform: 'row', k: 51 } });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/^weights\.k: /);
    });

    // Regression, issue 5 (a bug found by this test in run-hotspot-analysis.ts, runHotspotAnalysis, `unit.pDecision = p` where p = pDecision.get(a)!):
    // with permutations = 0, local Moran's analytic p of a unit whose value equals the mean is NaN
    // (its conditional variance is 0); such a unit is left out of `tested`, so pDecision.get(a) is
    // undefined, and the response schema (pDecision: number | null, required) fails to serialise:
    // expected 200 with pDecision null and cluster 'ns', before the fix 500. Values 0 … 10 three times: mean 5.
    it('local Moran without permutations, with a unit exactly at the mean, answers 200', async () => {
      const response = await post({ features: pointCollection(33, (i) => i % 11), valueProperty: 'cases', method: 'local_moran', weights: { type: 'knn', k: 4, transform: 'row' }, permutations: 0 });
      expect(response.statusCode, response.body).toBe(200);
      const atMean = (response.json() as HotspotResult).units.filter((u) => u.raw === 5);
      expect(atMean).toHaveLength(3);
      for (const unit of atMean) expect(unit).toMatchObject({ z: null, pDecision: null, cluster: 'ns' });
    });

    // Regression, issue 5 (a bug found by this test in run-hotspot-analysis.ts, globalStatistic): with only 4 linked units among 30 (26 islands), the
    // randomisation variance of global Moran's I comes out negative (−3.44: kurtosis over all 30 values,
    // n adjusted to 4), so z and p are NaN; GlobalMoran requires numbers and the answer does not
    // serialise: expected 200 (global null, or finite z and p), before the fix 500.
    it('global Moran with a negative randomisation variance still answers 200', async () => {
      const coords: [number, number][] = [[7.2, 51.54], [7.201, 51.54], [7.25, 51.54], [7.251, 51.54]];
      for (let i = 0; i < 26; i++) coords.push([7.1 + (i % 13) * 0.02, 51.5 + Math.floor(i / 13) * 0.02]);
      const features = { type: 'FeatureCollection', features: coords.map((c, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties: { cases: [10, 10, 0, 0][i] ?? 5 } })) };
      const response = await post({ features, valueProperty: 'cases', method: 'gi_star', weights: { type: 'distance_band', thresholdMetres: 100, transform: 'row' }, permutations: 99 });
      expect(response.statusCode, response.body).toBe(200);
      const { global } = response.json() as HotspotResult;
      if (global) expect(Number.isFinite(global.z) && Number.isFinite(global.p)).toBe(true);
    });

    it('while a long POST runs in the worker, the server answers other requests at once', async () => {
      const base = await listenTestApp(t.app);
      const send = (body: unknown) => fetch(`${base}/api/analysis/hotspots`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      // A small job first, so the worker thread has booted before the measurement.
      expect((await send({ features: pointCollection(30), valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', transform: 'row' }, permutations: 9 })).status).toBe(200);

      // 5,000 points, 8 neighbours, 1,999 permutations: about two seconds of CPU in the worker.
      const long = { features: pointCollection(5000, (i) => (i * 7919) % 13, 100), valueProperty: 'cases', method: 'gi_star', weights: { type: 'knn', k: 8, transform: 'row' }, permutations: 1999 };
      const started = performance.now();
      let postDone = 0;
      const posted = send(long).then(async (response) => {
        postDone = performance.now();
        return { status: response.status, body: (await response.json()) as HotspotResult };
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const asked = performance.now();
      const health = await fetch(`${base}/api/health`);
      const answered = performance.now();
      expect(health.status).toBe(200);
      expect((await health.json()).status).toBe('ok');
      const { status, body } = await posted;
      expect(status).toBe(200);
      expect(body.units).toHaveLength(5000);
      // The health check came back while the statistic was still running, and quickly.
      expect(postDone).toBeGreaterThan(answered);
      expect(answered - asked).toBeLessThan(500);
      expect(postDone - started).toBeGreaterThan(800);
    });
  });
});
