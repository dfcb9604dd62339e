/**
 * Synthetic advisory offices (one per Stadtbezirk), the 20 case managers (pseudonyms) and the
 * districts each of them covers, weighted to where the residents are, with deliberate gaps.
 */
import { cappedLargestRemainder, largestRemainder } from './allocate.ts';
import { offsetMeters, pointInArea, round6, distanceMeters } from './geometry.ts';
import type { District, SyntheticInputs } from './inputs.ts';
import type { Rng } from '../../server/src/analysis/prng.ts';
import type { SyntheticProperty } from './properties.ts';

/** An advisory office (Beratungsstelle). */
export interface Office {
  /** `HER-BS-1` … `HER-BS-4`. */
  key: string;
  name: string;
  address: string;
  /** Degrees, 6 decimals. */
  lon: number;
  lat: number;
  borough: string;
}

/** A case manager: a pseudonym, never a person. */
export interface CaseManager {
  /** `FM-01` … `FM-20`. */
  key: string;
  employer: string;
  employerKind: 'city' | 'charity';
  funding: 'municipal' | 'kim';
  /** ISO 639-1 codes, `de` first. */
  languages: string[];
  /** Full-time equivalent, 0.5–1.0. */
  fte: number;
  officeKey: string;
  /** District keys, sorted. */
  areaKeys: string[];
}

/** Stadtbezirke in office key order (`HER-BS-1` = Wanne …). */
export const OFFICE_BOROUGHS = ['Wanne', 'Herne-Mitte', 'Eickel', 'Sodingen'] as const;

/** The city as employer. */
export const CITY_EMPLOYER = 'Stadt Herne';
/** Neutral names of the independent charities (no real organisation). */
export const CHARITY_EMPLOYERS = ['Freier Träger A (synthetisch)', 'Freier Träger B (synthetisch)', 'Freier Träger C (synthetisch)'] as const;

type RosterEntry = Pick<CaseManager, 'employer' | 'employerKind' | 'funding' | 'languages'>;
const city = (funding: 'municipal' | 'kim', ...languages: string[]): RosterEntry => ({
  employer: CITY_EMPLOYER,
  employerKind: 'city',
  funding,
  languages: ['de', ...languages],
});
const charity = (employer: string, ...languages: string[]): RosterEntry => ({
  employer,
  employerKind: 'charity',
  funding: 'kim',
  languages: ['de', ...languages],
});

/**
 * The 20 positions: 10 municipally funded at the city; 10 funded by KIM (Kommunales
 * Integrationsmanagement NRW), 3 of them at the city and 7 at independent charities
 * (A: 3, B: 2, C: 2). Languages: 8 speak Romanian, 6 Bulgarian, 6 Turkish, everyone German
 * (the mix is invented; 2 speak German only).
 */
export const CASE_MANAGER_ROSTER: readonly RosterEntry[] = [
  city('municipal', 'ro'),
  city('municipal', 'bg', 'tr'),
  city('municipal', 'tr'),
  city('municipal'),
  city('municipal', 'ro'),
  city('municipal', 'bg'),
  city('municipal', 'tr'),
  city('municipal', 'ro'),
  city('municipal', 'ro'),
  city('municipal', 'tr'),
  city('kim', 'ro'),
  city('kim', 'bg'),
  city('kim'),
  charity(CHARITY_EMPLOYERS[0], 'ro'),
  charity(CHARITY_EMPLOYERS[0], 'bg', 'tr'),
  charity(CHARITY_EMPLOYERS[0], 'ro'),
  charity(CHARITY_EMPLOYERS[1], 'bg'),
  charity(CHARITY_EMPLOYERS[1], 'tr'),
  charity(CHARITY_EMPLOYERS[2], 'ro'),
  charity(CHARITY_EMPLOYERS[2], 'bg'),
];

/** FTE values and their weights (invented; many part-time positions). */
export const FTE_CHOICES: readonly (readonly [number, number])[] = [
  [0.5, 2],
  [0.6, 1],
  [0.75, 3],
  [0.8, 2],
  [1.0, 6],
];

/** Districts each case manager covers: 4 with FTE ≥ 0.8, else 3. */
export function districtSlots(fte: number): number {
  return fte >= 0.8 ? 4 : 3;
}

/**
 * Preference for a case manager who speaks a language of the district's residents that none of
 * its case managers speaks yet (against 100 for working from the district's own office and 10
 * per free slot). Below 100 on purpose: an office without a speaker leaves a language gap.
 */
export const LANGUAGE_SCORE = 40;

/** How many districts with residents are left without any case manager on purpose. */
export const UNCOVERED_DISTRICT_COUNT = 3;
/** The uncovered districts are drawn from the districts ranked this far down by demand (0-based rank). */
export const UNCOVERED_MIN_RANK = 8;

/**
 * Places one office per Stadtbezirk at the demand-weighted mean of its properties (demand =
 * registered RO/BG + estimate midpoint, latest month), moved 40 m off so it is not on a
 * property; if the mean falls outside the Stadtbezirk, next to its property nearest the mean.
 */
export function generateOffices(
  inputs: SyntheticInputs,
  properties: readonly SyntheticProperty[],
  demand: readonly number[],
  rng: Rng,
): Office[] {
  return OFFICE_BOROUGHS.map((borough, b) => {
    const districts = inputs.districts.filter((d) => d.borough === borough);
    const inBorough = (lon: number, lat: number) => pointInArea(lon, lat, inputs.boundary) && districts.some((d) => pointInArea(lon, lat, d.geometry));
    const members = properties.map((p, i) => ({ p, w: demand[i] })).filter(({ p, w }) => p.borough === borough && w > 0);
    if (members.length === 0) throw new Error(`no properties in ${borough}`);
    const total = members.reduce((s, x) => s + x.w, 0);
    let lon = members.reduce((s, x) => s + x.p.lon * x.w, 0) / total;
    let lat = members.reduce((s, x) => s + x.p.lat * x.w, 0) / total;
    if (!inBorough(lon, lat)) {
      const nearest = members.reduce((best, x) => (distanceMeters(x.p.lon, x.p.lat, lon, lat) < distanceMeters(best.p.lon, best.p.lat, lon, lat) ? x : best));
      lon = nearest.p.lon;
      lat = nearest.p.lat;
    }
    const angle0 = rng.next() * 2 * Math.PI;
    let placed: [number, number] = [round6(lon), round6(lat)];
    for (let k = 0; k < 16; k++) {
      const angle = angle0 + (k * Math.PI) / 8;
      const [x, y] = offsetMeters(lon, lat, 40 * Math.cos(angle), 40 * Math.sin(angle));
      const candidate: [number, number] = [round6(x), round6(y)];
      if (inBorough(candidate[0], candidate[1])) {
        placed = candidate;
        break;
      }
    }
    return {
      key: `HER-BS-${b + 1}`,
      name: `Beratungsstelle ${borough} (synthetisch)`,
      address: `Beratungsweg ${b + 1} (synthetisch)`,
      lon: placed[0],
      lat: placed[1],
      borough,
    };
  });
}

/** The result of {@link generateCaseManagers}. */
export interface Coverage {
  caseManagers: CaseManager[];
  /** Districts with registered RO/BG residents in the latest month, by demand (descending). */
  districtsWithResidents: string[];
  /** Districts with residents that no case manager covers (on purpose), sorted. */
  uncovered: string[];
}

/**
 * Builds the 20 case managers: keys given in a shuffled roster order, an FTE each, offices in
 * proportion to the Stadtbezirke's demand (at least 2 each), then district assignments:
 * every district with residents except {@link UNCOVERED_DISTRICT_COUNT} drawn ones (from
 * different Stadtbezirke) gets at least one case manager; further slots go to districts in
 * proportion to demand (at most 5 per district). A district takes case managers of its own
 * Stadtbezirk's office first, preferring one who speaks a still missing language of its
 * residents (`districtLanguages`: `ro`/`bg` with at least 10 registered residents), then
 * whoever has the most free slots.
 */
export function generateCaseManagers(
  districts: readonly District[],
  offices: readonly Office[],
  districtDemand: ReadonlyMap<string, number>,
  districtLanguages: ReadonlyMap<string, readonly string[]>,
  rng: Rng,
): Coverage {
  const roster = rng.shuffle(CASE_MANAGER_ROSTER);
  const fteWeights = FTE_CHOICES.map(([, w]) => w);
  const ftes = roster.map(() => FTE_CHOICES[rng.weightedIndex(fteWeights)][0]);

  // Offices: 2 each, the rest by demand per Stadtbezirk. Speakers of Bulgarian, then of
  // Romanian, go first, each to the office whose residents of that nationality have the fewest
  // speakers so far (per resident); the others fill the remaining places.
  const boroughDemand = offices.map((o) => districts.filter((d) => d.borough === o.borough).reduce((s, d) => s + (districtDemand.get(d.key) ?? 0), 0));
  const extra = largestRemainder(roster.length - 2 * offices.length, boroughDemand);
  const quota = offices.map((_, o) => 2 + extra[o]);
  const languageDemand = (o: number, l: string) =>
    districts.filter((d) => d.borough === offices[o].borough && (districtLanguages.get(d.key) ?? []).includes(l)).reduce((s, d) => s + (districtDemand.get(d.key) ?? 0), 0);
  const speakersIn = offices.map(() => new Map<string, number>());
  const officeOf: number[] = new Array(roster.length).fill(-1);
  const order = [
    ...roster.map((r, i) => ({ r, i })).filter(({ r }) => r.languages.includes('bg')),
    ...roster.map((r, i) => ({ r, i })).filter(({ r }) => !r.languages.includes('bg') && r.languages.includes('ro')),
    ...roster.map((r, i) => ({ r, i })).filter(({ r }) => !r.languages.includes('bg') && !r.languages.includes('ro')),
  ];
  for (const { r, i } of order) {
    let best = -1;
    let bestScore = -Infinity;
    offices.forEach((_, o) => {
      if (quota[o] === 0) return;
      let score = quota[o] + rng.next();
      for (const l of r.languages.filter((x) => x === 'ro' || x === 'bg')) score += (1000 * languageDemand(o, l)) / (1 + (speakersIn[o].get(l) ?? 0));
      if (score > bestScore) {
        bestScore = score;
        best = o;
      }
    });
    officeOf[i] = best;
    quota[best]--;
    for (const l of r.languages) speakersIn[best].set(l, (speakersIn[best].get(l) ?? 0) + 1);
  }

  const withResidents = districts
    .filter((d) => (districtDemand.get(d.key) ?? 0) > 0)
    .sort((a, b) => districtDemand.get(b.key)! - districtDemand.get(a.key)! || (a.key < b.key ? -1 : 1));
  // Uncovered on purpose: drawn from the lower-ranked districts, each from another Stadtbezirk.
  let candidates = withResidents.slice(UNCOVERED_MIN_RANK);
  const uncovered = new Set<string>();
  while (uncovered.size < UNCOVERED_DISTRICT_COUNT && candidates.length > 0) {
    const pick = rng.pick(candidates);
    uncovered.add(pick.key);
    candidates = candidates.filter((d) => d.borough !== pick.borough);
  }
  const covered = withResidents.filter((d) => !uncovered.has(d.key));

  const slots = ftes.map(districtSlots);
  const totalSlots = slots.reduce((s, x) => s + x, 0);
  const perDistrict = cappedLargestRemainder(
    totalSlots - covered.length,
    covered.map((d) => districtDemand.get(d.key)!),
    covered.map(() => 4),
  ).map((n) => n + 1);

  const free = [...slots];
  const areas: string[][] = roster.map(() => []);
  const assign = (d: District) => {
    const borough = offices.findIndex((o) => o.borough === d.borough);
    const needed = (districtLanguages.get(d.key) ?? []).filter(
      (l) => !roster.some((r, i) => areas[i].includes(d.key) && r.languages.includes(l)),
    );
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < roster.length; i++) {
      if (free[i] === 0 || areas[i].includes(d.key)) continue;
      const speaks = needed.filter((l) => roster[i].languages.includes(l)).length;
      const score = (officeOf[i] === borough ? 100 : 0) + LANGUAGE_SCORE * speaks + 10 * free[i] + rng.next();
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) return;
    areas[best].push(d.key);
    free[best]--;
  };
  const maxRounds = Math.max(...perDistrict);
  for (let round = 0; round < maxRounds; round++) {
    covered.forEach((d, k) => {
      if (perDistrict[k] > round) assign(d);
    });
  }

  const caseManagers: CaseManager[] = roster.map((r, i) => ({
    key: `FM-${String(i + 1).padStart(2, '0')}`,
    ...r,
    fte: ftes[i],
    officeKey: offices[officeOf[i]].key,
    areaKeys: [...areas[i]].sort(),
  }));
  return {
    caseManagers,
    districtsWithResidents: withResidents.map((d) => d.key),
    uncovered: [...uncovered].sort(),
  };
}
