import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { engines, openTestDatabase } from '../../test/engines.ts';
import { findCityManifest } from './city-manifest.ts';
import { officialNamesFromHierarchy, seedCity } from './seed-city.ts';
import { UnknownCityError } from './resolve-city.ts';

const { dataDir } = loadConfig({});
const counts = async (db: Database) =>
  (
    await db.pool.query(`SELECT (SELECT count(*) FROM area)::int AS area, (SELECT count(*) FROM zensus_cell)::int AS zensus,
      (SELECT count(*) FROM context_region)::int AS context, (SELECT count(*) FROM area_official_name)::int AS names,
      (SELECT count(*) FROM dataset)::int AS dataset`)
  ).rows[0];

describe.each(engines)('seedCity on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine, { seeded: false });
  });
  afterAll(() => db?.close());

  it('an unknown AGS stops before anything is written, naming the value', async () => {
    const before = await counts(db);
    const error = await seedCity(db.pool, '05999999', { dataDir }).catch((e) => e);
    expect(error).toBeInstanceOf(UnknownCityError);
    expect(error.message).toMatch(/^CITY_AGS="05999999" is not a municipality in the boundary data/);
    expect(await counts(db)).toEqual(before);
  });

  it('a Kreis key is not a city: 05562000 (Kreis Recklinghausen) is refused, 05562032 (Recklinghausen) is not', async () => {
    const error = await seedCity(db.pool, '05562000', { dataDir }).catch((e) => e);
    expect(error).toBeInstanceOf(UnknownCityError);
    const result = await seedCity(db.pool, '05562032', { dataDir });
    expect(result).toMatchObject({ seeded: true, name: 'Recklinghausen', areas: 0 });
  });

  it('each city keeps its own neighbours: a second city does not add context regions to the first', async () => {
    const { rows } = await db.pool.query("SELECT count(*)::int AS n, bool_or(ags = '05562032') AS has_self FROM context_region WHERE city_ags = '05562032'");
    expect(rows[0].n).toBeGreaterThan(3);
    expect(rows[0].has_self).toBe(false); // never the city itself
  });

  it('seeds Herne once, reporting progress; a second run changes nothing', async () => {
    const progress: string[] = [];
    const first = await seedCity(db.pool, '05916000', { dataDir, onProgress: (m) => progress.push(m) });
    expect(first).toEqual({ seeded: true, name: 'Herne', areas: 49, zensusCells: 2917 });
    // One line per finished step, with its duration (issue 10: npm start shows what it is doing).
    expect(progress[0]).toMatch(/^city boundary of Herne \(05916000\), \d+\.\d s$/);
    expect(progress).toContainEqual(expect.stringMatching(/^2917 Zensus 2011 grid cells, \d+\.\d s$/));
    expect(progress.filter((m) => !m.endsWith(' s so far')).every((m) => /, \d+\.\d s$/.test(m))).toBe(true);
    const after = await counts(db);
    expect(after).toMatchObject({ zensus: 2917 });
    const herne = await db.pool.query("SELECT (SELECT count(*) FROM area WHERE city_ags = '05916000')::int AS area, (SELECT count(*) FROM context_region WHERE city_ags = '05916000')::int AS context");
    expect(herne.rows[0]).toEqual({ area: 50, context: 52 });
    expect(await seedCity(db.pool, '05916000', { dataDir })).toEqual({ seeded: false, name: 'Herne', areas: 0, zensusCells: 0 });
    expect(await counts(db)).toEqual(after);
  });

  it('loads the synthetic operational data through the importer, calibrated to the published figures', async () => {
    const { rows } = await db.pool.query(`
      SELECT (SELECT count(*) FROM property WHERE city_ags = '05916000')::int AS properties,
             (SELECT count(*) FROM property WHERE city_ags = '05916000' AND is_problem)::int AS problem_properties,
             (SELECT sum(ro + bg) FROM property_month_residents WHERE month = '2026-10-01')::int AS ro_bg_latest,
             (SELECT sum(ro + bg) FROM property_month_residents WHERE month = '2021-10-01')::int AS ro_bg_first,
             (SELECT sum(low) FROM unregistered_estimate WHERE month = '2026-10-01')::int AS low,
             (SELECT sum(high) FROM unregistered_estimate WHERE month = '2026-10-01')::int AS high,
             (SELECT count(*) FROM case_manager WHERE city_ags = '05916000')::int AS case_managers,
             (SELECT count(*) FROM case_manager WHERE funding = 'kim')::int AS kim,
             (SELECT count(*) FROM case_manager WHERE funding = 'kim' AND employer_kind = 'charity')::int AS kim_charity,
             (SELECT count(*) FROM property WHERE area_id IS NULL)::int AS without_area,
             (SELECT bool_and(d.synthetic) FROM resident_count AS r JOIN dataset AS d ON d.id = ANY (r.datasets))::boolean AS all_synthetic`);
    // The mission's figures (data/synthetic/ASSUMPTIONS.md): 3,839 now, 2,450 five years earlier, 500–700 unregistered, ~70 problem properties, 20 case managers (10 KIM, 7 of them charities)
    expect(rows[0]).toEqual({
      properties: 250,
      problem_properties: 70,
      ro_bg_latest: 3839,
      ro_bg_first: 2450,
      low: 500,
      high: 700,
      case_managers: 20,
      kim: 10,
      kim_charity: 7,
      without_area: 0,
      all_synthetic: true,
    });
  });

  it('each level adds up to the city Zensus total (154,452, SOURCES.md §8)', async () => {
    const { rows } = await db.pool.query("SELECT level, sum(zensus_population)::int AS pop FROM area WHERE city_ags = '05916000' GROUP BY level ORDER BY level");
    expect(rows).toEqual([
      { level: 'borough', pop: 154452 },
      { level: 'city', pop: 154452 },
      { level: 'district', pop: 154452 },
      { level: 'quarter', pop: 154452 },
    ]);
  });

  it('a municipality outside NRW takes its boundary from VG250 Germany, with neighbours as context', async () => {
    const result = await seedCity(db.pool, '09162000', { dataDir }); // München
    expect(result).toMatchObject({ seeded: true, name: 'Gemeinde 09162000', areas: 0 });
    const { rows } = await db.pool.query("SELECT round((ST_Area(ST_Transform(geom, 25832)) / 1e6)::numeric) AS km2 FROM area WHERE city_ags = '09162000'");
    expect(Number(rows[0].km2)).toBeGreaterThan(290); // München 310.7 km², strongly simplified
    expect(Number(rows[0].km2)).toBeLessThan(330);
  });
});

describe('findCityManifest', () => {
  it('names a broken manifest and what is wrong with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qa-manifest-'));
    await mkdir(join(dir, 'nowhere'));
    await writeFile(join(dir, 'nowhere', 'city.json'), JSON.stringify({ ags: '0591', name: 'X', areas: [] }));
    expect(() => findCityManifest(dir, '05916000')).toThrow(new RegExp(`^${join(dir, 'nowhere', 'city.json')} is not a valid city manifest: /ags `));
    await rm(dir, { recursive: true, force: true });
  });

  it("finds Herne's manifest by its AGS", () => {
    expect(findCityManifest(dataDir, '05916000')?.manifest.officialCounts).toEqual({ borough: 4, quarter: 13, district: 32 });
    expect(findCityManifest(dataDir, '05911000')).toBeUndefined();
  });
});

describe('officialNamesFromHierarchy', () => {
  it('keeps names per level with their parent and drops remarks in brackets', () => {
    const names = officialNamesFromHierarchy([
      { stadtbezirk: 'Herne-Mitte', ortsteil: 'Herne-Mitte', statistische_bezirke_known: 'Herne-Zentrum (others unknown)', source_url: 'u' },
      { stadtbezirk: 'Herne-Mitte', ortsteil: 'Herne-Süd', statistische_bezirke_known: '', source_url: 'u' },
    ]);
    expect(names).toEqual([
      { level: 'borough', name: 'Herne-Mitte', parent_name: null, source_url: 'u' },
      { level: 'quarter', name: 'Herne-Mitte', parent_name: 'Herne-Mitte', source_url: 'u' },
      { level: 'district', name: 'Herne-Zentrum', parent_name: 'Herne-Mitte', source_url: 'u' },
      { level: 'quarter', name: 'Herne-Süd', parent_name: 'Herne-Mitte', source_url: 'u' },
    ]);
  });
});
