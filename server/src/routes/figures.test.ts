/**
 * Figures, properties and coverage over a small hand-made data set
 * (server/test/operational-fixture.sql), on both engines: every expected number
 * below can be added up from that file.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/engines.ts';
import { useTestApp } from '../../test/test-app.ts';

const fixture = readFileSync(new URL('../../test/operational-fixture.sql', import.meta.url), 'utf8');
const zeroCounts = { ro: 0, bg: 0, other: 0, roBg: 0, roBgUnder6: 0, roBg6to17: 0, roBgOver5y: 0 };

describe.each(engines)('figures, properties and coverage on %s', (engine) => {
  const t = useTestApp(engine);
  let district1: number;
  let district2: number;
  beforeAll(async () => {
    await t.db.pool.query(fixture);
    const { rows } = await t.db.pool.query("SELECT id FROM area WHERE level = 'district' ORDER BY key LIMIT 2");
    [district1, district2] = rows.map((r) => r.id);
  });
  const get = async (url: string) => {
    const response = await t.app.inject(url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };

  it('GET /api/months lists the months with resident counts', async () => {
    expect(await get('/api/months')).toEqual({ months: ['2026-09', '2026-10'], latest: '2026-10' });
  });

  it('GET /api/figures per district: counts, estimate ranges as sums of ranges, properties, visits', async () => {
    const figures = await get('/api/figures?level=district');
    expect(figures).toMatchObject({ level: 'district', month: '2026-10', synthetic: false });
    expect(figures.areas).toHaveLength(32);
    const byId = new Map(figures.areas.map((a: { areaId: number }) => [a.areaId, a]));
    expect(byId.get(district1)).toMatchObject({
      registered: { ro: 14, bg: 8, other: 2, roBg: 22, roBgUnder6: 4, roBg6to17: 3, roBgOver5y: 9 },
      unregistered: { low: 5, high: 12 },
      properties: 2,
      problemProperties: 1,
      visits: 3,
      lastVisit: '2026-10-21',
    });
    expect(byId.get(district2)).toMatchObject({
      registered: { ro: 0, bg: 8, other: 0, roBg: 8, roBgUnder6: 2, roBg6to17: 0, roBgOver5y: 2 },
      unregistered: { low: 2, high: 4 },
      properties: 1,
      problemProperties: 1,
      visits: 0,
      lastVisit: '2026-06-15',
    });
    const empty = figures.areas.find((a: { areaId: number }) => a.areaId !== district1 && a.areaId !== district2);
    expect(empty).toMatchObject({ registered: zeroCounts, unregistered: null, properties: 0, visits: 0, lastVisit: null });
    expect(figures.total).toMatchObject({
      registered: { ro: 14, bg: 16, other: 2, roBg: 30, roBgUnder6: 6, roBg6to17: 3, roBgOver5y: 11 },
      unregistered: { low: 7, high: 16 },
      properties: 3,
      problemProperties: 2,
      visits: 3,
    });
  });

  it('every level adds up to the city total, in any month', async () => {
    for (const month of ['2026-09', '2026-10']) {
      const total = (await get(`/api/figures?level=city&month=${month}`)).areas[0];
      for (const level of ['borough', 'quarter', 'district']) {
        const { areas } = await get(`/api/figures?level=${level}&month=${month}`);
        const sum = (pick: (a: { registered: { roBg: number }; unregistered: { low: number; high: number } | null; visits: number }) => number) =>
          areas.reduce((s: number, a: Parameters<typeof pick>[0]) => s + pick(a), 0);
        expect(sum((a) => a.registered.roBg), `${level} ${month}`).toBe(total.registered.roBg);
        expect(sum((a) => a.unregistered?.low ?? 0), `${level} ${month}`).toBe(total.unregistered?.low ?? 0);
        expect(sum((a) => a.unregistered?.high ?? 0), `${level} ${month}`).toBe(total.unregistered?.high ?? 0);
        expect(sum((a) => a.visits), `${level} ${month}`).toBe(total.visits);
      }
    }
  });

  it('GET /api/figures.csv is the same figures for spreadsheets, saying on every row whether they are synthetic', async () => {
    const response = await t.app.inject('/api/figures.csv?level=district&month=2026-10');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="quartiersatlas-05916000-district-2026-10.csv"');
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 32 + 1);
    expect(lines[0]).toBe(
      'gebiet_schluessel;gebiet;monat;registriert_ro;registriert_bg;registriert_ro_bg;davon_unter_6;davon_6_bis_17;davon_ueber_5_jahre_gemeldet;nicht_registriert_schaetzung_von;nicht_registriert_schaetzung_bis;immobilien;problemimmobilien;besuche;letzter_besuch;zensus_2011_einwohner;synthetisch',
    );
    const { rows } = await t.db.pool.query('SELECT key, name, zensus_population FROM area WHERE id = $1', [district1]);
    expect(lines).toContain(`${rows[0].key};${rows[0].name};2026-10;14;8;22;4;3;9;5;12;2;1;3;2026-10-21;${rows[0].zensus_population};nein`);
    expect(lines.at(-1)).toMatch(/^05916000;Herne \(gesamt\);2026-10;14;16;30;6;3;11;7;16;3;2;3;2026-10-21;154452;nein$/);
  });

  it('GET /api/summary sums the properties inside the map view; outside it there is nothing', async () => {
    const city = await get('/api/city');
    const all = await get(`/api/summary?bbox=${city.bbox.join(',')}&month=2026-10`);
    expect(all).toMatchObject({ month: '2026-10', properties: 3, problemProperties: 2, visits: 3, unregistered: { low: 7, high: 16 } });
    expect(all.registered.roBg).toBe(30);
    const nothing = await get('/api/summary?bbox=10,50,10.1,50.1');
    expect(nothing).toMatchObject({ properties: 0, registered: zeroCounts, unregistered: null, visits: 0 });
    expect((await t.app.inject('/api/summary?bbox=1,2')).json().message).toBe('bbox: "1,2" must be four numbers west,south,east,north');
  });

  it('GET /api/properties.geojson: points with the status at the end of the month, residents and the estimate range', async () => {
    const october = await get('/api/properties.geojson?month=2026-10');
    expect(october.month).toBe('2026-10');
    const byKey = Object.fromEntries(october.features.map((f: { properties: { key: string } }) => [f.properties.key, f]));
    expect(byKey['T-1'].properties).toEqual({
      key: 'T-1',
      address: 'Teststraße 10',
      is_problem: true,
      status: 'order_issued',
      ro_bg: 17,
      unregistered_low: 5,
      unregistered_high: 12,
      synthetic: false,
    });
    expect(byKey['T-2'].properties).toEqual({ key: 'T-2', address: 'Teststraße 12', is_problem: false, ro_bg: 5, synthetic: false });
    expect(byKey['T-3'].properties.status).toBeUndefined(); // reported only in November
    // November has a status event but no resident counts: a month without data (issue 10), not a map of zeros.
    const november = await t.app.inject('/api/properties.geojson?month=2026-11');
    expect(november.statusCode).toBe(404);
    expect(november.json()).toMatchObject({ code: 'month_without_data', message: 'month: 2026-11 has no data; data exist from 2026-09 to 2026-10' });
    expect(byKey['T-1'].geometry.type).toBe('Point');
  });

  it('GET /api/properties/:id: timeline in procedure order, residents over time with ranges, visits, overcrowding as a range', async () => {
    const { rows } = await t.db.pool.query("SELECT id FROM property WHERE key = 'T-1'");
    const property = await get(`/api/properties/${rows[0].id}`);
    expect(property).toMatchObject({ key: 'T-1', flats: 6, livingAreaM2: 200, ownerType: 'private', isProblem: true, status: 'order_issued', synthetic: false });
    expect(property.areas.map((a: { level: string }) => a.level)).toEqual(['district', 'quarter', 'borough', 'city']);
    expect(property.areas[0].id).toBe(district1);
    const inside = await t.db.pool.query('SELECT ST_Intersects(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) AS inside FROM area WHERE id = $3', [...property.location, district1]);
    expect(inside.rows[0].inside).toBe(true);
    expect(property.timeline).toEqual([
      { status: 'reported', date: '2025-03-02', note: 'Hinweis Nachbarschaft' },
      { status: 'inspected', date: '2025-04-10', note: null },
      { status: 'defects_found', date: '2025-04-10', note: 'Schimmel in 3 Wohnungen' },
      { status: 'order_issued', date: '2025-06-01', note: null },
    ]);
    expect(property.residents).toEqual([
      { month: '2026-09', registered: { ...zeroCounts, ro: 9, roBg: 9, roBgOver5y: 3 }, unregistered: null, basis: null },
      {
        month: '2026-10',
        registered: { ro: 14, bg: 3, other: 2, roBg: 17, roBgUnder6: 4, roBg6to17: 3, roBgOver5y: 4 },
        unregistered: { low: 5, high: 12 },
        basis: 'Begehung Ordnungsamt',
      },
    ]);
    expect(property.visits).toEqual([{ month: '2026-10', visits: 3, byTopic: { health: 2, school: 1 } }]);
    expect(property.lastVisit).toBe('2026-10-21');
    // 4 children under 6 (24 m²) + 15 persons 6+ (135 m²) + estimate 5…12: 189 … 267 m² against 200 m²
    expect(property.overcrowding).toMatchObject({ month: '2026-10', persons: { low: 24, high: 31 }, requiredM2: { low: 189, high: 267 }, livingAreaM2: 200, verdict: 'possibly' });
    expect((await t.app.inject('/api/properties/999999')).json().message).toBe('Property 999999 was not found');
  });

  it('GET /api/coverage: workload per FTE with shared areas split, languages and gaps per district', async () => {
    const coverage = await get('/api/coverage?level=district');
    expect(coverage.rules).toEqual({ maxDaysWithoutVisit: 90, minResidentsForLanguageNeed: 10 });
    const [fm1, fm2] = coverage.caseManagers;
    // FM-1: district 1 alone (22 + 5…12) and half of district 2 (8/2 + 2…4 / 2), 1.0 FTE
    expect(fm1).toMatchObject({ key: 'T-FM-1', employerKind: 'city', funding: 'municipal', languages: ['de', 'ro'], fte: 1, areaIds: [district1, district2].sort((a, b) => a - b) });
    expect(fm1).toMatchObject({ residentsPerFte: 26, unregisteredPerFte: { low: 6, high: 14 }, visits: 3, visitsPerFte: 3 });
    expect(fm1.office).toEqual({ key: 'T-BS-1', name: 'Beratungsstelle Test' });
    // FM-2: half of district 2 at 0.5 FTE
    expect(fm2).toMatchObject({ key: 'T-FM-2', funding: 'kim', residentsPerFte: 8, unregisteredPerFte: { low: 2, high: 4 }, visits: 0, visitsPerFte: 0 });
    const byId = new Map(coverage.areas.map((a: { areaId: number }) => [a.areaId, a]));
    expect(byId.get(district1)).toMatchObject({ caseManagerIds: [fm1.id], neededLanguages: [['ro']], missingLanguages: [], daysSinceLastVisit: 10, gaps: [] });
    expect(byId.get(district2)).toMatchObject({ languages: ['de', 'ro', 'tr'], neededLanguages: [], daysSinceLastVisit: 138, gaps: ['no_recent_visit'] });
    const uncovered = coverage.areas.filter((a: { caseManagerIds: number[] }) => a.caseManagerIds.length === 0);
    expect(uncovered.length).toBe(30);
    for (const area of uncovered) expect(area.gaps).toEqual([]); // nobody lives there in this data set
  });
});
