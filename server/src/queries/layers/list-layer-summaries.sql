-- Per map layer of a city ($1): how many features it has, whether any of its
-- data is synthetic, and the attributions of its datasets in a stable order.
-- Layer ids match server/src/queries/layers/map-layers.ts.
WITH layer_datasets AS (
  SELECT 'context' AS layer, r.id AS feature_id, unnest(r.datasets) AS dataset_id
  FROM context_region AS r WHERE r.city_ags = $1
  UNION ALL
  SELECT CASE a.level WHEN 'city' THEN 'city' WHEN 'borough' THEN 'boroughs'
                      WHEN 'quarter' THEN 'quarters' ELSE 'districts' END,
         a.id, unnest(a.datasets)
  FROM area AS a WHERE a.city_ags = $1
  UNION ALL
  SELECT 'zensus', c.id, unnest(c.datasets)
  FROM zensus_cell AS c WHERE c.city_ags = $1 AND c.inside_city
)
SELECT l.layer,
       count(DISTINCT l.feature_id)::int AS feature_count,
       bool_or(d.synthetic) AS synthetic,
       array_agg(DISTINCT d.attribution ORDER BY d.attribution) AS attributions
FROM layer_datasets AS l
JOIN dataset AS d ON d.id = l.dataset_id
GROUP BY l.layer
