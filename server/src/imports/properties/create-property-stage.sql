-- Staging table of a properties import: one row per data row of the file, typed in
-- Node (NULL where a value did not parse), the point already in EPSG:4326.
-- Checked as a set (check-properties.sql) before table property changes; it goes with the transaction.
-- An earlier import of this kind in the same transaction (a seed loading several files) left its own: replaced.
DROP TABLE IF EXISTS pg_temp.import_property;
CREATE TEMP TABLE import_property (
  file_row       integer PRIMARY KEY,
  key            text,
  address        text,
  flats          integer,
  living_area_m2 numeric(10, 1),
  owner_type     text,
  is_problem     boolean,
  position_field text,
  position_text  text,
  geom           geometry(Point, 4326)
) ON COMMIT DROP;
