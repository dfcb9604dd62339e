-- Staging table of an areas import: one row per feature, typed in Node (NULL where a
-- value did not parse), the geometry as a MultiPolygon in EPSG:4326. Checked as a set
-- (check-areas.sql) before table area changes; goes with the transaction.
-- An earlier import of this kind in the same transaction (a seed loading several files) left its own: replaced.
DROP TABLE IF EXISTS pg_temp.import_area;
CREATE TEMP TABLE import_area (
  file_row   integer PRIMARY KEY,
  key        text,
  name       text,
  level      text,
  parent_key text,
  provenance text,
  source     jsonb,
  method     jsonb,
  geom       geometry(MultiPolygon, 4326)
) ON COMMIT DROP;
