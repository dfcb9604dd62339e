/**
 * Herne's synthetic operational data: properties, registered residents per month, estimates of
 * unregistered residents, WohnStG enforcement events, advisory offices, case managers and
 * visits, calibrated to published Herne figures (data/synthetic/ASSUMPTIONS.md).
 *
 * Pure functions, no file I/O: {@link generateHerneSynthetic} builds the data from the parsed
 * inputs, {@link serializeSynthetic} turns it into the CSV texts of docs/import-formats.md and
 * {@link measureSynthetic} computes the figures the summary and ASSUMPTIONS.md report.
 * Deterministic: a fixed seed and a seeded PRNG (sfc32, server/src/analysis/prng.ts).
 */
import { monthLabel, isoDate, LAST_DAY, LAST_MONTH_INDEX, MONTH_COUNT } from './calendar.ts';
import { generateCaseManagers, generateOffices, type CaseManager, type Coverage, type Office } from './case-management.ts';
import { decimal, toCsv, type CsvCell } from './csv.ts';
import { generateEstimates, type EstimateRow } from './estimates.ts';
import type { SyntheticInputs } from './inputs.ts';
import { Rng } from '../../server/src/analysis/prng.ts';
import { placeProperties, sizeProperties, wohnStgMinimumM2, type AgeCounts, type SyntheticProperty } from './properties.ts';
import { AGE_GROUPS, generateResidents, NATIONALITIES, residentAges, residentIndex, residentSum, type ResidentCounts } from './residents.ts';
import { generateTimelines, STATUSES, writeStatusNotes, type Timeline } from './status-events.ts';
import { generateVisits, type VisitsResult } from './visits.ts';

export { parseSyntheticInputs, type SyntheticInputs, type SyntheticInputTexts } from './inputs.ts';

/** The fixed seed of the generator. Changing it gives a different, equally calibrated data set. */
export const SYNTHETIC_SEED = 20_261_031;

/** A district needs a case manager speaking `ro` (`bg`) from this many registered RO (BG) residents. */
export const LANGUAGE_GAP_MIN = 10;

/** The seven files, in the order the importer should load them. */
export const SYNTHETIC_FILES = ['offices.csv', 'properties.csv', 'status-events.csv', 'residents.csv', 'estimates.csv', 'case-managers.csv', 'visits.csv'] as const;
export type SyntheticFile = (typeof SYNTHETIC_FILES)[number];

/** Columns written to each file (all columns of docs/import-formats.md, in its order). */
export const FILE_COLUMNS: Readonly<Record<SyntheticFile, readonly string[]>> = {
  'offices.csv': ['key', 'name', 'address', 'lon', 'lat'],
  'properties.csv': ['key', 'address', 'lon', 'lat', 'flats', 'living_area_m2', 'owner_type', 'is_problem'],
  'residents.csv': ['property_key', 'month', 'nationality', 'age_group', 'registered', 'resident_over_5y'],
  'estimates.csv': ['property_key', 'month', 'low', 'high', 'basis'],
  'status-events.csv': ['property_key', 'date', 'status', 'note'],
  'case-managers.csv': ['key', 'employer', 'employer_kind', 'funding', 'languages', 'fte', 'office_key', 'area_keys'],
  'visits.csv': ['property_key', 'date', 'topic', 'case_manager_key', 'visits'],
};

/** Everything generated. */
export interface SyntheticData {
  seed: number;
  /** Sorted by key. */
  properties: SyntheticProperty[];
  /** Problem properties only, sorted by property key. */
  timelines: Timeline[];
  residents: ResidentCounts;
  estimates: EstimateRow[];
  offices: Office[];
  coverage: Coverage;
  visits: VisitsResult;
}

/** Generates the whole data set from the parsed inputs. Same inputs and seed → same data. */
export function generateHerneSynthetic(inputs: SyntheticInputs, seed: number = SYNTHETIC_SEED): SyntheticData {
  const properties = placeProperties(inputs, new Rng(seed, 'properties'));
  const timelines = generateTimelines(properties, new Rng(seed, 'status-events'));
  const timelineByKey = new Map(timelines.map((t) => [t.propertyKey, t]));
  const residents = generateResidents(
    properties,
    timelineByKey,
    inputs.districts.map((d) => d.key),
    new Rng(seed, 'residents'),
  );

  // Flats and living area from the month of peak WohnStG demand.
  const peakAges: AgeCounts[] = properties.map((_, i) => {
    let best: AgeCounts = [0, 0, 0, 0];
    for (let m = 0; m < MONTH_COUNT; m++) {
      const ages = residentAges(residents, i, m);
      if (wohnStgMinimumM2(ages) > wohnStgMinimumM2(best)) best = ages;
    }
    return best;
  });
  sizeProperties(properties, peakAges, new Rng(seed, 'sizing'));
  writeStatusNotes(timelines, new Map(properties.map((p) => [p.key, p.flats])), new Rng(seed, 'notes'));

  const estimates = generateEstimates(properties, residents, timelineByKey, new Rng(seed, 'estimates'));

  // Demand per property (latest month): registered RO/BG + estimate midpoint.
  const estimateMid = new Map<string, number>();
  for (const e of estimates) if (e.month === LAST_MONTH_INDEX) estimateMid.set(e.propertyKey, (e.low + e.high) / 2);
  const demand = properties.map((p, i) => residentSum(residents, i, LAST_MONTH_INDEX) + (estimateMid.get(p.key) ?? 0));
  const districtDemand = new Map<string, number>();
  properties.forEach((p, i) => {
    if (residentSum(residents, i, LAST_MONTH_INDEX) > 0) districtDemand.set(p.district, (districtDemand.get(p.district) ?? 0) + demand[i]);
  });

  const offices = generateOffices(inputs, properties, demand, new Rng(seed, 'offices'));
  const districtLanguages = new Map<string, string[]>();
  for (const d of inputs.districts) {
    const members = properties.map((p, i) => ({ p, i })).filter(({ p }) => p.district === d.key);
    const ro = members.reduce((s, { i }) => s + residentSum(residents, i, LAST_MONTH_INDEX, [0]), 0);
    const bg = members.reduce((s, { i }) => s + residentSum(residents, i, LAST_MONTH_INDEX, [1]), 0);
    districtLanguages.set(d.key, [...(ro >= LANGUAGE_GAP_MIN ? ['ro'] : []), ...(bg >= LANGUAGE_GAP_MIN ? ['bg'] : [])]);
  }
  const coverage = generateCaseManagers(inputs.districts, offices, districtDemand, districtLanguages, new Rng(seed, 'case-managers'));
  const visits = generateVisits(
    properties,
    residents,
    timelineByKey,
    coverage.caseManagers,
    new Map(offices.map((o) => [o.borough, o.key])),
    new Rng(seed, 'visits'),
  );
  return { seed, properties, timelines, residents, estimates, offices, coverage, visits };
}

/** The CSV texts of the seven files (UTF-8 text, `\n` line ends, rows sorted stably). */
export function serializeSynthetic(data: SyntheticData): Record<SyntheticFile, string> {
  const { properties, residents } = data;
  const residentRows: CsvCell[][] = [];
  properties.forEach((p, i) => {
    for (let m = 0; m < MONTH_COUNT; m++) {
      for (let n = 0; n < NATIONALITIES.length; n++) {
        for (let a = 0; a < AGE_GROUPS.length; a++) {
          const idx = residentIndex(i, m, n, a);
          const registered = residents.registered[idx];
          if (registered === 0) continue; // a missing row is 0 for the importer
          residentRows.push([p.key, monthLabel(m), NATIONALITIES[n], AGE_GROUPS[a], registered, residents.over5y[idx]]);
        }
      }
    }
  });
  const statusRank = new Map(STATUSES.map((s, k) => [s, k]));
  const statusRows = data.timelines.flatMap((t) =>
    [...t.events]
      .sort((a, b) => a.day - b.day || statusRank.get(a.status)! - statusRank.get(b.status)!)
      .map((e) => [t.propertyKey, isoDate(e.day), e.status, e.note] as CsvCell[]),
  );
  const cmRows = [...data.coverage.caseManagers]
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((cm: CaseManager) => [cm.key, cm.employer, cm.employerKind, cm.funding, cm.languages.join('|'), decimal(cm.fte, 2), cm.officeKey, cm.areaKeys.join('|')]);
  return {
    'offices.csv': toCsv(
      FILE_COLUMNS['offices.csv'],
      data.offices.map((o) => [o.key, o.name, o.address, decimal(o.lon, 6), decimal(o.lat, 6)]),
    ),
    'properties.csv': toCsv(
      FILE_COLUMNS['properties.csv'],
      properties.map((p) => [p.key, p.address, decimal(p.lon, 6), decimal(p.lat, 6), p.flats, decimal(p.livingAreaM2, 1), p.ownerType, p.isProblem]),
    ),
    'status-events.csv': toCsv(FILE_COLUMNS['status-events.csv'], statusRows),
    'residents.csv': toCsv(FILE_COLUMNS['residents.csv'], residentRows),
    'estimates.csv': toCsv(
      FILE_COLUMNS['estimates.csv'],
      data.estimates.map((e) => [e.propertyKey, monthLabel(e.month), e.low, e.high, e.basis]),
    ),
    'case-managers.csv': toCsv(FILE_COLUMNS['case-managers.csv'], cmRows),
    'visits.csv': toCsv(
      FILE_COLUMNS['visits.csv'],
      data.visits.rows.map((v) => [v.propertyKey, isoDate(v.day), v.topic, v.caseManagerKey, v.visits]),
    ),
  };
}

/** A district with residents of a nationality no covering case manager speaks. */
export interface LanguageGap {
  district: string;
  language: 'ro' | 'bg';
  /** Registered residents of that nationality in the district, latest month. */
  residents: number;
}

/** Figures of the generated data (for the summary, ASSUMPTIONS.md and the tests). */
export interface SyntheticMeasures {
  roFirst: number;
  bgFirst: number;
  roLast: number;
  bgLast: number;
  /** Share resident > 5 years in the latest month (fraction). */
  over5yRoLast: number;
  over5yBgLast: number;
  /** Share of RO+BG aged 0-17 / 0-5 in the latest month (fraction). */
  childrenShareLast: number;
  underSixShareLast: number;
  /** Registered persons of other nationality, latest month. */
  otherLast: number;
  estimateLowLast: number;
  estimateHighLast: number;
  /** Share of the latest month's estimate midpoints in problem properties (fraction). */
  estimateProblemShare: number;
  /** Months with at least one estimate, first and latest sum (low/high). */
  estimateFirstMonth: string;
  estimateFirst: { low: number; high: number };
  problemProperties: number;
  properties: number;
  propertiesByBorough: Record<string, { problem: number; ordinary: number }>;
  /** Problem properties whose registered residents alone exceed the WohnStG minimum area, latest month / peak. */
  overcrowdedLast: number;
  overcrowdedPeak: number;
  finalStatus: Record<string, number>;
  caseManagersBy: Record<string, number>;
  uncoveredDistricts: string[];
  /** Registered RO+BG residents and problem properties of each uncovered district, latest month. */
  uncoveredDetail: Array<{ district: string; residents: number; problemProperties: number }>;
  districtsWithResidents: number;
  languageGaps: LanguageGap[];
  /** Problem properties in covered districts without a visit in the last 90 days (2026-08-03 … 2026-10-31). */
  coveredWithoutRecentVisit: string[];
  visitRows: number;
  visitsTotal: number;
  /** Minimum and maximum month-to-month change of the RO+BG total, persons. */
  monthlyChange: { min: number; max: number };
}

/** Computes the measured figures. */
export function measureSynthetic(data: SyntheticData): SyntheticMeasures {
  const { properties, residents } = data;
  const L = LAST_MONTH_INDEX;
  const sumOver = (arr: Int32Array, m: number, nats: number[], ages = [0, 1, 2, 3]) => {
    let s = 0;
    for (let i = 0; i < properties.length; i++) for (const n of nats) for (const a of ages) s += arr[residentIndex(i, m, n, a)];
    return s;
  };
  const roLast = sumOver(residents.registered, L, [0]);
  const bgLast = sumOver(residents.registered, L, [1]);
  const roBgLast = roLast + bgLast;

  const lastEst = data.estimates.filter((e) => e.month === L);
  const problemKeys = new Set(properties.filter((p) => p.isProblem).map((p) => p.key));
  const mid = (e: EstimateRow) => (e.low + e.high) / 2;
  const firstEstMonth = Math.min(...data.estimates.map((e) => e.month));
  const firstEst = data.estimates.filter((e) => e.month === firstEstMonth);

  const propertiesByBorough: Record<string, { problem: number; ordinary: number }> = {};
  for (const p of properties) {
    const b = (propertiesByBorough[p.borough] ??= { problem: 0, ordinary: 0 });
    if (p.isProblem) b.problem++;
    else b.ordinary++;
  }
  let overcrowdedLast = 0;
  let overcrowdedPeak = 0;
  properties.forEach((p, i) => {
    if (!p.isProblem) return;
    if (wohnStgMinimumM2(residentAges(residents, i, L)) > p.livingAreaM2) overcrowdedLast++;
    let peak = false;
    for (let m = 0; m < MONTH_COUNT; m++) if (wohnStgMinimumM2(residentAges(residents, i, m)) > p.livingAreaM2) peak = true;
    if (peak) overcrowdedPeak++;
  });

  const finalStatus: Record<string, number> = {};
  for (const t of data.timelines) {
    const s = t.events[t.events.length - 1].status;
    finalStatus[s] = (finalStatus[s] ?? 0) + 1;
  }
  const caseManagersBy: Record<string, number> = {};
  for (const cm of data.coverage.caseManagers) {
    const k = `${cm.funding} / ${cm.employer}`;
    caseManagersBy[k] = (caseManagersBy[k] ?? 0) + 1;
  }

  // Language gaps: covered districts with ≥ 10 RO (or BG) residents and no covering speaker.
  const speakers = new Map<string, Set<string>>();
  for (const cm of data.coverage.caseManagers) for (const d of cm.areaKeys) for (const l of cm.languages) (speakers.get(d) ?? speakers.set(d, new Set()).get(d)!).add(l);
  const byDistrict = new Map<string, [number, number]>();
  properties.forEach((p, i) => {
    const x = byDistrict.get(p.district) ?? [0, 0];
    x[0] += residentSum(residents, i, L, [0]);
    x[1] += residentSum(residents, i, L, [1]);
    byDistrict.set(p.district, x);
  });
  const languageGaps: LanguageGap[] = [];
  for (const [district, [ro, bg]] of [...byDistrict].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const spoken = speakers.get(district);
    if (!spoken) continue; // uncovered districts are reported separately
    if (ro >= LANGUAGE_GAP_MIN && !spoken.has('ro')) languageGaps.push({ district, language: 'ro', residents: ro });
    if (bg >= LANGUAGE_GAP_MIN && !spoken.has('bg')) languageGaps.push({ district, language: 'bg', residents: bg });
  }

  const lastVisit = new Map<string, number>();
  for (const v of data.visits.rows) lastVisit.set(v.propertyKey, Math.max(lastVisit.get(v.propertyKey) ?? -Infinity, v.day));
  const coveredDistricts = new Set(data.coverage.caseManagers.flatMap((cm) => cm.areaKeys));
  const coveredWithoutRecentVisit = properties
    .filter((p) => p.isProblem && coveredDistricts.has(p.district) && !((lastVisit.get(p.key) ?? -Infinity) > LAST_DAY - 90))
    .map((p) => p.key);

  const totals = residents.cityRo.map((ro, m) => ro + residents.cityBg[m]);
  const changes = totals.slice(1).map((t, m) => t - totals[m]);
  return {
    roFirst: sumOver(residents.registered, 0, [0]),
    bgFirst: sumOver(residents.registered, 0, [1]),
    roLast,
    bgLast,
    over5yRoLast: sumOver(residents.over5y, L, [0]) / roLast,
    over5yBgLast: sumOver(residents.over5y, L, [1]) / bgLast,
    childrenShareLast: sumOver(residents.registered, L, [0, 1], [0, 1]) / roBgLast,
    underSixShareLast: sumOver(residents.registered, L, [0, 1], [0]) / roBgLast,
    otherLast: sumOver(residents.registered, L, [2]),
    estimateLowLast: lastEst.reduce((s, e) => s + e.low, 0),
    estimateHighLast: lastEst.reduce((s, e) => s + e.high, 0),
    estimateProblemShare: lastEst.filter((e) => problemKeys.has(e.propertyKey)).reduce((s, e) => s + mid(e), 0) / lastEst.reduce((s, e) => s + mid(e), 0),
    estimateFirstMonth: monthLabel(firstEstMonth),
    estimateFirst: { low: firstEst.reduce((s, e) => s + e.low, 0), high: firstEst.reduce((s, e) => s + e.high, 0) },
    problemProperties: problemKeys.size,
    properties: properties.length,
    propertiesByBorough,
    overcrowdedLast,
    overcrowdedPeak,
    finalStatus,
    caseManagersBy,
    uncoveredDistricts: data.coverage.uncovered,
    uncoveredDetail: data.coverage.uncovered.map((district) => ({
      district,
      residents: properties.reduce((s, p, i) => s + (p.district === district ? residentSum(residents, i, L) : 0), 0),
      problemProperties: properties.filter((p) => p.district === district && p.isProblem).length,
    })),
    districtsWithResidents: data.coverage.districtsWithResidents.length,
    languageGaps,
    coveredWithoutRecentVisit,
    visitRows: data.visits.rows.length,
    visitsTotal: data.visits.rows.reduce((s, v) => s + v.visits, 0),
    monthlyChange: { min: Math.min(...changes), max: Math.max(...changes) },
  };
}
