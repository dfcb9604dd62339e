/**
 * Months and days per UI language. The API writes `YYYY-MM` and `YYYY-MM-DD`; they
 * are calendar values without a time zone, so they are formatted in UTC (otherwise a
 * browser west of Greenwich would show the previous day).
 */
import type { Locale } from '../state/url-state.ts';

const INTL_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: 'UTC' });
    cache.set(key, format);
  }
  return format;
}

function utc(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** `2026-10` → `Oktober 2026` (long), `Okt. 2026` (short); en: `October 2026`, `Oct 2026`. */
export function formatMonth(locale: Locale, month: string, style: 'long' | 'short' = 'long'): string {
  const [year, m] = month.split('-').map(Number);
  return dateFormat(locale, { year: 'numeric', month: style }).format(utc(year, m));
}

/** `2026-10-31` → `31.10.2026` (de), `31/10/2026` (en). */
export function formatDate(locale: Locale, date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return dateFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(utc(year, month, day));
}
