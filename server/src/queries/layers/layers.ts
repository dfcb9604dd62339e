import type pg from 'pg';
import { loadSql } from '../../db/sql-file.ts';
import type { LayerId } from '../../schemas/layer.ts';

const sql = loadSql(import.meta.url, ['list-layer-summaries'] as const);

export interface LayerSummary {
  featureCount: number;
  synthetic: boolean;
  attributions: string[];
}

/** Feature count, synthetic flag and attributions per layer of a city; layers without features are absent. */
export async function listLayerSummaries(pool: pg.Pool, cityAgs: string): Promise<Map<LayerId, LayerSummary>> {
  const { rows } = await pool.query(sql['list-layer-summaries'], [cityAgs]);
  return new Map(rows.map((r) => [r.layer, { featureCount: r.feature_count, synthetic: r.synthetic, attributions: r.attributions }]));
}
