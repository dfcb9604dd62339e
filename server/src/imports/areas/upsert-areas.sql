-- Writes the staged areas of one level ($3) into city $1 with datasets $2: an area with
-- the same key is updated in place (id, children and assignments stay), the others are
-- inserted. The parent is looked up by key, so levels are written top-down. Zensus
-- population is recomputed afterwards. Returns how many rows were inserted and updated.
WITH upserted AS (
  INSERT INTO area (city_ags, level, key, name, parent_id, provenance, source, method, datasets, geom)
  SELECT $1, s.level, s.key, s.name, parent.id, s.provenance, s.source, s.method, $2::text[], s.geom
  FROM import_area AS s
  JOIN area AS parent ON parent.city_ags = $1 AND parent.key = s.parent_key
  WHERE s.level = $3
  ON CONFLICT (city_ags, key) DO UPDATE
  SET level = EXCLUDED.level, name = EXCLUDED.name, parent_id = EXCLUDED.parent_id, provenance = EXCLUDED.provenance,
      source = EXCLUDED.source, method = EXCLUDED.method, datasets = EXCLUDED.datasets, geom = EXCLUDED.geom, zensus_population = NULL
  -- xmax is 0 for a row this statement inserted, the updating transaction's id otherwise
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
FROM upserted;
