import type pg from 'pg';
import { loadSql } from '../../db/sql-file.ts';
import type { AreaDetail } from '../../schemas/area.ts';

const sql = loadSql(import.meta.url, ['get-area'] as const);

export async function getArea(pool: pg.Pool, cityAgs: string, id: number): Promise<AreaDetail | undefined> {
  const { rows } = await pool.query(sql['get-area'], [cityAgs, id]);
  if (rows.length === 0) return undefined;
  const r = rows[0];
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    level: r.level,
    parent: r.parent,
    areaKm2: r.area_km2,
    zensusPopulation: r.zensus_population,
    provenance: r.provenance,
    source: r.source,
    method: r.method,
    childCount: r.child_count,
    officialNames: r.official_names,
  };
}
