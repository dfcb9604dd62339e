/**
 * One rule for months, applied identically by every route that takes one (figures,
 * figures.csv, summary, properties.geojson, property detail, coverage, hotspots):
 *
 * - **which months exist:** the months with registered-resident counts (list-months.sql);
 * - **parsing:** `YYYY-MM` (schemas/month.ts; malformed is a 400 from the schema);
 * - **the default:** the latest month with data;
 * - **no data:** a well-formed month without data is a 404 `month_without_data` whose
 *   message names the month and the first and last month with data, instead of a
 *   map of zeros (figures answered 200 with zeros and hotspots 400 before issue 10).
 */
import type pg from 'pg';
import { loadSql } from '../db/sql-file.ts';
import { HttpError } from '../plugins/error-handler.ts';

const sql = loadSql(import.meta.url, ['list-months'] as const);

/** Months with resident counts of a city, oldest first, as `YYYY-MM`. */
export async function listMonths(pool: pg.Pool, cityAgs: string): Promise<string[]> {
  const { rows } = await pool.query<{ month: string }>(sql['list-months'], [cityAgs]);
  return rows.map((r) => r.month);
}

/** The 404 for a well-formed month without data; `asked` undefined: no month was asked and none has data. */
export function monthWithoutData(asked: string | undefined, months: readonly string[]): HttpError {
  const range =
    months.length === 0
      ? { en: 'the city has no data yet', de: 'die Stadt hat noch keine Daten' }
      : { en: `data exist from ${months[0]} to ${months.at(-1)}`, de: `Daten gibt es von ${months[0]} bis ${months.at(-1)}` };
  const what = asked === undefined ? { en: 'No month has data', de: 'Kein Monat hat Daten' } : { en: `${asked} has no data`, de: `${asked} hat keine Daten` };
  return new HttpError(404, { en: `month: ${what.en}; ${range.en}`, de: `month: ${what.de}; ${range.de}` }, 'month_without_data', [
    { field: 'month', code: 'month_without_data', message: { en: `${what.en}; ${range.en}`, de: `${what.de}; ${range.de}` } },
  ]);
}

/**
 * The month a request is answered for: the one asked (when it has data), else the
 * latest with data. Throws the `month_without_data` 404 otherwise.
 * @param asked `YYYY-MM`, already validated by the route's schema; undefined: the default
 */
export async function resolveMonth(pool: pg.Pool, cityAgs: string, asked: string | undefined): Promise<string> {
  const months = await listMonths(pool, cityAgs);
  return monthOf(months, asked);
}

/** The same rule over a list of months already read (the analysis series carries its own). */
export function monthOf(months: readonly string[], asked: string | undefined): string {
  const month = asked ?? months.at(-1);
  if (month === undefined || !months.includes(month)) throw monthWithoutData(asked, months);
  return month;
}
