/**
 * Synthetic estimates of unregistered residents: a range (low–high, persons) per property and
 * month with a German basis text. Problem properties have one from the month they were reported;
 * a few ordinary properties from a later month. The city sum of the latest month is exactly the
 * published range 500–700.
 */
import { largestRemainder } from './allocate.ts';
import { LAST_MONTH_INDEX, MONTH_COUNT } from './calendar.ts';
import type { Rng } from '../../server/src/analysis/prng.ts';
import type { SyntheticProperty } from './properties.ts';
import { residentSum, statusOccupancy, type ResidentCounts } from './residents.ts';
import { statusMonth, type Timeline } from './status-events.ts';

/** Calibration of the estimates (persons). */
export const ESTIMATE_CALIBRATION = {
  /** City sum of `low` in the latest month: "500–700 estimated unregistered" (Stadt Herne). */
  lowLast: 500,
  /** City sum of `high` in the latest month. */
  highLast: 700,
  /** Ordinary properties with an estimate (invented; a hint from school or neighbours). */
  ordinaryWithEstimate: 10,
} as const;

/** The basis texts used (German). */
export const ESTIMATE_BASES = {
  neighbours: 'Hinweis Nachbarschaft',
  school: 'Hinweis Schule (Schulanmeldungen)',
  utilities: 'Stromverbrauch/Wasserverbrauch',
  caseManagement: 'Hinweis Fallmanagement (Hausbesuch)',
  fireBrigade: 'Hinweis Feuerwehr (Einsatz)',
  inspection: 'Begehung Ordnungsamt',
  reinspection: 'Nachbegehung Ordnungsamt',
} as const;

/** Basis before the first inspection, by report source (status-events REPORT_NOTES order). */
const BASIS_BY_REPORT_SOURCE = [
  ESTIMATE_BASES.neighbours,
  ESTIMATE_BASES.school,
  ESTIMATE_BASES.utilities,
  ESTIMATE_BASES.caseManagement,
  ESTIMATE_BASES.neighbours,
  ESTIMATE_BASES.fireBrigade,
];

/** One estimate row. */
export interface EstimateRow {
  propertyKey: string;
  /** Month index (0 = 2021-10). */
  month: number;
  /** Persons. low ≤ high. */
  low: number;
  high: number;
  basis: string;
}

interface Series {
  propertyKey: string;
  isProblem: boolean;
  start: number;
  rawLow: number[];
  rawDiff: number[];
  basis: string[];
}

/** Generates the estimate rows, sorted by property key and month. */
export function generateEstimates(
  properties: readonly SyntheticProperty[],
  residents: ResidentCounts,
  timelines: ReadonlyMap<string, Timeline>,
  rng: Rng,
): EstimateRow[] {
  const series: Series[] = [];
  const peakRoBg = properties.map((_, i) => {
    let peak = 0;
    for (let m = 0; m < MONTH_COUNT; m++) peak = Math.max(peak, residentSum(residents, i, m));
    return peak;
  });

  properties.forEach((p, i) => {
    if (!p.isProblem) return;
    const t = timelines.get(p.key)!;
    const start = statusMonth(t, 'reported')!;
    const inspected = statusMonth(t, 'inspected');
    const resolved = statusMonth(t, 'resolved');
    const level = Math.max(2, peakRoBg[i]) * rng.uniform(0.25, 0.6) * (p.overcrowdedByDesign ? 1.3 : 1);
    const width = rng.uniform(0.25, 0.6);
    const rawLow: number[] = [];
    const rawDiff: number[] = [];
    const basis: string[] = [];
    let quarterNoise = 1;
    for (let m = 0; m < MONTH_COUNT; m++) {
      if ((m - start) % 3 === 0) quarterNoise = Math.exp(0.12 * rng.normal());
      if (m < start) {
        rawLow.push(0);
        rawDiff.push(0);
        basis.push('');
        continue;
      }
      const learning = 0.6 + 0.4 * Math.min(1, (m - start) / 12);
      const after = resolved !== undefined && m >= resolved ? 0.3 : 1;
      const value = level * learning * statusOccupancy(t, m) * after * quarterNoise;
      rawLow.push(value);
      rawDiff.push(value * width + 0.4);
      basis.push(
        resolved !== undefined && m >= resolved
          ? ESTIMATE_BASES.reinspection
          : inspected !== undefined && m >= inspected
            ? ESTIMATE_BASES.inspection
            : BASIS_BY_REPORT_SOURCE[t.reportSource],
      );
    }
    series.push({ propertyKey: p.key, isProblem: true, start, rawLow, rawDiff, basis });
  });

  const ordinary = properties.map((p, i) => ({ p, i })).filter(({ p }) => !p.isProblem);
  const chosen = new Set<number>();
  while (chosen.size < ESTIMATE_CALIBRATION.ordinaryWithEstimate) {
    const pick = rng.weighted(ordinary, ({ i }) => (chosen.has(i) ? 0 : peakRoBg[i]));
    chosen.add(pick.i);
  }
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const p = properties[i];
    const start = rng.int(12, 50);
    const level = Math.max(2, peakRoBg[i]) * rng.uniform(0.08, 0.25);
    const width = rng.uniform(0.3, 0.8);
    const basisText = rng.pick([ESTIMATE_BASES.neighbours, ESTIMATE_BASES.school, ESTIMATE_BASES.utilities]);
    const rawLow: number[] = [];
    const rawDiff: number[] = [];
    const basis: string[] = [];
    for (let m = 0; m < MONTH_COUNT; m++) {
      const value = m < start ? 0 : level * (0.7 + 0.3 * Math.min(1, (m - start) / 12));
      rawLow.push(value);
      rawDiff.push(m < start ? 0 : value * width + 0.4);
      basis.push(m < start ? '' : basisText);
    }
    series.push({ propertyKey: p.key, isProblem: false, start, rawLow, rawDiff, basis });
  }

  // Exact city sums in the latest month; the same scale for every other month.
  const L = LAST_MONTH_INDEX;
  const lowLast = largestRemainder(
    ESTIMATE_CALIBRATION.lowLast,
    series.map((s) => s.rawLow[L]),
  );
  const diffLast = largestRemainder(
    ESTIMATE_CALIBRATION.highLast - ESTIMATE_CALIBRATION.lowLast,
    series.map((s) => s.rawDiff[L]),
  );
  const kLow = ESTIMATE_CALIBRATION.lowLast / series.reduce((sum, s) => sum + s.rawLow[L], 0);
  const kDiff = (ESTIMATE_CALIBRATION.highLast - ESTIMATE_CALIBRATION.lowLast) / series.reduce((sum, s) => sum + s.rawDiff[L], 0);

  const rows: EstimateRow[] = [];
  series.forEach((s, k) => {
    for (let m = s.start; m < MONTH_COUNT; m++) {
      const low = m === L ? lowLast[k] : Math.round(s.rawLow[m] * kLow);
      const diff = m === L ? diffLast[k] : Math.round(s.rawDiff[m] * kDiff);
      rows.push({ propertyKey: s.propertyKey, month: m, low, high: low + diff, basis: s.basis[m] });
    }
  });
  rows.sort((a, b) => (a.propertyKey < b.propertyKey ? -1 : a.propertyKey > b.propertyKey ? 1 : a.month - b.month));
  return rows;
}
