/**
 * Number formatting per UI language. German: `12,34 km²`, `155.160`, `12 %`.
 * Formatters are cached because `Intl.NumberFormat` construction is slow.
 */
import type { Locale } from '../state/url-state.ts';

/** BCP 47 tag per UI language; British English uses the same day-month order as German. */
const INTL_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(key, format);
  }
  return format;
}

/** Whole numbers with grouping: `155.160` (de), `155,160` (en). */
export function formatInteger(locale: Locale, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** An area in km² with exactly two decimals: `12,34 km²` (de), `12.34 km²` (en). */
export function formatKm2(locale: Locale, km2: number): string {
  return `${numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(km2)} km²`;
}

/** A share 0..1 as whole percent: `12 %` (de, with a narrow space as Intl writes it), `12%` (en). */
export function formatPercent(locale: Locale, share: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A number with at most `digits` decimals: `45,9` (de), `45.9` (en). */
export function formatDecimal(locale: Locale, value: number, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * An estimate as `low–high` with an en dash: `500–700`, `1.250–1.400` (de). Always both
 * ends, also when they are equal: an estimate is never shown as a single number.
 * @param digits decimals for per-capita ranges @default 0
 */
export function formatRange(locale: Locale, range: { low: number; high: number }, digits = 0): string {
  const format = (v: number) => numberFormat(locale, { maximumFractionDigits: digits }).format(v);
  return `${format(range.low)}–${format(range.high)}`;
}
