/**
 * Synthetic properties: where they are (Zensus cells weighted by EU citizens and by
 * Stadtbezirk), their synthetic addresses, owner types and, once the resident counts are known,
 * their flats and living area.
 */
import { pointInArea, pointInQuad, distanceMeters, round6 } from './geometry.ts';
import type { SyntheticInputs, ZensusCell } from './inputs.ts';
import type { Rng } from '../../server/src/analysis/prng.ts';

/** Owner kinds of the import format. */
export type OwnerType = 'private' | 'company' | 'municipal';

/** A generated property. Fields below `ownerType` are set by {@link sizeProperties}. */
export interface SyntheticProperty {
  /** `HER-P-0001` … */
  key: string;
  isProblem: boolean;
  /** Degrees, rounded to 6 decimals, inside the city boundary and inside `district`. */
  lon: number;
  lat: number;
  /** Zensus cell the point was drawn in. */
  cellId: string;
  /** Key of the containing district (data/herne/generated/districts.geojson). */
  district: string;
  /** Name of the containing Stadtbezirk. */
  borough: string;
  /** Synthetic address ending in `(synthetisch)`. */
  address: string;
  ownerType: OwnerType;
  /** Problem property designed to be overcrowded under the WohnStG minimum at its peak occupancy. */
  overcrowdedByDesign: boolean;
  /** Number of flats (whole number ≥ 1). */
  flats: number;
  /** Living area in m², one decimal. */
  livingAreaM2: number;
}

/** How many properties of each kind are generated. */
export const PROPERTY_COUNTS = {
  /** "about 70 Problemimmobilien" (Stadt Herne, public reporting). */
  problem: 70,
  /** Ordinary properties where registered RO/BG residents live (invented; keeps residents.csv < 4 MB). */
  ordinary: 180,
} as const;

/**
 * Placement weight of a Zensus cell: `(eu27 + NON_GERMAN_FLOOR × nonGerman) × boroughFactor`.
 * EU27 citizens (Zensus 2011 `STAATSANGE_GRP_21`) stand for where Romanian and Bulgarian
 * residents live; the small floor per non-German resident makes cells without EU citizens
 * possible but rare.
 */
export const NON_GERMAN_FLOOR = 0.04;

/**
 * Extra weight per Stadtbezirk (of the cell centre). Public reporting names Wanne, Herne-Mitte
 * and Eickel as the quarters where most newcomers from Romania and Bulgaria live; problem
 * properties are concentrated more strongly than ordinary ones. The factors are invented.
 */
export const BOROUGH_FACTORS: Readonly<Record<'problem' | 'ordinary', Readonly<Record<string, number>>>> = {
  problem: { Wanne: 3.0, 'Herne-Mitte': 2.0, Eickel: 2.0, Sodingen: 1.0 },
  ordinary: { Wanne: 1.6, 'Herne-Mitte': 1.4, Eickel: 1.4, Sodingen: 1.0 },
};

/** At most this many properties in one 100 m cell. */
export const MAX_PROPERTIES_PER_CELL = 2;
/** Minimum distance between two properties, metres. */
export const MIN_PROPERTY_DISTANCE_M = 20;

/** Owner type shares (invented: problem houses are mostly owned privately or by companies). */
export const OWNER_WEIGHTS: Readonly<Record<'problem' | 'ordinary', Readonly<Record<OwnerType, number>>>> = {
  problem: { private: 0.55, company: 0.43, municipal: 0.02 },
  ordinary: { private: 0.5, company: 0.38, municipal: 0.12 },
};

/** Share of problem properties designed to be overcrowded (registered residents alone). */
export const OVERCROWDED_SHARE = 0.45;

/** Clearly fictitious street name stems and endings: one street per district. */
const STREET_STEMS = ['Muster', 'Beispiel', 'Platzhalter', 'Modell', 'Probe', 'Fiktiv', 'Vorlagen', 'Skizzen'];
const STREET_ENDINGS = ['straße', 'weg', 'allee', 'ring'];

/** The 32 synthetic street names (e.g. `Musterstraße`), in a fixed order. */
export const SYNTHETIC_STREETS: readonly string[] = STREET_ENDINGS.flatMap((e) => STREET_STEMS.map((s) => `${s}${e}`));

/** Suffix of every synthetic address. */
export const SYNTHETIC_SUFFIX = '(synthetisch)';

function cellWeight(cell: ZensusCell, kind: 'problem' | 'ordinary'): number {
  const factor = cell.borough ? BOROUGH_FACTORS[kind][cell.borough] ?? 1 : 1;
  return (cell.eu27 + NON_GERMAN_FLOOR * cell.nonGerman) * factor;
}

/**
 * Places the problem and ordinary properties (without flats/area, see {@link sizeProperties}).
 * Keys are given in a shuffled order, so a key says nothing about the kind of property.
 * Returns the properties sorted by key.
 */
export function placeProperties(inputs: SyntheticInputs, rng: Rng): SyntheticProperty[] {
  const { cells, boundary, districts } = inputs;
  const perCell = new Map<string, number>();
  const placed: Array<Omit<SyntheticProperty, 'key' | 'address' | 'flats' | 'livingAreaM2'>> = [];

  const placeOne = (kind: 'problem' | 'ordinary') => {
    const weights = cells.map((c) => ((perCell.get(c.id) ?? 0) >= MAX_PROPERTIES_PER_CELL ? 0 : cellWeight(c, kind)));
    for (let attempt = 0; attempt < 200; attempt++) {
      const cellIndex = rng.weightedIndex(weights);
      const cell = cells[cellIndex];
      for (let t = 0; t < 30; t++) {
        const [lon0, lat0] = pointInQuad(cell.ring, rng.uniform(0.08, 0.92), rng.uniform(0.08, 0.92));
        const lon = round6(lon0);
        const lat = round6(lat0);
        if (!pointInArea(lon, lat, boundary)) continue;
        // Exactly one district (they overlap only in centimetre slivers): the importer's area
        // assignment cannot then differ from ours.
        const containing = districts.filter((d) => pointInArea(lon, lat, d.geometry));
        if (containing.length !== 1) continue;
        const district = containing[0];
        if (placed.some((p) => distanceMeters(p.lon, p.lat, lon, lat) < MIN_PROPERTY_DISTANCE_M)) continue;
        perCell.set(cell.id, (perCell.get(cell.id) ?? 0) + 1);
        const owners = OWNER_WEIGHTS[kind];
        const ownerTypes = Object.keys(owners) as OwnerType[];
        const ownerType = ownerTypes[rng.weightedIndex(ownerTypes.map((o) => owners[o]))];
        const isProblem = kind === 'problem';
        placed.push({
          isProblem,
          lon,
          lat,
          cellId: cell.id,
          district: district.key,
          borough: district.borough,
          ownerType,
          overcrowdedByDesign: isProblem && rng.chance(OVERCROWDED_SHARE),
        });
        return;
      }
      weights[cellIndex] = 0; // no usable point in this cell
    }
    throw new Error('placeProperties: no cell left to place a property in');
  };
  for (let i = 0; i < PROPERTY_COUNTS.problem; i++) placeOne('problem');
  for (let i = 0; i < PROPERTY_COUNTS.ordinary; i++) placeOne('ordinary');

  // Keys in a shuffled order; addresses: the district's street, distinct house numbers.
  const order = rng.shuffle(placed.map((_, i) => i));
  const districtIndex = new Map(districts.map((d, i) => [d.key, i]));
  const usedNumbers = new Map<string, Set<number>>();
  const result: SyntheticProperty[] = order.map((placedIndex, k) => {
    const p = placed[placedIndex];
    const street = SYNTHETIC_STREETS[districtIndex.get(p.district)! % SYNTHETIC_STREETS.length];
    const used = usedNumbers.get(street) ?? new Set<number>();
    usedNumbers.set(street, used);
    let number = rng.int(1, 140);
    while (used.has(number)) number = rng.int(1, 140);
    used.add(number);
    return {
      key: `HER-P-${String(k + 1).padStart(4, '0')}`,
      ...p,
      address: `${street} ${number} ${SYNTHETIC_SUFFIX}`,
      flats: 0,
      livingAreaM2: 0,
    };
  });
  return result;
}

/** Persons per age group of a property at one time: [0-5, 6-17, 18-64, 65+]. */
export type AgeCounts = readonly [number, number, number, number];

/**
 * WohnStG NRW minimum living area for a household, m²: 9 m² per person aged 6 or older and
 * 6 m² per child under 6.
 */
export function wohnStgMinimumM2(ages: AgeCounts): number {
  return 6 * ages[0] + 9 * (ages[1] + ages[2] + ages[3]);
}

/**
 * Sets flats and living area from the registered residents (all nationalities) at the month of
 * peak WohnStG demand (`peakAges[i]` for property i):
 * - overcrowded problem properties: area 55–92 % of the WohnStG minimum;
 * - other problem properties: 110–220 % of it;
 * - ordinary properties: flats for the counted households (2.8–4.2 persons per flat) plus 0–8
 *   other flats, 55–78 m² per flat, and at least 150 % of the minimum.
 * Flats of problem properties: area / (45–70 m²), at least 2.
 */
export function sizeProperties(properties: SyntheticProperty[], peakAges: readonly AgeCounts[], rng: Rng): void {
  properties.forEach((p, i) => {
    const ages = peakAges[i];
    const persons = ages[0] + ages[1] + ages[2] + ages[3];
    const minimum = wohnStgMinimumM2(ages);
    let area: number;
    let flats: number;
    if (p.isProblem) {
      area = p.overcrowdedByDesign ? minimum * rng.uniform(0.55, 0.92) : minimum * rng.uniform(1.1, 2.2);
      area = Math.max(area, 80);
      flats = Math.max(2, Math.round(area / rng.uniform(45, 70)));
    } else {
      flats = Math.max(1, Math.ceil(persons / rng.uniform(2.8, 4.2))) + rng.int(0, 8);
      area = flats * rng.uniform(55, 78);
      if (area < minimum * 1.5) {
        flats = Math.ceil((minimum * 1.5) / 65);
        area = flats * 65;
      }
    }
    p.flats = flats;
    p.livingAreaM2 = Math.round(area * 10) / 10;
  });
}
