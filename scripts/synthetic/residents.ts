/**
 * Synthetic registered residents per property and month, by nationality (ro, bg, other) and
 * age group, calibrated so the city totals of Romanian + Bulgarian residents match the
 * published figures exactly (3,839 in 2026-10, 2,450 in 2021-10).
 */
import { cappedLargestRemainder, largestRemainder } from './allocate.ts';
import { LAST_MONTH_INDEX, MONTH_COUNT } from './calendar.ts';
import type { AgeCounts, SyntheticProperty } from './properties.ts';
import type { Rng } from '../../server/src/analysis/prng.ts';
import { statusMonth, type Timeline } from './status-events.ts';

/** Nationalities of the import format, in file order. */
export const NATIONALITIES = ['ro', 'bg', 'other'] as const;
/** Age groups of the import format, in file order. */
export const AGE_GROUPS = ['0-5', '6-17', '18-64', '65+'] as const;

/** Calibration of the RO + BG series (persons; shares as fractions). */
export const RESIDENT_CALIBRATION = {
  /** 2021-10 (60 months before the latest month): "about 2,450" (Stadt Herne). */
  roBgFirst: 2450,
  /** 2026-10, the latest month: 3,839 registered Romanian + Bulgarian residents (Stadt Herne). */
  roBgLast: 3839,
  /** BG share in 2021-10 from the 2016 register figures 1,674 RO + 777 BG (RO:BG ≈ 2.15 : 1). */
  bgShareFirst: 777 / (1674 + 777),
  /** BG share in 2026-10: RO:BG 2.0 : 1 (invented modest shift towards Bulgaria). */
  bgShareLast: 1 / 3,
  /** Noise of the city series: standard deviation of the monthly steps of a Brownian bridge, persons. */
  bridgeSigma: 9,
  /** Noise of the BG share per month (standard deviation, fraction). */
  bgShareSigma: 0.002,
  /** Share resident more than five years, 2021-10 (invented, lower than today). */
  over5yFirst: { ro: 0.19, bg: 0.25 },
  /** Share resident more than five years, 2026-10: 23 % of Romanians, 30 % of Bulgarians (published). */
  over5yLast: { ro: 0.23, bg: 0.3 },
} as const;

/**
 * Age profile of RO/BG households (0-5, 6-17, 18-64, 65+) before the per-property child factor
 * (problem houses 1.0–1.4, others 0.75–1.2). Invented for young families with many children.
 */
export const AGE_PROFILE_RO_BG: AgeCounts = [0.12, 0.22, 0.62, 0.04];
/** Age profile of neighbours of other nationality (invented). */
export const AGE_PROFILE_OTHER: AgeCounts = [0.06, 0.14, 0.64, 0.16];
/** Relative weight of an age group for "resident more than five years" (a child under 6 never is). */
export const OVER_5Y_AGE_FACTOR: AgeCounts = [0, 0.8, 1, 1.3];
/** Share of properties with neighbours of other nationality. */
export const OTHER_NEIGHBOUR_SHARE = 0.35;

/** Counts of all properties × months × nationalities × age groups (persons). */
export interface ResidentCounts {
  propertyCount: number;
  registered: Int32Array;
  over5y: Int32Array;
  /** City totals of the RO and BG series per month (persons). */
  cityRo: number[];
  cityBg: number[];
}

/** Flat index of (property, month, nationality, age group). */
export function residentIndex(p: number, m: number, n: number, a: number): number {
  return ((p * MONTH_COUNT + m) * 3 + n) * 4 + a;
}

/** Sum over nationalities `nats` and age groups of property p in month m. */
export function residentSum(c: ResidentCounts, p: number, m: number, nats: readonly number[] = [0, 1]): number {
  let s = 0;
  for (const n of nats) for (let a = 0; a < 4; a++) s += c.registered[residentIndex(p, m, n, a)];
  return s;
}

/** Ages of all nationalities of property p in month m. */
export function residentAges(c: ResidentCounts, p: number, m: number): AgeCounts {
  const out = [0, 0, 0, 0];
  for (let n = 0; n < 3; n++) for (let a = 0; a < 4; a++) out[a] += c.registered[residentIndex(p, m, n, a)];
  return out as unknown as AgeCounts;
}

/**
 * The city's RO and BG totals per month: geometric growth from `roBgFirst` to `roBgLast`
 * plus a Brownian bridge (0 at both ends, so both ends are exact), split by a BG share moving
 * linearly from `bgShareFirst` to `bgShareLast` with small noise.
 */
export function cityRoBgSeries(rng: Rng): { ro: number[]; bg: number[] } {
  const { roBgFirst: first, roBgLast: last, bridgeSigma, bgShareFirst, bgShareLast, bgShareSigma } = RESIDENT_CALIBRATION;
  const n = LAST_MONTH_INDEX;
  const walk = [0];
  for (let m = 1; m <= n; m++) walk.push(walk[m - 1] + bridgeSigma * rng.normal());
  const ro: number[] = [];
  const bg: number[] = [];
  for (let m = 0; m <= n; m++) {
    const trend = first * (last / first) ** (m / n);
    const bridge = walk[m] - (m / n) * walk[n];
    const total = m === 0 ? first : m === n ? last : Math.round(trend + bridge);
    const share = bgShareFirst + (bgShareLast - bgShareFirst) * (m / n) + bgShareSigma * rng.normal();
    const b = Math.round(total * share);
    bg.push(b);
    ro.push(total - b);
  }
  return { ro, bg };
}

/** Multiplier of a property's occupancy in month m from its enforcement timeline (1 = unaffected). */
export function statusOccupancy(timeline: Timeline | undefined, m: number): number {
  if (!timeline) return 1;
  const u = statusMonth(timeline, 'declared_uninhabitable');
  const r = statusMonth(timeline, 'resolved');
  if (u !== undefined && m >= u) {
    const k = m - u;
    const residual = k === 0 ? 0.5 : k === 1 ? 0.15 : 0.03;
    let mult = 1 - timeline.uninhabitableShare * (1 - residual);
    if (r !== undefined && m >= r) mult += (0.7 - mult) * Math.min(1, (m - r + 1) / 6);
    return mult;
  }
  if (r !== undefined && m >= r) return 0.85;
  return 1;
}

/**
 * Generates the counts. Each property gets a size, a growth curve (some ordinary properties are
 * only occupied from a later month), a BG share (pure RO, pure BG or mixed, tilted per
 * district), monthly noise and the effect of its enforcement timeline. Each month the city
 * totals are shared out over the properties' weights by largest remainder, so the totals are
 * exact; each property's count is split into age groups by its age profile the same way.
 * "Resident more than five years" is shared out per month and nationality so the city share
 * follows the calibration, capped at the registered count of each row.
 */
export function generateResidents(
  properties: readonly SyntheticProperty[],
  timelines: ReadonlyMap<string, Timeline>,
  districtKeys: readonly string[],
  rng: Rng,
): ResidentCounts {
  const P = properties.length;
  const M = MONTH_COUNT;
  const city = cityRoBgSeries(rng);
  const districtBgTilt = new Map(districtKeys.map((k) => [k, rng.next()]));

  const profiles = properties.map((p) => {
    const size = p.isProblem
      ? Math.min(70, Math.max(6, rng.logNormal(p.overcrowdedByDesign ? 28 : 18, 0.4)))
      : Math.min(45, Math.max(2, rng.logNormal(10, 0.6)));
    const entry = p.isProblem ? (rng.chance(0.08) ? rng.int(1, 30) : 0) : rng.chance(0.2) ? rng.int(3, 54) : 0;
    const startFrac = p.isProblem ? rng.uniform(0.6, 0.95) : rng.uniform(0.5, 0.95);
    const gamma = rng.uniform(0.7, 1.6);
    const tilt = districtBgTilt.get(p.district) ?? 0.5;
    const r = rng.next();
    const pureBg = 0.02 + 0.6 * tilt * tilt;
    const bgShare = r < pureBg ? 1 : r < 0.7 ? 0 : rng.uniform(0.15, 0.55);
    const child = p.isProblem ? rng.uniform(1.0, 1.4) : rng.uniform(0.75, 1.2);
    const old = AGE_PROFILE_RO_BG[3] * rng.uniform(0.2, 2.0);
    const young = AGE_PROFILE_RO_BG[0] * child;
    const school = AGE_PROFILE_RO_BG[1] * child;
    const ageProfile = [young, school, 1 - young - school - old, old];
    const over5yFactor = (p.isProblem ? 0.6 : 1.2) * rng.uniform(0.5, 1.5) * (entry > 0 ? 0.5 : 1);
    const noise: number[] = [];
    let e = 0.05 * rng.normal();
    for (let m = 0; m < M; m++) {
      e = 0.8 * e + 0.05 * rng.normal();
      noise.push(Math.exp(e));
    }
    const hasOther = rng.chance(OTHER_NEIGHBOUR_SHARE);
    const other: number[] = [];
    let o = hasOther ? (p.isProblem ? rng.int(2, 8) : rng.int(1, 6)) : 0;
    const oMax = o + 4;
    for (let m = 0; m < M; m++) {
      if (o > 0 && rng.chance(0.05)) o = Math.min(oMax, Math.max(1, o + (rng.chance(0.5) ? 1 : -1)));
      other.push(o);
    }
    const otherOver5y = rng.uniform(0.4, 0.9);
    return { size, entry, startFrac, gamma, bgShare, ageProfile, over5yFactor, noise, other, otherOver5y };
  });

  const registered = new Int32Array(P * M * 12);
  const over5y = new Int32Array(P * M * 12);
  for (let m = 0; m < M; m++) {
    const weight = properties.map((p, i) => {
      const f = profiles[i];
      if (m < f.entry) return 0;
      const progress = f.entry >= LAST_MONTH_INDEX ? 1 : (m - f.entry) / (LAST_MONTH_INDEX - f.entry);
      const growth = f.startFrac + (1 - f.startFrac) * progress ** f.gamma;
      return f.size * growth * f.noise[m] * statusOccupancy(timelines.get(p.key), m);
    });
    const ro = largestRemainder(
      city.ro[m],
      weight.map((w, i) => w * (1 - profiles[i].bgShare)),
    );
    const bg = largestRemainder(
      city.bg[m],
      weight.map((w, i) => w * profiles[i].bgShare),
    );
    for (let i = 0; i < P; i++) {
      const f = profiles[i];
      const occupancy = statusOccupancy(timelines.get(properties[i].key), m);
      const counts = [ro[i], bg[i], Math.round(f.other[m] * occupancy)];
      for (let n = 0; n < 3; n++) {
        if (counts[n] === 0) continue;
        const split = largestRemainder(counts[n], n === 2 ? AGE_PROFILE_OTHER : f.ageProfile);
        for (let a = 0; a < 4; a++) {
          registered[residentIndex(i, m, n, a)] = split[a];
          if (n === 2) over5y[residentIndex(i, m, n, a)] = a === 0 ? 0 : Math.round(split[a] * f.otherOver5y);
        }
      }
    }
    // Resident more than five years, RO and BG: exact city share per month.
    for (const n of [0, 1]) {
      const nat = n === 0 ? 'ro' : 'bg';
      const { over5yFirst, over5yLast } = RESIDENT_CALIBRATION;
      const share = over5yFirst[nat] + (over5yLast[nat] - over5yFirst[nat]) * (m / LAST_MONTH_INDEX);
      const total = n === 0 ? city.ro[m] : city.bg[m];
      const target = Math.round(share * total);
      const cells: number[] = [];
      const weights: number[] = [];
      const caps: number[] = [];
      for (let i = 0; i < P; i++) {
        for (let a = 0; a < 4; a++) {
          const idx = residentIndex(i, m, n, a);
          const reg = registered[idx];
          if (reg === 0 || OVER_5Y_AGE_FACTOR[a] === 0) continue;
          cells.push(idx);
          weights.push(reg * profiles[i].over5yFactor * OVER_5Y_AGE_FACTOR[a]);
          caps.push(reg);
        }
      }
      const shares = cappedLargestRemainder(target, weights, caps);
      cells.forEach((idx, k) => (over5y[idx] = shares[k]));
    }
  }
  return { propertyCount: P, registered, over5y, cityRo: city.ro, cityBg: city.bg };
}
