import type pg from 'pg';
import { loadSql } from '../../db/sql-file.ts';
import type { City, LevelSummary } from '../../schemas/city.ts';

const sql = loadSql(import.meta.url, ['get-city'] as const);

const levelOrder = ['borough', 'quarter', 'district'] as const;

/**
 * The city with a summary of its levels; `officialCounts` (from the city's seed
 * manifest, where known) says how many units the city officially has per level.
 */
export async function getCity(pool: pg.Pool, ags: string, officialCounts: Partial<Record<string, number>> = {}): Promise<City | undefined> {
  const { rows } = await pool.query(sql['get-city'], [ags]);
  if (rows.length === 0) return undefined;
  const row = rows[0];
  const present = new Map<string, { count: number; provenance: LevelSummary['provenance'] }>(
    row.levels.map((l: { level: string; count: number; provenance: LevelSummary['provenance'] }) => [l.level, l]),
  );
  const levels: LevelSummary[] = levelOrder.map((level) => ({
    level,
    count: present.get(level)?.count ?? 0,
    provenance: present.get(level)?.provenance ?? null,
    officialCount: officialCounts[level] ?? null,
  }));
  return {
    ags,
    name: row.name,
    bbox: [row.west, row.south, row.east, row.north],
    center: [row.center_lon, row.center_lat],
    areaKm2: row.area_km2,
    zensusPopulation: row.zensus_population,
    levels,
    hasDistricts: levels.some((l) => l.count > 0),
    hasZensusGrid: row.has_zensus_grid,
  };
}
