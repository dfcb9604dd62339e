/**
 * Synthetic enforcement timelines under NRW's Wohnraumstärkungsgesetz (WohnStG) for the problem
 * properties: reported → inspected → defects_found → order_issued → fine_imposed →
 * declared_uninhabitable, each possibly followed by resolved. Most stop partway.
 */
import { FIRST_DAY, LAST_DAY, monthOfDay } from './calendar.ts';
import type { Rng } from '../../server/src/analysis/prng.ts';
import { propertyStatuses, type PropertyStatus } from '../../server/src/schemas/property.ts';
import type { SyntheticProperty } from './properties.ts';

/** Status values of the import format, in procedural order (defined once, in the shared schema). */
export const STATUSES = propertyStatuses;
export type Status = PropertyStatus;

/** The kind of the main defect found (drives the German notes and the visit topics). */
export type DefectKind = 'mould' | 'electricity' | 'water' | 'heating' | 'overcrowding' | 'fire_safety' | 'vermin' | 'damp';

/** One enforcement step; `day` = days since 1970-01-01. */
export interface StatusEvent {
  day: number;
  status: Status;
  /** German, non-personal. Filled in by {@link writeStatusNotes}. */
  note: string;
}

/** The timeline of one problem property. */
export interface Timeline {
  propertyKey: string;
  /** Strictly increasing days, statuses in procedural order. */
  events: StatusEvent[];
  defect: DefectKind;
  /** Who reported the property (index into the report sources). */
  reportSource: number;
  /** Share of the flats a declared_uninhabitable step covers (1 = the whole building). */
  uninhabitableShare: number;
}

/**
 * Weights of the last procedural step a property is meant to reach (reported … declared
 * uninhabitable), before the series end may cut it short. Invented.
 */
export const FINAL_STEP_WEIGHTS = [6, 10, 18, 24, 16, 12] as const;
/** Probability that a property that reached defects_found or later is resolved (invented). */
export const RESOLVED_PROBABILITY = 0.3;
/** Share of problem properties reported in the first two months (files carried over). */
export const CARRIED_OVER_SHARE = 0.25;

/** Days between consecutive steps [min, max] (invented, plausible administrative lead times). */
export const STEP_GAP_DAYS: Readonly<Record<Exclude<Status, 'reported'>, readonly [number, number]>> = {
  inspected: [7, 75],
  defects_found: [1, 21],
  order_issued: [14, 70],
  fine_imposed: [45, 150],
  declared_uninhabitable: [30, 200],
  resolved: [60, 360],
};

const DEFECT_WEIGHTS: Record<DefectKind, number> = {
  mould: 20,
  electricity: 14,
  water: 8,
  heating: 12,
  overcrowding: 10,
  fire_safety: 14,
  vermin: 10,
  damp: 12,
};

/** Generates the timelines (without notes) of the problem properties, sorted by property key. */
export function generateTimelines(properties: readonly SyntheticProperty[], rng: Rng): Timeline[] {
  const lastReportDay = LAST_DAY - 120; // reported at the latest 2026-07-03
  return properties
    .filter((p) => p.isProblem)
    .map((p) => {
      const reportDay = rng.chance(CARRIED_OVER_SHARE) ? FIRST_DAY + rng.int(0, 60) : FIRST_DAY + 61 + Math.floor(rng.next() ** 1.3 * (lastReportDay - FIRST_DAY - 61));
      const finalStep = rng.weightedIndex(FINAL_STEP_WEIGHTS);
      const events: StatusEvent[] = [{ day: reportDay, status: 'reported', note: '' }];
      let day = reportDay;
      for (let step = 1; step <= finalStep; step++) {
        const status = STATUSES[step] as Exclude<Status, 'reported'>;
        const [lo, hi] = STEP_GAP_DAYS[status];
        day += rng.int(lo, hi);
        if (day > LAST_DAY) break;
        events.push({ day, status, note: '' });
      }
      const reached = events.length - 1;
      if (reached >= 2 && rng.chance(RESOLVED_PROBABILITY)) {
        const [lo, hi] = STEP_GAP_DAYS.resolved;
        const resolvedDay = day + rng.int(lo, hi);
        if (resolvedDay <= LAST_DAY) events.push({ day: resolvedDay, status: 'resolved', note: '' });
      }
      let defect = (Object.keys(DEFECT_WEIGHTS) as DefectKind[])[rng.weightedIndex(Object.values(DEFECT_WEIGHTS))];
      if (p.overcrowdedByDesign && rng.chance(0.5)) defect = 'overcrowding';
      const uninhabitableShare = rng.chance(0.6) ? 1 : Math.round(rng.uniform(0.3, 0.7) * 100) / 100;
      return { propertyKey: p.key, events, defect, reportSource: rng.int(0, REPORT_NOTES.length - 1), uninhabitableShare };
    });
}

/** Month index of the first event with this status, or undefined. */
export function statusMonth(timeline: Timeline | undefined, status: Status): number | undefined {
  const e = timeline?.events.find((x) => x.status === status);
  return e ? monthOfDay(e.day) : undefined;
}

const REPORT_NOTES = [
  'Hinweis aus der Nachbarschaft (Überbelegung vermutet)',
  'Meldung Schule: viele Neuanmeldungen aus einem Haus',
  'Meldung Energieversorger: Sperrandrohung',
  'Hinweis Fallmanagement nach Hausbesuch',
  'Beschwerde wegen Müll und Sperrmüll im Hof',
  'Meldung Feuerwehr nach Einsatz',
];

const INSPECTION_NOTES = [
  'Begehung Ordnungsamt und Bauaufsicht',
  'Gemeinsame Begehung mit Feuerwehr und Gesundheitsamt',
  'Begehung Ordnungsamt',
  'Begehung Wohnungsaufsicht mit Dolmetschung',
];

function defectNote(defect: DefectKind, flats: number, rng: Rng): string {
  const some = Math.max(1, Math.min(flats, rng.int(2, Math.max(2, Math.ceil(flats * 0.7)))));
  const w = some === 1 ? '1 Wohnung' : `${some} Wohnungen`;
  switch (defect) {
    case 'mould':
      return `Schimmel in ${w}`;
    case 'electricity':
      return 'Stromversorgung unterbrochen';
    case 'water':
      return 'Wasserversorgung unterbrochen (Zählersperre)';
    case 'heating':
      return `Heizung ausgefallen in ${w}`;
    case 'overcrowding':
      return `Überbelegung in ${w} (unter 9 m² je Person)`;
    case 'fire_safety':
      return 'Brandschutzmängel im Treppenhaus, zweiter Rettungsweg fehlt';
    case 'vermin':
      return 'Rattenbefall in Keller und Hof';
    case 'damp':
      return 'Feuchtigkeitsschäden, Dach undicht';
  }
}

const ORDER_NOTES: Record<DefectKind, string> = {
  mould: 'Anordnung: Schimmelbeseitigung binnen 8 Wochen',
  electricity: 'Anordnung: Wiederherstellung der Stromversorgung',
  water: 'Anordnung: Wiederherstellung der Wasserversorgung',
  heating: 'Anordnung: Instandsetzung der Heizung vor Winterbeginn',
  overcrowding: 'Anordnung: Belegung auf zulässige Zahl verringern',
  fire_safety: 'Anordnung: Brandschutzmängel beseitigen',
  vermin: 'Anordnung: Schädlingsbekämpfung und Entrümpelung',
  damp: 'Anordnung: Dach und Feuchtigkeitsschäden instand setzen',
};

const FINE_NOTES = ['Bußgeld gegen Eigentümer wegen Nichtbefolgung der Anordnung', 'Zwangsgeld festgesetzt, Frist verstrichen', 'Bußgeldbescheid erlassen'];

const RESOLVED_NOTES = ['Mängel beseitigt, Nachbegehung ohne Befund', 'Eigentümerwechsel, Sanierung abgeschlossen'];
const RESOLVED_OVERCROWDING = 'Belegung auf zulässiges Maß verringert, Nachbegehung ohne Befund';
const RESOLVED_AFTER_UNINHABITABLE = 'Sanierung abgeschlossen, Wohnungen wieder bewohnbar';

/** Fills in the German notes (non-personal; numbers of flats never exceed the property's flats). */
export function writeStatusNotes(timelines: Timeline[], flatsByKey: ReadonlyMap<string, number>, rng: Rng): void {
  for (const t of timelines) {
    const flats = flatsByKey.get(t.propertyKey) ?? 1;
    for (const e of t.events) {
      switch (e.status) {
        case 'reported':
          e.note = REPORT_NOTES[t.reportSource];
          break;
        case 'inspected':
          e.note = rng.pick(INSPECTION_NOTES);
          break;
        case 'defects_found':
          e.note = defectNote(t.defect, flats, rng);
          break;
        case 'order_issued':
          e.note = ORDER_NOTES[t.defect];
          break;
        case 'fine_imposed':
          e.note = rng.pick(FINE_NOTES);
          break;
        case 'declared_uninhabitable': {
          const n = Math.max(1, Math.round(t.uninhabitableShare * flats));
          e.note = t.uninhabitableShare >= 1 || n >= flats ? 'Gebäude für unbewohnbar erklärt, Ersatzunterkunft vermittelt' : `${n} von ${flats} Wohnungen für unbewohnbar erklärt`;
          break;
        }
        case 'resolved': {
          const note = rng.pick(RESOLVED_NOTES);
          if (t.events.some((x) => x.status === 'declared_uninhabitable')) e.note = RESOLVED_AFTER_UNINHABITABLE;
          else if (t.defect === 'overcrowding') e.note = RESOLVED_OVERCROWDING;
          else e.note = note;
          break;
        }
      }
    }
  }
}
