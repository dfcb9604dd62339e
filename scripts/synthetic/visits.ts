/**
 * Synthetic case-manager visits (counts per property, day, topic and case manager; no case
 * details) over the last 24 months, 2024-11 … 2026-10.
 */
import { daysInMonth, LAST_DAY, LAST_MONTH_INDEX, monthIndex, monthStartDay } from './calendar.ts';
import type { CaseManager } from './case-management.ts';
import type { Rng } from '../../server/src/analysis/prng.ts';
import type { SyntheticProperty } from './properties.ts';
import { residentIndex, type ResidentCounts } from './residents.ts';
import { statusMonth, type Timeline } from './status-events.ts';

/** Topics of the import format, in a fixed order. */
export const TOPICS = ['health', 'energy_water', 'youth_office', 'school', 'housing', 'employment', 'health_insurance'] as const;
export type Topic = (typeof TOPICS)[number];

/** First month with visits (index): 2024-11, 24 months before the end of 2026-10. */
export const VISIT_FIRST_MONTH = monthIndex('2024-11');

/**
 * Topic weights (relative). Invented: problem houses bring housing, energy/water and health
 * insurance questions; ordinary households more school and employment questions. In a problem
 * property whose defect is electricity or water, energy_water weighs 3× from the month the
 * defect was found.
 */
export const TOPIC_WEIGHTS: Readonly<Record<'problem' | 'ordinary', Readonly<Record<Topic, number>>>> = {
  problem: { health: 16, energy_water: 14, youth_office: 12, school: 13, housing: 22, employment: 8, health_insurance: 15 },
  ordinary: { health: 18, energy_water: 6, youth_office: 10, school: 20, housing: 10, employment: 20, health_insurance: 16 },
};

/**
 * Expected visit rows per month of a problem property (invented): before it was reported 0.8,
 * during enforcement 1.8, when emptied after declared_uninhabitable 0.3, after resolved 0.7.
 * Properties in districts no case manager covers: × 0.4 (colleagues of the borough's office).
 */
export const VISIT_RATES = { beforeReport: 0.8, active: 1.8, emptied: 0.3, resolved: 0.7, uncoveredFactor: 0.4 } as const;

/** Share of problem properties in covered districts whose visits stop in 2026-03 … 2026-06 (so none in the last 90 days). */
export const STALE_SHARE = 0.12;

/** Ordinary properties with visits (chosen by registered RO/BG residents) and their mean number of visit rows (+1). */
export const ORDINARY_VISITED = { count: 80, meanRows: 5 } as const;

/** Probability that a visit goes to a covering case manager who speaks the residents' main language, if there is one. */
export const LANGUAGE_PREFERENCE = 0.75;

/** Visits per row: 1 (75 %), 2 (20 %), 3 (5 %). */
const VISITS_PER_ROW = [0.75, 0.2, 0.05];

/** One visit row. */
export interface VisitRow {
  propertyKey: string;
  /** Day number (days since 1970-01-01). */
  day: number;
  topic: Topic;
  caseManagerKey: string;
  /** Number of visits (≥ 1). */
  visits: number;
}

/** Report of {@link generateVisits}. */
export interface VisitsResult {
  rows: VisitRow[];
  /** Problem properties chosen to have no visit after 2026-06 (sorted). */
  stale: string[];
}

/** Generates the visit rows, sorted by property key, day, topic and case manager. */
export function generateVisits(
  properties: readonly SyntheticProperty[],
  residents: ResidentCounts,
  timelines: ReadonlyMap<string, Timeline>,
  caseManagers: readonly CaseManager[],
  officeOfBorough: ReadonlyMap<string, string>,
  rng: Rng,
): VisitsResult {
  const covering = new Map<string, CaseManager[]>();
  for (const cm of caseManagers) for (const d of cm.areaKeys) covering.set(d, [...(covering.get(d) ?? []), cm]);

  const mainLanguage = (i: number): 'ro' | 'bg' => {
    let ro = 0;
    let bg = 0;
    for (let a = 0; a < 4; a++) {
      ro += residents.registered[residentIndex(i, LAST_MONTH_INDEX, 0, a)];
      bg += residents.registered[residentIndex(i, LAST_MONTH_INDEX, 1, a)];
    }
    return bg > ro ? 'bg' : 'ro';
  };

  const chooseManager = (p: SyntheticProperty, i: number): CaseManager => {
    let pool = covering.get(p.district) ?? [];
    if (pool.length === 0) pool = caseManagers.filter((cm) => cm.officeKey === officeOfBorough.get(p.borough));
    if (pool.length === 0) pool = [...caseManagers];
    const speakers = pool.filter((cm) => cm.languages.includes(mainLanguage(i)));
    if (speakers.length > 0 && rng.chance(LANGUAGE_PREFERENCE)) return rng.pick(speakers);
    return rng.pick(pool);
  };

  const raw: VisitRow[] = [];
  const addRow = (p: SyntheticProperty, i: number, m: number, weights: Record<Topic, number>) => {
    const topic = TOPICS[rng.weightedIndex(TOPICS.map((t) => weights[t]))];
    raw.push({
      propertyKey: p.key,
      day: monthStartDay(m) + rng.int(0, daysInMonth(m) - 1),
      topic,
      caseManagerKey: chooseManager(p, i).key,
      visits: 1 + rng.weightedIndex(VISITS_PER_ROW),
    });
  };

  const stale: string[] = [];
  properties.forEach((p, i) => {
    if (!p.isProblem) return;
    const t = timelines.get(p.key);
    const reported = statusMonth(t, 'reported') ?? 0;
    const defects = statusMonth(t, 'defects_found');
    const uninhabitable = statusMonth(t, 'declared_uninhabitable');
    const resolved = statusMonth(t, 'resolved');
    const isCovered = (covering.get(p.district) ?? []).length > 0;
    const staleFrom = isCovered && rng.chance(STALE_SHARE) ? rng.int(monthIndex('2026-03'), monthIndex('2026-06')) + 1 : Infinity;
    if (staleFrom !== Infinity) stale.push(p.key);
    for (let m = VISIT_FIRST_MONTH; m <= LAST_MONTH_INDEX; m++) {
      let rate: number;
      if (m < reported) rate = VISIT_RATES.beforeReport;
      else if (resolved !== undefined && m >= resolved) rate = VISIT_RATES.resolved;
      else if (uninhabitable !== undefined && m > uninhabitable && t!.uninhabitableShare >= 1) rate = VISIT_RATES.emptied;
      else rate = VISIT_RATES.active;
      if (!isCovered) rate *= VISIT_RATES.uncoveredFactor;
      const rowsThisMonth = rng.poisson(rate);
      if (m >= staleFrom) continue; // drawn anyway, so the stream stays aligned
      const weights = { ...TOPIC_WEIGHTS.problem };
      if ((t?.defect === 'electricity' || t?.defect === 'water') && defects !== undefined && m >= defects) weights.energy_water *= 3;
      for (let k = 0; k < rowsThisMonth; k++) addRow(p, i, m, weights);
    }
  });

  // Ordinary properties: chosen by registered RO/BG residents in the latest month.
  const ordinary = properties.map((p, i) => ({ p, i })).filter(({ p }) => !p.isProblem);
  const weightOf = (i: number) => {
    let s = 0;
    for (let n = 0; n < 2; n++) for (let a = 0; a < 4; a++) s += residents.registered[residentIndex(i, LAST_MONTH_INDEX, n, a)];
    return s;
  };
  const chosen = new Set<number>();
  while (chosen.size < Math.min(ORDINARY_VISITED.count, ordinary.length)) {
    chosen.add(rng.weighted(ordinary, ({ i }) => (chosen.has(i) ? 0 : weightOf(i) + 0.5)).i);
  }
  for (const i of [...chosen].sort((a, b) => a - b)) {
    const n = 1 + rng.poisson(ORDINARY_VISITED.meanRows);
    for (let k = 0; k < n; k++) addRow(properties[i], i, rng.int(VISIT_FIRST_MONTH, LAST_MONTH_INDEX), { ...TOPIC_WEIGHTS.ordinary });
  }

  // Rows with the same property, day, topic and case manager are one row.
  const merged = new Map<string, VisitRow>();
  for (const r of raw) {
    const key = `${r.propertyKey}|${r.day}|${r.topic}|${r.caseManagerKey}`;
    const existing = merged.get(key);
    if (existing) existing.visits += r.visits;
    else merged.set(key, { ...r });
  }
  const rows = [...merged.values()].filter((r) => r.day <= LAST_DAY);
  const topicOrder = new Map(TOPICS.map((t, k) => [t, k]));
  rows.sort(
    (a, b) =>
      (a.propertyKey < b.propertyKey ? -1 : a.propertyKey > b.propertyKey ? 1 : 0) ||
      a.day - b.day ||
      topicOrder.get(a.topic)! - topicOrder.get(b.topic)! ||
      (a.caseManagerKey < b.caseManagerKey ? -1 : a.caseManagerKey > b.caseManagerKey ? 1 : 0),
  );
  return { rows, stale: stale.sort() };
}
