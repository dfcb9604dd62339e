-- Staging table of an offices import: one row per data row, typed in Node (NULL where
-- a value did not parse), the point in EPSG:4326. Goes with the transaction.
-- An earlier import of this kind in the same transaction (a seed loading several files) left its own: replaced.
DROP TABLE IF EXISTS pg_temp.import_office;
CREATE TEMP TABLE import_office (
  file_row       integer PRIMARY KEY,
  key            text,
  name           text,
  address        text,
  position_field text,
  position_text  text,
  geom           geometry(Point, 4326)
) ON COMMIT DROP;
