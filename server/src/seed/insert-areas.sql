-- Inserts the areas of one level of a city from a GeoJSON FeatureCollection.
-- $1 city AGS, $2 level, $3 provenance, $4 datasets (text[]), $5 FeatureCollection (jsonb).
-- Each feature names its parent by `parent_key`; the parent must already exist.
-- `source` and `method` are {de, en} objects.
-- Returns the number of rows and how many features found no parent.
WITH features AS (
  SELECT f->'properties' AS p, f->'geometry' AS g
  FROM jsonb_array_elements($5::jsonb->'features') AS f
),
inserted AS (
  INSERT INTO area (city_ags, level, key, name, parent_id, provenance, source, method, datasets, geom)
  SELECT $1, $2, p->>'key', p->>'name',
         (SELECT parent.id FROM area AS parent WHERE parent.city_ags = $1 AND parent.key = p->>'parent_key'),
         $3, p->'source', p->'method', $4::text[],
         ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(g::text), 4326))
  FROM features
  RETURNING parent_id
)
SELECT count(*)::int AS inserted, count(*) FILTER (WHERE parent_id IS NULL)::int AS orphans FROM inserted;
