/**
 * Parsers for the values of an import cell (docs/import-formats.md): numbers with
 * decimal point or comma, whole numbers, yes/no, dates, months, enumerations with
 * their German words, and lists. Each takes the trimmed text and returns the value
 * or the reason it is not one (reasons.ts).
 */
import type { LocalizedText } from '../schemas/common.ts';
import { reasons, type Reason } from './reasons.ts';

export type Parsed<T> = { value: T } | { reason: Reason };

export interface ValueParser<T> {
  /** What a valid value looks like, for "is empty (expected …)", in both languages. */
  expected: LocalizedText;
  /** true: an empty cell is a value (booleans: empty = no), never "missing". */
  acceptsEmpty?: boolean;
  parse(text: string): Parsed<T>;
}

const numberPattern = /^([+-]?\d+)(?:[.,](\d+))?$/;

/** Free text, e.g. an address. */
export function text(expected: LocalizedText = { en: 'a text', de: 'ein Text' }): ValueParser<string> {
  return { expected, parse: (value) => ({ value }) };
}

/** The largest value of a PostgreSQL `integer`. */
const maxInteger = 2_147_483_647;

/** A whole number from `min` to 2,147,483,647 (the database's integer). */
export function wholeNumber(min: number, example = '12'): ValueParser<number> {
  return {
    expected: { en: `a whole number, e.g. ${example}`, de: `eine ganze Zahl, z. B. ${example}` },
    parse(value) {
      if (!/^[+-]?\d+$/.test(value)) return { reason: reasons.notAWholeNumber(example) };
      const n = Number(value);
      if (n < min) return { reason: reasons.atLeast(min) };
      return n > maxInteger ? { reason: reasons.atMost(maxInteger) } : { value: n };
    },
  };
}

export interface DecimalOptions {
  /** How many decimal places the column stores; more are refused, not rounded away (`1.234` is likely a thousands separator). */
  decimals?: number;
  /** Smallest allowed value, exclusive. */
  moreThan?: number;
  /** Largest allowed value (the column's precision), inclusive. */
  atMost?: number;
  example: string;
  /** Reason when outside the range, instead of "must be more than …". */
  outOfRange?: (n: number) => Reason | undefined;
}

/** A number with `.` or `,` as the decimal mark; no thousands separators. */
export function decimalNumber(options: DecimalOptions): ValueParser<number> {
  return {
    expected: { en: `a number, e.g. ${options.example}`, de: `eine Zahl, z. B. ${options.example}` },
    parse(value) {
      const match = numberPattern.exec(value);
      if (!match) return { reason: reasons.notANumber(options.example) };
      if (options.decimals !== undefined && (match[2]?.length ?? 0) > options.decimals) {
        return { reason: reasons.tooManyDecimals(options.decimals, options.example) };
      }
      const n = Number(`${match[1]}.${match[2] ?? '0'}`);
      const outOfRange = options.outOfRange?.(n);
      if (outOfRange) return { reason: outOfRange };
      if (options.moreThan !== undefined && !(n > options.moreThan)) return { reason: reasons.moreThan(options.moreThan) };
      if (options.atMost !== undefined && n > options.atMost) return { reason: reasons.atMost(options.atMost) };
      return { value: n };
    },
  };
}

export const longitude = decimalNumber({ example: '7,2228', outOfRange: (n) => (n < -180 || n > 180 ? reasons.notALongitude() : undefined) });
export const latitude = decimalNumber({ example: '51,5404', outOfRange: (n) => (n < -90 || n > 90 ? reasons.notALatitude() : undefined) });
export const easting = decimalNumber({ example: '376512,4' });
export const northing = decimalNumber({ example: '5711468,9' });

const yes = new Set(['true', 'ja', 'yes', '1', 'x', 'wahr']);
const no = new Set(['false', 'nein', 'no', '0', '', 'falsch']);

/** true/false, ja/nein, yes/no, 1/0, x/empty; also WAHR/FALSCH, which German Excel writes for booleans. */
export const yesNo: ValueParser<boolean> = {
  expected: { en: 'ja or nein', de: 'ja oder nein' },
  acceptsEmpty: true,
  parse(value) {
    const v = value.toLowerCase();
    if (yes.has(v)) return { value: true };
    if (no.has(v)) return { value: false };
    return { reason: reasons.notYesNo() };
  },
};

interface YearMonthDay {
  year: number;
  month: number;
  day: number | null;
}

function splitDate(value: string): YearMonthDay | undefined {
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (m) return { year: +m[3], month: +m[2], day: +m[1] };
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  m = /^(\d{1,2})\.(\d{4})$/.exec(value);
  if (m) return { year: +m[2], month: +m[1], day: null };
  m = /^(\d{4})-(\d{1,2})$/.exec(value);
  if (m) return { year: +m[1], month: +m[2], day: null };
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function checkCalendar(d: YearMonthDay, notA: Reason): Parsed<YearMonthDay> {
  if (d.month < 1 || d.month > 12 || d.year < 1900 || d.year > 2100) return { reason: notA };
  if (d.day !== null && (d.day < 1 || d.day > daysIn(d.year, d.month))) return { reason: reasons.notInCalendar(d.year, d.month, daysIn(d.year, d.month)) };
  return { value: d };
}

/** A day: `31.12.2025` or `2025-12-31` → `2025-12-31`. */
export const day: ValueParser<string> = {
  expected: { en: 'a date, e.g. 31.12.2025', de: 'ein Datum, z. B. 31.12.2025' },
  parse(value) {
    const d = splitDate(value);
    if (!d || d.day === null) return { reason: reasons.notADate() };
    const checked = checkCalendar(d, reasons.notADate());
    return 'reason' in checked ? checked : { value: `${d.year}-${pad(d.month)}-${pad(d.day)}` };
  },
};

/** A month: `12.2025`, `2025-12`, or the first of the month → `2025-12-01`. */
export const month: ValueParser<string> = {
  expected: { en: 'a month, e.g. 12.2025', de: 'ein Monat, z. B. 12.2025' },
  parse(value) {
    const d = splitDate(value);
    if (!d) return { reason: reasons.notAMonth() };
    const checked = checkCalendar(d, reasons.notAMonth());
    if ('reason' in checked) return checked;
    if (d.day !== null && d.day !== 1) return { reason: reasons.notFirstOfMonth() };
    return { value: `${d.year}-${pad(d.month)}-01` };
  },
};

/** A day, or only a month (visits): `{ month: '2025-12-01', day: '2025-12-17' | null }`. */
export const dayOrMonth: ValueParser<{ month: string; day: string | null }> = {
  expected: { en: 'a date or month, e.g. 17.12.2025 or 12.2025', de: 'ein Datum oder Monat, z. B. 17.12.2025 oder 12.2025' },
  parse(value) {
    const d = splitDate(value);
    if (!d) return { reason: reasons.notADayOrMonth() };
    const checked = checkCalendar(d, reasons.notADayOrMonth());
    if ('reason' in checked) return checked;
    const monthStart = `${d.year}-${pad(d.month)}-01`;
    return { value: { month: monthStart, day: d.day === null ? null : `${d.year}-${pad(d.month)}-${pad(d.day)}` } };
  },
};

/** One of `values` (case-insensitive), or a German word in `aliases` that stands for one. */
export function oneOf<const T extends string>(values: readonly T[], aliases: Record<string, T> = {}): ValueParser<T> {
  const lookup = new Map<string, T>([...values.map((v) => [v.toLowerCase(), v] as const), ...Object.entries(aliases).map(([k, v]) => [k.toLowerCase(), v] as const)]);
  return {
    expected: { en: `one of ${values.join(', ')}`, de: `einer der Werte ${values.join(', ')}` },
    parse(value) {
      const found = lookup.get(value.toLowerCase());
      return found ? { value: found } : { reason: reasons.notOneOf(values, Object.keys(aliases)) };
    },
  };
}

/**
 * ISO 639-1 codes, plus `rom` (Romani, ISO 639-2): Romani has no two-letter code,
 * and case managers who speak it are what many cities look for.
 */
const languageCodes = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
    'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km ' +
    'kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om ' +
    'or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ' +
    'ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu rom'
  ).split(' '),
);

/** Language codes separated by `|` or spaces: `ro|tr` → ['ro', 'tr']. */
export const languages: ValueParser<string[]> = {
  expected: { en: 'language codes, e.g. ro|tr', de: 'Sprachcodes, z. B. ro|tr' },
  parse(value) {
    const codes = value.toLowerCase().split(/[|\s]+/).filter(Boolean);
    const seen = new Set<string>();
    for (const code of codes) {
      if (!languageCodes.has(code)) return { reason: reasons.notLanguageCode(code) };
      if (seen.has(code)) return { reason: reasons.duplicateInList(code) };
      seen.add(code);
    }
    return { value: codes };
  },
};

/** Keys separated by `|` (keys may contain spaces): `B-1|B-2` → ['B-1', 'B-2']. */
export const keyList: ValueParser<string[]> = {
  expected: { en: 'keys separated by |', de: 'durch | getrennte Schlüssel' },
  parse(value) {
    const keys = value.split('|').map((k) => k.trim()).filter(Boolean);
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) return { reason: reasons.duplicateInList(key) };
      seen.add(key);
    }
    return { value: keys };
  },
};
