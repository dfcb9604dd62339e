-- Writes the staged offices into city $1 with datasets $2: rows with the same key are
-- replaced, the others inserted. Returns how many rows were inserted and updated.
WITH upserted AS (
  INSERT INTO advisory_office (city_ags, key, name, address, datasets, geom)
  SELECT $1, key, name, address, $2::text[], geom
  FROM import_office
  ON CONFLICT (city_ags, key) DO UPDATE
  SET name = EXCLUDED.name, address = EXCLUDED.address, datasets = EXCLUDED.datasets, geom = EXCLUDED.geom
  -- xmax is 0 for a row this statement inserted, the updating transaction's id otherwise
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
FROM upserted;
