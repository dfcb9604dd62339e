import type pg from 'pg';
import { loadSql } from '../../db/sql-file.ts';
import type { AreaFigures, BboxSummary, ResidentCounts } from '../../schemas/figures.ts';
import type { Range } from '../../schemas/common.ts';

const sql = loadSql(import.meta.url, ['list-area-figures', 'summarize-bbox', 'any-synthetic'] as const);

/** `YYYY-MM` → the first day, as the database stores months. */
export const firstDay = (month: string) => `${month}-01`;

export async function isSynthetic(pool: pg.Pool, cityAgs: string): Promise<boolean> {
  return (await pool.query(sql['any-synthetic'], [cityAgs])).rows[0].synthetic;
}

interface FigureRow {
  ro: number;
  bg: number;
  other: number;
  ro_bg_under6: number;
  ro_bg_6to17: number;
  ro_bg_over5y: number;
  low: number | null;
  high: number | null;
}

function residentCounts(row: FigureRow): ResidentCounts {
  return {
    ro: row.ro,
    bg: row.bg,
    other: row.other,
    roBg: row.ro + row.bg,
    roBgUnder6: row.ro_bg_under6,
    roBg6to17: row.ro_bg_6to17,
    roBgOver5y: row.ro_bg_over5y,
  };
}

/** A sum of estimate ranges, or null when no property had one. */
const range = (row: FigureRow): Range | null => (row.low === null || row.high === null ? null : { low: row.low, high: row.high });

export async function listAreaFigures(pool: pg.Pool, cityAgs: string, level: string, month: string): Promise<AreaFigures[]> {
  const { rows } = await pool.query(sql['list-area-figures'], [cityAgs, level, firstDay(month)]);
  return rows.map((row) => ({
    areaId: row.area_id,
    key: row.key,
    name: row.name,
    registered: residentCounts(row),
    unregistered: range(row),
    properties: row.properties,
    problemProperties: row.problem_properties,
    visits: row.visits,
    lastVisit: row.last_visit,
    zensusPopulation: row.zensus_population,
  }));
}

export async function summarizeBbox(
  pool: pg.Pool,
  cityAgs: string,
  bbox: [number, number, number, number],
  month: string,
): Promise<Omit<BboxSummary, 'month' | 'synthetic'>> {
  const { rows } = await pool.query(sql['summarize-bbox'], [cityAgs, ...bbox, firstDay(month)]);
  const row = rows[0];
  return {
    registered: residentCounts(row),
    unregistered: range(row),
    properties: row.properties,
    problemProperties: row.problem_properties,
    visits: row.visits,
  };
}
