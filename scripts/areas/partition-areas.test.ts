/**
 * Tests of the Herne area generator, run through the real functions on the real input files
 * (herne/ in SOURCE_DATA_DIR, its default). The last test compares the generator output with
 * the committed files in data/herne/generated/ byte for byte; `REGENERATE=1 npx vitest run
 * scripts/areas/partition-areas.test.ts` rewrites them instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HERNE_AGS,
  HERNE_DISTRICT_COUNT,
  HERNE_QUARTERS_PER_BOROUGH,
  allocateByLargestRemainder,
  assignCellsToRegions,
  buildHerneAreas,
  emptyCutStats,
  parseHerneInputs,
  partitionByPopulation,
  serializeCollection,
  slugify,
  voronoiBoroughs,
  type AreaCollection,
  type AreaFeature,
  type HerneAreas,
  type HerneInputs,
  type ZensusCell,
} from './partition-areas.ts';
import { defaultSourceDataDir } from '../../server/src/config.ts';
import { readCsv } from '../../server/src/seed/read-csv.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const outDir = `${repoRoot}data/herne/generated/`;
const read = (name: string) => readFileSync(join(defaultSourceDataDir, 'herne', name), 'utf8');

const CITY_POPULATION = 154_452; // Σ pop_sum_grp of the 2,728 inside-Herne cells
const CITY_AREA_KM2 = 51.4; // official area of Herne (rounded)
/**
 * Max/min population of sibling units. Measured: quarters ≤ 1.012, districts ≤ 1.028.
 * Balancing by cell count instead of population gives 1.13–1.36 per Stadtbezirk (see the
 * "bound discriminates" test), so this bound fails if the population balancing is removed.
 */
const BALANCE_BOUND = 1.05;

let inputs: HerneInputs;
let areas: HerneAreas;
let byKey: Map<string, AreaFeature>;

const levels = (): Array<[string, AreaCollection]> => [
  ['boroughs', areas.boroughs],
  ['quarters', areas.quarters],
  ['districts', areas.districts],
];
const children = (fc: AreaCollection, parentKey: string) => fc.features.filter((f) => f.properties.parent_key === parentKey);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const ratio = (xs: number[]) => Math.max(...xs) / Math.min(...xs);
const areaM2 = (f: AreaFeature) => turf.area(f);

beforeAll(() => {
  inputs = parseHerneInputs({
    boundaryGeojson: read('herne_boundary_dvg2_2018.geojson'),
    centresCsv: read('herne_ortsteile_centres.csv'),
    gridGeojson: read('herne_zensus2011_grid100m.geojson'),
  });
  areas = buildHerneAreas(inputs);
  byKey = new Map(levels().flatMap(([, fc]) => fc.features.map((f) => [f.properties.key, f] as const)));
});

describe('inputs', () => {
  it('parses 4 Stadtbezirk seeds (not Röhlinghausen) and 2,728 inside cells', () => {
    expect(inputs.seeds.map((s) => s.name).sort()).toEqual(['Eickel', 'Herne-Mitte', 'Sodingen', 'Wanne']);
    expect(inputs.cells).toHaveLength(2728);
    expect(sum(inputs.cells.map((c) => c.population))).toBe(CITY_POPULATION);
  });

  it('quarter counts per Stadtbezirk match the admin hierarchy (14 rows, Börnig+Holthausen = 1)', () => {
    const rows = readCsv(read('herne_admin_hierarchy.csv'));
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.stadtbezirk] = (counts[r.stadtbezirk] ?? 0) + 1;
    counts.Sodingen -= 1; // Börnig and Holthausen are one statistical unit
    expect(counts).toEqual(HERNE_QUARTERS_PER_BOROUGH);
    expect(sum(Object.values(HERNE_QUARTERS_PER_BOROUGH))).toBe(13);
  });
});

describe('structure', () => {
  it('has 4 boroughs, 13 quarters, 32 districts with 3/3/4/3 quarters per borough', () => {
    expect(areas.boroughs.features).toHaveLength(4);
    expect(areas.quarters.features).toHaveLength(13);
    expect(areas.districts.features).toHaveLength(HERNE_DISTRICT_COUNT);
    for (const b of areas.boroughs.features) {
      expect(children(areas.quarters, b.properties.key)).toHaveLength(HERNE_QUARTERS_PER_BOROUGH[b.properties.name]);
    }
    for (const q of areas.quarters.features) expect(children(areas.districts, q.properties.key).length).toBeGreaterThanOrEqual(1);
  });

  it('has the documented properties, keys, levels and provenance, sorted by key', () => {
    const order = ['key', 'name', 'level', 'parent_key', 'provenance', 'method', 'source', 'zensus_population', 'cell_count'];
    for (const [name, fc] of levels()) {
      const keys = fc.features.map((f) => f.properties.key);
      expect(keys).toEqual([...keys].sort());
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of fc.features) {
        const p = f.properties;
        expect(Object.keys(p)).toEqual(order);
        expect(p.key).toMatch(/^[a-z0-9-]+$/i);
        // user-facing texts exist in both UI languages
        expect(Object.keys(p.method)).toEqual(['de', 'en']);
        expect(Object.keys(p.source)).toEqual(['de', 'en']);
        expect(p.method.de.length).toBeGreaterThan(20);
        expect(p.method.en.length).toBeGreaterThan(20);
        expect(p.method.de).not.toBe(p.method.en);
        if (name === 'boroughs') {
          expect(p).toMatchObject({ level: 'borough', parent_key: HERNE_AGS, provenance: 'approximate' });
          expect(p.key).toBe(`${HERNE_AGS}-B-${slugify(p.name)}`);
          expect(p.source.de).toMatch(/DVG2/);
          expect(p.source.en).toMatch(/DVG2/);
        } else {
          expect(p.provenance).toBe('synthetic');
          expect(p.source).toEqual({
            de: 'Zensus 2011, 100-m-Gitter (Destatis); synthetische Gliederung durch Quartiersatlas',
            en: 'Zensus 2011 100-m-Gitter (Destatis); synthetic partition by Quartiersatlas',
          });
          expect(byKey.has(p.parent_key)).toBe(true);
          expect(p.level).toBe(name === 'quarters' ? 'quarter' : 'district');
          expect(p.key).toMatch(name === 'quarters' ? /^05916000-Q-[a-z-]+-\d+$/ : /^05916000-D-[a-z-]+-\d+-\d+$/);
        }
      }
    }
  });

  it('uses neutral names only: "<Stadtbezirk> n" / "<Stadtbezirk> n.m", never a real Ortsteil name', () => {
    const ortsteile = readCsv(read('herne_admin_hierarchy.csv')).map((r) => r.ortsteil);
    ortsteile.push('Börnig/Holthausen');
    const boroughNames = new Set(areas.boroughs.features.map((b) => b.properties.name));
    for (const f of [...areas.quarters.features, ...areas.districts.features]) {
      const borough = byKey.get(f.properties.level === 'quarter' ? f.properties.parent_key : byKey.get(f.properties.parent_key)!.properties.parent_key)!;
      const n = f.properties.name;
      const escaped = borough.properties.name.replace(/[-]/g, '\\-');
      expect(n).toMatch(new RegExp(f.properties.level === 'quarter' ? `^${escaped} \\d+$` : `^${escaped} \\d+\\.\\d+$`));
      expect(ortsteile).not.toContain(n);
      // The neutral scheme prefixes the Stadtbezirk name (Wanne, Eickel, Sodingen and
      // Herne-Mitte are also Ortsteil names); no other Ortsteil name may appear.
      for (const o of ortsteile) if (!boroughNames.has(o)) expect(n).not.toContain(o);
    }
  });

  it('numbers sibling units west to east by area centroid', () => {
    for (const [parents, fc] of [
      [areas.boroughs, areas.quarters],
      [areas.quarters, areas.districts],
    ] as const) {
      for (const p of parents.features) {
        const lons = children(fc, p.properties.key)
          .sort((a, b) => Number(a.properties.key.split('-').pop()) - Number(b.properties.key.split('-').pop()))
          .map((f) => turf.centerOfMass(f).geometry.coordinates[0]);
        expect(lons).toEqual([...lons].sort((a, b) => a - b));
      }
    }
  });
});

describe('populations', () => {
  it('sum to 154,452 at every level', () => {
    for (const [, fc] of levels()) {
      expect(sum(fc.features.map((f) => f.properties.zensus_population))).toBe(CITY_POPULATION);
      expect(sum(fc.features.map((f) => f.properties.cell_count))).toBe(2728);
    }
  });

  it("each parent's population and cell count equal the sum of its children", () => {
    for (const [parents, fc] of [
      [areas.boroughs, areas.quarters],
      [areas.quarters, areas.districts],
    ] as const) {
      for (const p of parents.features) {
        const ch = children(fc, p.properties.key);
        expect(sum(ch.map((c) => c.properties.zensus_population))).toBe(p.properties.zensus_population);
        expect(sum(ch.map((c) => c.properties.cell_count))).toBe(p.properties.cell_count);
      }
    }
  });

  it('match the geometry: every cell centre lies in exactly the district that counts it', () => {
    // independent recount by point-in-polygon (all 2,728 centres lie inside some borough)
    expect(areas.report.nearestFallbackCells).toBe(0);
    const pop = new Map<string, number>();
    const count = new Map<string, number>();
    for (const c of inputs.cells) {
      const hits = areas.districts.features.filter((d) => turf.booleanPointInPolygon([c.lon, c.lat], d));
      expect(hits).toHaveLength(1);
      const k = hits[0].properties.key;
      pop.set(k, (pop.get(k) ?? 0) + c.population);
      count.set(k, (count.get(k) ?? 0) + 1);
    }
    for (const d of areas.districts.features) {
      expect(pop.get(d.properties.key)).toBe(d.properties.zensus_population);
      expect(count.get(d.properties.key)).toBe(d.properties.cell_count);
    }
  });

  it(`are balanced among siblings: max/min < ${BALANCE_BOUND}`, () => {
    for (const [parents, fc] of [
      [areas.boroughs, areas.quarters],
      [areas.quarters, areas.districts],
    ] as const) {
      for (const p of parents.features) {
        const pops = children(fc, p.properties.key).map((c) => c.properties.zensus_population);
        if (pops.length > 1) expect(ratio(pops)).toBeLessThan(BALANCE_BOUND);
      }
    }
  });

  it('bound discriminates: balancing by cell count instead of population exceeds it', () => {
    const vor = voronoiBoroughs(inputs.boundary, inputs.seeds);
    const { byRegion } = assignCellsToRegions(
      inputs.cells,
      vor.map((v) => v.geometry),
      51.54,
    );
    vor.forEach((v, i) => {
      const parts = partitionByPopulation(byRegion[i], v.geometry, HERNE_QUARTERS_PER_BOROUGH[v.seed.name], { weight: () => 1 });
      const pops = parts.map((p) => sum(p.cells.map((c) => c.population)));
      expect(ratio(pops)).toBeGreaterThan(BALANCE_BOUND);
    });
  });
});

describe('geometry', () => {
  it('all units are single Polygons without holes', () => {
    expect(areas.report.multiPolygons).toEqual({ borough: 0, quarter: 0, district: 0 });
    for (const [, fc] of levels()) {
      for (const f of fc.features) {
        expect(f.geometry.type).toBe('Polygon');
        expect((f.geometry as Polygon).coordinates).toHaveLength(1);
        expect(turf.booleanValid(f)).toBe(true);
      }
    }
  });

  it('nests: each child lies within its parent, and child areas add up to the parent area (0.1 %)', () => {
    for (const [parents, fc] of [
      [areas.boroughs, areas.quarters],
      [areas.quarters, areas.districts],
    ] as const) {
      for (const p of parents.features) {
        const ch = children(fc, p.properties.key);
        for (const c of ch) {
          expect(turf.booleanWithin(turf.pointOnFeature(c), p)).toBe(true);
          const inter = turf.intersect(turf.featureCollection([c, p]));
          expect(inter).not.toBeNull();
          expect(turf.area(inter!) / areaM2(c)).toBeGreaterThan(0.999);
        }
        expect(Math.abs(sum(ch.map(areaM2)) / areaM2(p) - 1)).toBeLessThan(0.001);
      }
    }
  });

  it('units of one level do not overlap (only cm-wide rounding slivers)', () => {
    // Rounding to 6 decimals (≈ 0.1 m) moves vertices inserted where a cut meets a
    // neighbour's slanted edge by up to 5 cm; measured max pairwise overlap: 78 m².
    const cityArea = turf.area(inputs.boundary);
    for (const [, fc] of levels()) {
      let total = 0;
      for (let i = 0; i < fc.features.length; i++) {
        for (let j = i + 1; j < fc.features.length; j++) {
          const x = turf.intersect(turf.featureCollection([fc.features[i], fc.features[j]]));
          const a = x ? turf.area(x) : 0;
          expect(a).toBeLessThan(250);
          total += a;
        }
      }
      expect(total / cityArea).toBeLessThan(1e-4);
    }
  });

  it('boroughs cover the city: union area ≈ boundary area (0.1 %) ≈ 51.4 km² (0.5 %)', () => {
    const union = turf.union(turf.featureCollection(areas.boroughs.features));
    expect(union).not.toBeNull();
    const a = turf.area(union!);
    expect(Math.abs(a / turf.area(inputs.boundary) - 1)).toBeLessThan(0.001);
    expect(Math.abs(a / 1e6 / CITY_AREA_KM2 - 1)).toBeLessThan(0.005);
    for (const [, fc] of levels()) expect(Math.abs(sum(fc.features.map(areaM2)) / a - 1)).toBeLessThan(0.001);
  });
});

describe('allocateByLargestRemainder', () => {
  it('splits proportionally and gives leftover seats to the largest remainders', () => {
    expect(allocateByLargestRemainder(7, [50, 30, 20])).toEqual([4, 2, 1]); // quotas 3.5, 2.1, 1.4
    expect(allocateByLargestRemainder(10, [6, 3, 1])).toEqual([6, 3, 1]);
    expect(allocateByLargestRemainder(5, [1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1]);
  });

  it('breaks ties by index', () => {
    expect(allocateByLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocateByLargestRemainder(4, [1, 1, 1])).toEqual([2, 1, 1]);
  });

  it('gives every unit at least the minimum, taking seats from over-represented units', () => {
    expect(allocateByLargestRemainder(5, [0, 0, 100])).toEqual([1, 1, 3]);
    expect(allocateByLargestRemainder(4, [1, 1, 1, 100])).toEqual([1, 1, 1, 1]);
    expect(allocateByLargestRemainder(6, [0, 0, 0, 1], 0)).toEqual([0, 0, 0, 6]);
    expect(allocateByLargestRemainder(3, [0, 0, 0])).toEqual([1, 1, 1]);
  });

  it('rejects impossible requests', () => {
    expect(() => allocateByLargestRemainder(2, [1, 1, 1])).toThrow();
    expect(() => allocateByLargestRemainder(2.5, [1])).toThrow();
    expect(() => allocateByLargestRemainder(3, [1, -1])).toThrow();
  });

  it('allocates the 32 districts over the 13 quarters as built', () => {
    const quarters = areas.quarters.features; // sorted by key = the tie-break order
    const seats = allocateByLargestRemainder(
      32,
      quarters.map((q) => q.properties.zensus_population),
    );
    expect(sum(seats)).toBe(32);
    expect(quarters.map((q) => children(areas.districts, q.properties.key).length)).toEqual(seats);
  });
});

describe('partitionByPopulation', () => {
  // A U-shaped region 3 × 6 km-ish (arms x∈[0,1] and [2,3], base y∈[0,1], in 0.01° units)
  // with uniform population: the preferred (north-south) cut would cut both arms and leave
  // a MultiPolygon, so the partition must switch to the east-west cut.
  const u = (x: number, y: number) => [7 + x * 0.01, 51 + y * 0.01];
  const region: Polygon = {
    type: 'Polygon',
    coordinates: [[u(0, 0), u(3, 0), u(3, 6), u(2, 6), u(2, 1), u(1, 1), u(1, 6), u(0, 6), u(0, 0)]],
  };
  const cells: ZensusCell[] = [];
  for (let i = 0; i < 30; i++) {
    for (let j = 0; j < 60; j++) {
      const x = (i + 0.5) / 10;
      const y = (j + 0.5) / 10;
      if (x > 1 && x < 2 && y > 1) continue;
      const [lon, lat] = u(x, y);
      cells.push({ cellId: `c${String(i).padStart(2, '0')}${String(j).padStart(2, '0')}`, lon, lat, population: 10 });
    }
  }

  it('avoids MultiPolygons by switching axis, keeps every cell and balances population', () => {
    const stats = emptyCutStats();
    const parts = partitionByPopulation(cells, region, 2, { stats });
    expect(parts.map((p) => p.geometry.type)).toEqual(['Polygon', 'Polygon']);
    expect(stats).toEqual({ cuts: 1, otherAxis: 1, offBest: 0, multipart: 0 });
    expect(sum(parts.map((p) => p.cells.length))).toBe(cells.length);
    expect(ratio(parts.map((p) => sum(p.cells.map((c) => c.population))))).toBeLessThan(1.05);
    expect(Math.abs(sum(parts.map((p) => turf.area(p.geometry))) / turf.area(region) - 1)).toBeLessThan(1e-6);
  });

  it('returns the region itself for k = 1 and is deterministic', () => {
    const [one] = partitionByPopulation(cells, region, 1);
    expect(turf.area(one.geometry)).toBeCloseTo(turf.area(region), 0);
    expect(JSON.stringify(partitionByPopulation(cells, region, 3))).toBe(JSON.stringify(partitionByPopulation(cells, region, 3)));
  });
});

describe('committed files', () => {
  it('are byte-identical to the generator output (REGENERATE=1 rewrites them)', () => {
    const again = buildHerneAreas(inputs);
    for (const [name, fc] of levels()) {
      const text = serializeCollection(fc);
      const path = `${outDir}${name}.geojson`;
      // deterministic within a run
      const second = name === 'boroughs' ? again.boroughs : name === 'quarters' ? again.quarters : again.districts;
      expect(serializeCollection(second)).toBe(text);
      if (process.env.REGENERATE === '1') {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(path, text);
      } else {
        expect(readFileSync(path, 'utf8')).toBe(text);
      }
    }
  });
});
