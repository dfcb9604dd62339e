/**
 * Tests of Herne's synthetic data generator. The calibration checks are computed from the CSV
 * rows as the importer would read them (header names, enumerations, formats of
 * docs/import-formats.md), using the published figures as literal numbers, not the generator's
 * own constants. The last test compares the generator output with the committed files in
 * data/herne/synthetic/ byte for byte; `REGENERATE=1 npx vitest run
 * scripts/synthetic/herne-synthetic.test.ts` rewrites them instead.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultSourceDataDir } from '../../server/src/config.ts';
import { readCsv } from '../../server/src/seed/read-csv.ts';
import { cappedLargestRemainder, largestRemainder } from './allocate.ts';
import {
  FILE_COLUMNS,
  generateHerneSynthetic,
  measureSynthetic,
  parseSyntheticInputs,
  serializeSynthetic,
  SYNTHETIC_FILES,
  SYNTHETIC_SEED,
  type SyntheticFile,
  type SyntheticInputs,
} from './herne-synthetic.ts';
import { Rng } from '../../server/src/analysis/prng.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const outDir = `${repoRoot}data/herne/synthetic/`;
/** Our own files are read from the repository, the public data sets from SOURCE_DATA_DIR (its default). */
const read = (path: string) =>
  path.startsWith('source:') ? readFileSync(join(defaultSourceDataDir, path.slice('source:'.length)), 'utf8') : readFileSync(`${repoRoot}${path}`, 'utf8');

type Row = Record<string, string>;
type Area = Feature<Polygon | MultiPolygon, { key: string; name: string; parent_key: string }>;

let inputs: SyntheticInputs;
let files: Record<SyntheticFile, string>;
let rows: Record<SyntheticFile, Row[]>;
let boundary: Feature<Polygon | MultiPolygon>;
let districts: Area[];
let boroughNameOfDistrict: Map<string, string>;

const inputTexts = () => ({
  gridGeojson: read('source:herne/herne_zensus2011_grid100m.geojson'),
  boundaryGeojson: read('source:herne/herne_boundary_dvg2_2018.geojson'),
  boroughsGeojson: read('data/herne/generated/boroughs.geojson'),
  quartersGeojson: read('data/herne/generated/quarters.geojson'),
  districtsGeojson: read('data/herne/generated/districts.geojson'),
});

beforeAll(() => {
  inputs = parseSyntheticInputs(inputTexts());
  files = serializeSynthetic(generateHerneSynthetic(inputs));
  rows = Object.fromEntries(SYNTHETIC_FILES.map((f) => [f, readCsv(files[f])])) as Record<SyntheticFile, Row[]>;
  boundary = (JSON.parse(read('source:herne/herne_boundary_dvg2_2018.geojson')) as FeatureCollection<Polygon | MultiPolygon>).features[0];
  districts = (JSON.parse(read('data/herne/generated/districts.geojson')) as FeatureCollection<Polygon | MultiPolygon, Area['properties']>).features;
  const quarters = (JSON.parse(read('data/herne/generated/quarters.geojson')) as FeatureCollection<Polygon, Area['properties']>).features;
  const boroughs = (JSON.parse(read('data/herne/generated/boroughs.geojson')) as FeatureCollection<Polygon, Area['properties']>).features;
  boroughNameOfDistrict = new Map(
    districts.map((d) => {
      const q = quarters.find((x) => x.properties.key === d.properties.parent_key)!;
      return [d.properties.key, boroughs.find((b) => b.properties.key === q.properties.parent_key)!.properties.name];
    }),
  );
});

/** A decimal number as written (`.` decimals, no thousands separators); throws otherwise. */
const num = (s: string) => {
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`not a number: "${s}"`);
  return Number(s);
};
/** A whole number ≥ 0; throws otherwise. */
const int = (s: string) => {
  if (!/^\d+$/.test(s)) throw new Error(`not a whole number ≥ 0: "${s}"`);
  return Number(s);
};
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoMonth = /^\d{4}-\d{2}$/;
const isValidDay = (s: string) => isoDay.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const allMonths = Array.from({ length: 61 }, (_, m) => {
  const z = 9 + m; // 2021-10 is month index 9 of 2021
  return `${2021 + Math.floor(z / 12)}-${String((z % 12) + 1).padStart(2, '0')}`;
});
const districtOf = (lon: number, lat: number) => districts.filter((d) => turf.booleanPointInPolygon([lon, lat], d)).map((d) => d.properties.key);

/** The columns of a kind as docs/import-formats.md lists them (alternatives in parentheses left out). */
function documentedColumns(kind: string): string[] {
  const doc = read('docs/import-formats.md');
  const line = doc.split('\n').find((l) => l.startsWith(`| \`${kind}\` |`));
  if (!line) throw new Error(`kind ${kind} not in docs/import-formats.md`);
  const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
  return cells[4]
    .replace(/\([^)]*\)/g, '')
    .split(',')
    .map((c) => c.replace(/[*`\s]/g, ''))
    .filter(Boolean);
}

describe('file format (docs/import-formats.md)', () => {
  it.each(SYNTHETIC_FILES.map((f) => [f]))('%s has exactly the documented columns, in order', (file) => {
    const kind = file.replace(/\.csv$/, '');
    const header = files[file].slice(0, files[file].indexOf('\n')).split(',');
    expect(header).toEqual(documentedColumns(kind));
    expect(header).toEqual(FILE_COLUMNS[file]);
  });

  it('files are UTF-8 without BOM, comma-delimited, \\n line ends, one header, newline at the end', () => {
    for (const file of SYNTHETIC_FILES) {
      const text = files[file];
      expect(text.charCodeAt(0), file).not.toBe(0xfeff);
      expect(text, file).not.toContain('\r');
      expect(text.endsWith('\n'), file).toBe(true);
      expect(text.slice(0, text.indexOf('\n')), file).not.toContain(';');
      const width = FILE_COLUMNS[file].length;
      for (const row of rows[file]) expect(Object.keys(row).length, file).toBe(width);
      // Every data line parses to exactly the header's width (quoted fields with commas included).
      expect(rows[file].length, file).toBe(text.split('\n').length - 2);
      expect(rows[file].every((r) => Object.values(r).every((v) => v !== undefined)), file).toBe(true);
    }
  });

  it('residents.csv stays under 4 MB', () => {
    expect(Buffer.byteLength(files['residents.csv'])).toBeLessThan(4_000_000);
  });
});

describe('properties', () => {
  it('250 properties, 70 of them problem properties, keys HER-P-nnnn without duplicates', () => {
    const props = rows['properties.csv'];
    expect(props).toHaveLength(250);
    expect(props.filter((p) => p.is_problem === 'true')).toHaveLength(70);
    expect(props.every((p) => p.is_problem === 'true' || p.is_problem === 'false')).toBe(true);
    expect(props.every((p) => /^HER-P-\d{4}$/.test(p.key))).toBe(true);
    expect(new Set(props.map((p) => p.key)).size).toBe(props.length);
  });

  it('every address is synthetic: ends with "(synthetisch)", unique', () => {
    const addresses = rows['properties.csv'].map((p) => p.address);
    for (const a of addresses) expect(a).toMatch(/^\S.* \d+ \(synthetisch\)$/);
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const o of rows['offices.csv']) expect(o.address.endsWith('(synthetisch)')).toBe(true);
  });

  it('every property lies inside the city boundary and inside exactly one district', () => {
    for (const p of rows['properties.csv']) {
      const lon = num(p.lon);
      const lat = num(p.lat);
      expect(p.lon).toMatch(/^\d+\.\d{6}$/);
      expect(turf.booleanPointInPolygon([lon, lat], boundary), p.key).toBe(true);
      expect(districtOf(lon, lat), p.key).toHaveLength(1);
    }
  });

  it('flats, living area and owner types are valid; problem properties mostly private or company', () => {
    const props = rows['properties.csv'];
    for (const p of props) {
      expect(int(p.flats)).toBeGreaterThanOrEqual(1);
      expect(p.living_area_m2).toMatch(/^\d+\.\d$/);
      expect(num(p.living_area_m2)).toBeGreaterThan(0);
      expect(['private', 'company', 'municipal']).toContain(p.owner_type);
    }
    const problem = props.filter((p) => p.is_problem === 'true');
    expect(problem.filter((p) => p.owner_type !== 'municipal').length / problem.length).toBeGreaterThanOrEqual(0.9);
  });

  it('concentrates in Wanne, Herne-Mitte and Eickel (problem properties more strongly)', () => {
    const boroughOf = (p: Row) => boroughNameOfDistrict.get(districtOf(num(p.lon), num(p.lat))[0])!;
    const props = rows['properties.csv'];
    const share = (list: Row[]) => list.filter((p) => boroughOf(p) !== 'Sodingen').length / list.length;
    expect(share(props)).toBeGreaterThan(0.9);
    expect(share(props.filter((p) => p.is_problem === 'true'))).toBeGreaterThan(0.9);
    const wanne = props.filter((p) => p.is_problem === 'true' && boroughOf(p) === 'Wanne').length;
    expect(wanne).toBeGreaterThanOrEqual(15);
  });

  it('some, but not all, problem properties are overcrowded under the WohnStG minimum (9 m² per person 6+, 6 m² under 6)', () => {
    const required = new Map<string, number>();
    for (const r of rows['residents.csv']) {
      if (r.month !== '2026-10') continue;
      const perPerson = r.age_group === '0-5' ? 6 : 9;
      required.set(r.property_key, (required.get(r.property_key) ?? 0) + perPerson * int(r.registered));
    }
    const props = rows['properties.csv'];
    const overcrowded = (p: Row) => (required.get(p.key) ?? 0) > num(p.living_area_m2);
    const problem = props.filter((p) => p.is_problem === 'true');
    const n = problem.filter(overcrowded).length;
    expect(n).toBeGreaterThanOrEqual(10);
    expect(n).toBeLessThanOrEqual(problem.length / 2);
    expect(props.filter((p) => p.is_problem === 'false').filter(overcrowded)).toHaveLength(0);
  });
});

describe('residents', () => {
  const byMonth = (nats: string[]) => {
    const totals = new Map<string, number>();
    for (const r of rows['residents.csv']) if (nats.includes(r.nationality)) totals.set(r.month, (totals.get(r.month) ?? 0) + int(r.registered));
    return totals;
  };

  it('rows are valid: known keys and enumerations, registered ≥ 1 (zero rows omitted), resident_over_5y ≤ registered, no duplicates', () => {
    const keys = new Set(rows['properties.csv'].map((p) => p.key));
    const months = new Set(allMonths);
    const seen = new Set<string>();
    const errors: string[] = [];
    rows['residents.csv'].forEach((r, i) => {
      const at = `row ${i + 2}`;
      if (!keys.has(r.property_key)) errors.push(`${at}: unknown property ${r.property_key}`);
      if (!isoMonth.test(r.month) || !months.has(r.month)) errors.push(`${at}: month ${r.month}`);
      if (!['ro', 'bg', 'other'].includes(r.nationality)) errors.push(`${at}: nationality ${r.nationality}`);
      if (!['0-5', '6-17', '18-64', '65+'].includes(r.age_group)) errors.push(`${at}: age group ${r.age_group}`);
      const registered = int(r.registered);
      const over = int(r.resident_over_5y);
      if (registered < 1) errors.push(`${at}: registered ${registered} (zero rows are omitted)`);
      if (over > registered) errors.push(`${at}: resident_over_5y ${over} > registered ${registered}`);
      const k = `${r.property_key}|${r.month}|${r.nationality}|${r.age_group}`;
      if (seen.has(k)) errors.push(`${at}: duplicate ${k}`);
      seen.add(k);
    });
    expect(errors).toEqual([]);
    expect(rows['residents.csv'].length).toBeGreaterThan(10_000);
  });

  it('RO + BG: exactly 3,839 in 2026-10, 2,450 ± 1 % in 2021-10, all 61 months, smooth growth', () => {
    const totals = byMonth(['ro', 'bg']);
    expect([...totals.keys()].sort()).toEqual(allMonths);
    expect(totals.get('2026-10')).toBe(3839);
    expect(Math.abs(totals.get('2021-10')! - 2450)).toBeLessThanOrEqual(24.5);
    const series = allMonths.map((m) => totals.get(m)!);
    for (let m = 1; m < series.length; m++) {
      const change = (series[m] - series[m - 1]) / series[m - 1];
      expect(change).toBeGreaterThan(-0.02);
      expect(change).toBeLessThan(0.02);
    }
    // Not a straight line: noise is there.
    const steps = series.slice(1).map((x, m) => x - series[m]);
    expect(new Set(steps).size).toBeGreaterThan(10);
  });

  it('RO:BG is about 2.15 : 1 at the start and shifts only modestly', () => {
    const ro = byMonth(['ro']);
    const bg = byMonth(['bg']);
    const first = ro.get('2021-10')! / bg.get('2021-10')!;
    const last = ro.get('2026-10')! / bg.get('2026-10')!;
    expect(first).toBeGreaterThan(2.1);
    expect(first).toBeLessThan(2.2);
    expect(Math.abs(last - first)).toBeLessThan(0.3);
  });

  it('resident more than five years in 2026-10: 23 % of Romanians, 30 % of Bulgarians (± 1 point)', () => {
    for (const [nat, target] of [
      ['ro', 0.23],
      ['bg', 0.3],
    ] as const) {
      const latest = rows['residents.csv'].filter((r) => r.month === '2026-10' && r.nationality === nat);
      const share = sum(latest.map((r) => int(r.resident_over_5y))) / sum(latest.map((r) => int(r.registered)));
      expect(Math.abs(share - target), nat).toBeLessThanOrEqual(0.01);
    }
  });

  it('young families: at least 30 % of RO/BG residents are under 18, few are 65+', () => {
    const latest = rows['residents.csv'].filter((r) => r.month === '2026-10' && r.nationality !== 'other');
    const total = sum(latest.map((r) => int(r.registered)));
    const of = (age: string) => sum(latest.filter((r) => r.age_group === age).map((r) => int(r.registered))) / total;
    expect(of('0-5') + of('6-17')).toBeGreaterThanOrEqual(0.3);
    expect(of('0-5')).toBeGreaterThanOrEqual(0.08);
    expect(of('65+')).toBeLessThan(0.08);
  });

  it('other nationalities are present but moderate (under 15 % of RO + BG)', () => {
    const other = byMonth(['other']).get('2026-10')!;
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(0.15 * 3839);
  });
});

describe('estimates', () => {
  it('rows are valid: known keys, months, low ≤ high, German basis, no duplicates', () => {
    const keys = new Set(rows['properties.csv'].map((p) => p.key));
    const seen = new Set<string>();
    for (const e of rows['estimates.csv']) {
      expect(keys.has(e.property_key)).toBe(true);
      expect(allMonths).toContain(e.month);
      expect(int(e.low)).toBeLessThanOrEqual(int(e.high));
      expect(e.basis).toMatch(/^(Begehung Ordnungsamt|Nachbegehung Ordnungsamt|Hinweis .+|Stromverbrauch\/Wasserverbrauch)$/);
      const k = `${e.property_key}|${e.month}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
  });

  it('2026-10: the city sum is exactly low 500, high 700; at least 80 % in problem properties', () => {
    const problem = new Set(rows['properties.csv'].filter((p) => p.is_problem === 'true').map((p) => p.key));
    const latest = rows['estimates.csv'].filter((e) => e.month === '2026-10');
    expect(sum(latest.map((e) => int(e.low)))).toBe(500);
    expect(sum(latest.map((e) => int(e.high)))).toBe(700);
    const inProblem = latest.filter((e) => problem.has(e.property_key));
    expect(sum(inProblem.map((e) => int(e.low))) / 500).toBeGreaterThanOrEqual(0.8);
    expect(sum(inProblem.map((e) => int(e.high))) / 700).toBeGreaterThanOrEqual(0.8);
    expect(latest.some((e) => !problem.has(e.property_key))).toBe(true);
  });

  it('a problem property has estimates from the month it was reported on, without gaps', () => {
    const reported = new Map(rows['status-events.csv'].filter((s) => s.status === 'reported').map((s) => [s.property_key, s.date.slice(0, 7)]));
    for (const [key, month] of reported) {
      const months = rows['estimates.csv'].filter((e) => e.property_key === key).map((e) => e.month);
      expect(months, key).toEqual(allMonths.slice(allMonths.indexOf(month)));
    }
  });
});

describe('status events (WohnStG)', () => {
  const order = ['reported', 'inspected', 'defects_found', 'order_issued', 'fine_imposed', 'declared_uninhabitable', 'resolved'];
  const byProperty = () => {
    const map = new Map<string, Row[]>();
    for (const s of rows['status-events.csv']) map.set(s.property_key, [...(map.get(s.property_key) ?? []), s]);
    return map;
  };

  it('every problem property, and only those, has a timeline starting with reported', () => {
    const problem = rows['properties.csv'].filter((p) => p.is_problem === 'true').map((p) => p.key);
    const timelines = byProperty();
    expect([...timelines.keys()].sort()).toEqual([...problem].sort());
    for (const [key, events] of timelines) expect(events[0].status, key).toBe('reported');
  });

  it('dates are valid days in 2021-10-01 … 2026-10-31, strictly increasing, statuses in procedural order', () => {
    for (const [key, events] of byProperty()) {
      for (const e of events) {
        expect(isValidDay(e.date), e.date).toBe(true);
        expect(e.date >= '2021-10-01' && e.date <= '2026-10-31', e.date).toBe(true);
        expect(order).toContain(e.status);
        expect(e.note.length, key).toBeGreaterThan(0);
      }
      for (let i = 1; i < events.length; i++) {
        expect(events[i].date > events[i - 1].date, key).toBe(true);
        expect(order.indexOf(events[i].status), key).toBeGreaterThan(order.indexOf(events[i - 1].status));
      }
    }
  });

  it('most stop partway, some are resolved, some declared uninhabitable', () => {
    const last = [...byProperty().values()].map((events) => events[events.length - 1].status);
    const resolved = last.filter((s) => s === 'resolved').length;
    expect(resolved).toBeGreaterThanOrEqual(5);
    expect(resolved).toBeLessThan(last.length / 2);
    expect(last.filter((s) => s === 'declared_uninhabitable').length).toBeGreaterThanOrEqual(3);
    expect(new Set(last).size).toBeGreaterThanOrEqual(6);
  });
});

describe('offices and case managers', () => {
  it('4 offices HER-BS-1..4, one per Stadtbezirk, inside the city and inside their Stadtbezirk', () => {
    const offices = rows['offices.csv'];
    expect(offices.map((o) => o.key)).toEqual(['HER-BS-1', 'HER-BS-2', 'HER-BS-3', 'HER-BS-4']);
    const boroughs = new Set<string>();
    for (const o of offices) {
      expect(o.name).toMatch(/^Beratungsstelle .+ \(synthetisch\)$/);
      const point: [number, number] = [num(o.lon), num(o.lat)];
      expect(turf.booleanPointInPolygon(point, boundary)).toBe(true);
      const district = districtOf(...point)[0];
      const borough = boroughNameOfDistrict.get(district)!;
      expect(o.name).toContain(borough);
      boroughs.add(borough);
    }
    expect(boroughs.size).toBe(4);
  });

  it('exactly 20 case managers: 10 municipal at the city; 10 KIM, 3 at the city and 7 at neutral charities', () => {
    const cms = rows['case-managers.csv'];
    expect(cms).toHaveLength(20);
    expect(cms.map((c) => c.key)).toEqual(Array.from({ length: 20 }, (_, i) => `FM-${String(i + 1).padStart(2, '0')}`));
    const municipal = cms.filter((c) => c.funding === 'municipal');
    const kim = cms.filter((c) => c.funding === 'kim');
    expect(municipal).toHaveLength(10);
    expect(kim).toHaveLength(10);
    expect(municipal.every((c) => c.employer === 'Stadt Herne' && c.employer_kind === 'city')).toBe(true);
    expect(kim.filter((c) => c.employer === 'Stadt Herne' && c.employer_kind === 'city')).toHaveLength(3);
    const charity = kim.filter((c) => c.employer_kind === 'charity');
    expect(charity).toHaveLength(7);
    for (const c of charity) expect(['Freier Träger A (synthetisch)', 'Freier Träger B (synthetisch)', 'Freier Träger C (synthetisch)']).toContain(c.employer);
    expect(new Set(charity.map((c) => c.employer)).size).toBe(3);
  });

  it('everyone speaks German; languages from ro, bg, tr; FTE 0.5–1.0; offices and district keys exist', () => {
    const officeKeys = new Set(rows['offices.csv'].map((o) => o.key));
    const districtKeys = new Set(districts.map((d) => d.properties.key));
    for (const c of rows['case-managers.csv']) {
      const langs = c.languages.split('|');
      expect(langs).toContain('de');
      for (const l of langs) expect(['de', 'ro', 'bg', 'tr']).toContain(l);
      expect(c.fte).toMatch(/^\d\.\d{2}$/);
      expect(num(c.fte)).toBeGreaterThanOrEqual(0.5);
      expect(num(c.fte)).toBeLessThanOrEqual(1);
      expect(officeKeys.has(c.office_key)).toBe(true);
      const areas = c.area_keys.split('|');
      expect(areas.length).toBeGreaterThanOrEqual(1);
      for (const a of areas) expect(districtKeys.has(a), a).toBe(true);
    }
    const all = rows['case-managers.csv'].flatMap((c) => c.languages.split('|'));
    for (const l of ['ro', 'bg', 'tr']) expect(all).toContain(l);
  });

  /** Districts with registered RO/BG residents in 2026-10, with their RO and BG counts. */
  const residentDistricts = () => {
    const where = new Map(rows['properties.csv'].map((p) => [p.key, districtOf(num(p.lon), num(p.lat))[0]]));
    const out = new Map<string, { ro: number; bg: number }>();
    for (const r of rows['residents.csv']) {
      if (r.month !== '2026-10' || r.nationality === 'other') continue;
      const d = where.get(r.property_key)!;
      const x = out.get(d) ?? { ro: 0, bg: 0 };
      x[r.nationality as 'ro' | 'bg'] += int(r.registered);
      out.set(d, x);
    }
    return out;
  };

  it('2–3 districts with residents are left uncovered on purpose; every other one is covered', () => {
    const covered = new Set(rows['case-managers.csv'].flatMap((c) => c.area_keys.split('|')));
    const withResidents = [...residentDistricts().keys()];
    const uncovered = withResidents.filter((d) => !covered.has(d));
    expect(uncovered.length).toBeGreaterThanOrEqual(2);
    expect(uncovered.length).toBeLessThanOrEqual(3);
    for (const d of covered) expect(withResidents).toContain(d);
  });

  it('coverage follows the residents, and the language mix leaves some gaps', () => {
    const cms = rows['case-managers.csv'];
    const perDistrict = new Map<string, Row[]>();
    for (const c of cms) for (const d of c.area_keys.split('|')) perDistrict.set(d, [...(perDistrict.get(d) ?? []), c]);
    const residents = residentDistricts();
    const load = [...perDistrict].map(([d, list]) => ({ n: list.length, people: residents.get(d)!.ro + residents.get(d)!.bg }));
    const busiest = load.sort((a, b) => b.people - a.people).slice(0, 5);
    const quietest = load.slice(-5);
    expect(sum(busiest.map((x) => x.n)) / 5).toBeGreaterThan(sum(quietest.map((x) => x.n)) / 5);
    const gaps = [...perDistrict].filter(([d, list]) => {
      const r = residents.get(d)!;
      const spoken = new Set(list.flatMap((c) => c.languages.split('|')));
      return (r.ro >= 10 && !spoken.has('ro')) || (r.bg >= 10 && !spoken.has('bg'));
    });
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(gaps.length).toBeLessThan(perDistrict.size / 2);
  });
});

describe('visits', () => {
  it('rows are valid: days in 2024-11 … 2026-10, known topics, keys and case managers, visits ≥ 1, no duplicates', () => {
    const keys = new Set(rows['properties.csv'].map((p) => p.key));
    const cms = new Set(rows['case-managers.csv'].map((c) => c.key));
    const seen = new Set<string>();
    for (const v of rows['visits.csv']) {
      expect(keys.has(v.property_key)).toBe(true);
      expect(isValidDay(v.date), v.date).toBe(true);
      expect(v.date >= '2024-11-01' && v.date <= '2026-10-31', v.date).toBe(true);
      expect(['health', 'energy_water', 'youth_office', 'school', 'housing', 'employment', 'health_insurance']).toContain(v.topic);
      expect(cms.has(v.case_manager_key)).toBe(true);
      expect(int(v.visits)).toBeGreaterThanOrEqual(1);
      const k = `${v.property_key}|${v.date}|${v.topic}|${v.case_manager_key}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
    const topics = new Set(rows['visits.csv'].map((v) => v.topic));
    expect(topics.size).toBe(7);
  });

  it('the case manager covers the property’s district, or (uncovered district) works from its Stadtbezirk’s office', () => {
    const cmByKey = new Map(rows['case-managers.csv'].map((c) => [c.key, c]));
    const covered = new Set(rows['case-managers.csv'].flatMap((c) => c.area_keys.split('|')));
    const officeOfBorough = new Map(rows['offices.csv'].map((o) => [o.name.replace(/^Beratungsstelle (.+) \(synthetisch\)$/, '$1'), o.key]));
    const where = new Map(rows['properties.csv'].map((p) => [p.key, districtOf(num(p.lon), num(p.lat))[0]]));
    for (const v of rows['visits.csv']) {
      const district = where.get(v.property_key)!;
      const cm = cmByKey.get(v.case_manager_key)!;
      if (covered.has(district)) expect(cm.area_keys.split('|'), v.property_key).toContain(district);
      else expect(cm.office_key).toBe(officeOfBorough.get(boroughNameOfDistrict.get(district)!));
    }
  });

  it('every problem property is visited in the 24 months; ordinary properties too, less often', () => {
    const problem = rows['properties.csv'].filter((p) => p.is_problem === 'true').map((p) => p.key);
    const visited = new Set(rows['visits.csv'].map((v) => v.property_key));
    for (const key of problem) expect(visited.has(key), key).toBe(true);
    const ordinaryVisited = [...visited].filter((k) => !problem.includes(k));
    expect(ordinaryVisited.length).toBeGreaterThanOrEqual(20);
  });

  it('some problem properties in covered districts had no visit in the last 90 days (since 2026-08-03), most had', () => {
    const covered = new Set(rows['case-managers.csv'].flatMap((c) => c.area_keys.split('|')));
    const lastVisit = new Map<string, string>();
    for (const v of rows['visits.csv']) if (v.date > (lastVisit.get(v.property_key) ?? '')) lastVisit.set(v.property_key, v.date);
    const candidates = rows['properties.csv'].filter((p) => p.is_problem === 'true' && covered.has(districtOf(num(p.lon), num(p.lat))[0]));
    const stale = candidates.filter((p) => (lastVisit.get(p.key) ?? '') < '2026-08-03');
    expect(stale.length).toBeGreaterThanOrEqual(3);
    expect(stale.length).toBeLessThan(candidates.length / 3);
  });
});

describe('determinism and the committed files', () => {
  it('the PRNG is seeded: same seed and label, same numbers; another label, other numbers', () => {
    const a = new Rng(SYNTHETIC_SEED, 'x');
    const b = new Rng(SYNTHETIC_SEED, 'x');
    const c = new Rng(SYNTHETIC_SEED, 'y');
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
    const u = new Rng(1, 'u');
    for (let i = 0; i < 1000; i++) {
      const x = u.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('largest remainder hits totals exactly and respects caps', () => {
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(sum(largestRemainder(3839, [0.3, 2.7, 5, 0, 11.1]))).toBe(3839);
    const capped = cappedLargestRemainder(10, [5, 1, 1], [2, 10, 10]);
    expect(capped[0]).toBe(2);
    expect(sum(capped)).toBe(10);
  });

  it('uses no Math.random', () => {
    const dir = `${repoRoot}scripts/synthetic/`;
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => `${dir}${f}`)
      .concat(`${repoRoot}scripts/generate-synthetic.ts`);
    for (const file of sources) expect(readFileSync(file, 'utf8'), file).not.toMatch(/Math\.random/);
  });

  it('two runs give identical files', () => {
    const again = serializeSynthetic(generateHerneSynthetic(parseSyntheticInputs(inputTexts())));
    for (const f of SYNTHETIC_FILES) expect(again[f] === files[f], f).toBe(true);
  });

  it('the measured figures agree with the rows', () => {
    const m = measureSynthetic(generateHerneSynthetic(inputs));
    expect(m.roLast + m.bgLast).toBe(3839);
    expect(m.estimateLowLast).toBe(500);
    expect(m.estimateHighLast).toBe(700);
    expect(m.uncoveredDistricts.length).toBeGreaterThanOrEqual(2);
  });

  it('ASSUMPTIONS.md states that the data is synthetic and names the seed', () => {
    const text = read('data/synthetic/ASSUMPTIONS.md');
    expect(text).toMatch(/synthetisch/i);
    expect(text).toContain(String(SYNTHETIC_SEED));
  });

  it('equals the committed files in data/herne/synthetic/ byte for byte (REGENERATE=1 rewrites them)', () => {
    if (process.env.REGENERATE === '1') {
      mkdirSync(outDir, { recursive: true });
      for (const f of SYNTHETIC_FILES) writeFileSync(`${outDir}${f}`, files[f]);
    }
    for (const f of SYNTHETIC_FILES) {
      const committed = readFileSync(`${outDir}${f}`, 'utf8');
      expect(committed === files[f], `${f} differs from the generator output; run REGENERATE=1 npx vitest run scripts/synthetic/herne-synthetic.test.ts`).toBe(true);
    }
  });
});
