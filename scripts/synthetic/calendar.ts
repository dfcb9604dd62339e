/**
 * Months and days of the synthetic series. Months are indices 0..60 from 2021-10 to 2026-10;
 * days are whole days since 1970-01-01 (UTC), so date arithmetic is integer arithmetic.
 */

/** Number of months in the series (2021-10 … 2026-10 inclusive). */
export const MONTH_COUNT = 61;
/** Index of the latest month. */
export const LAST_MONTH_INDEX = MONTH_COUNT - 1;

const FIRST_YEAR = 2021;
const FIRST_MONTH_OF_YEAR = 10; // 1-based

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM` of month index `m` (0 = 2021-10). */
export function monthLabel(m: number): string {
  const zero = FIRST_MONTH_OF_YEAR - 1 + m;
  const year = FIRST_YEAR + Math.floor(zero / 12);
  const month = (zero % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Month index of a `YYYY-MM` label (may be outside 0..60). */
export function monthIndex(label: string): number {
  const [y, mo] = label.split('-').map(Number);
  return (y - FIRST_YEAR) * 12 + (mo - FIRST_MONTH_OF_YEAR);
}

/** Day number (days since 1970-01-01 UTC) of the first day of month index `m`. */
export function monthStartDay(m: number): number {
  const zero = FIRST_MONTH_OF_YEAR - 1 + m;
  return Date.UTC(FIRST_YEAR + Math.floor(zero / 12), zero % 12, 1) / MS_PER_DAY;
}

/** Number of days in month index `m`. */
export function daysInMonth(m: number): number {
  return monthStartDay(m + 1) - monthStartDay(m);
}

/** ISO date `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Month index containing a day number. */
export function monthOfDay(day: number): number {
  return monthIndex(isoDate(day).slice(0, 7));
}

/** First day of the series: 2021-10-01. */
export const FIRST_DAY = monthStartDay(0);
/** Last day of the series: 2026-10-31. */
export const LAST_DAY = monthStartDay(MONTH_COUNT) - 1;
