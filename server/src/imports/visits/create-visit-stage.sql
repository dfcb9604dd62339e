-- Staging table of a visits import: one row per data row, typed in Node (NULL where a
-- value did not parse; visit_date NULL also when the file gives only the month).
-- An earlier import of this kind in the same transaction (a seed loading several files) left its own: replaced.
DROP TABLE IF EXISTS pg_temp.import_visit;
CREATE TEMP TABLE import_visit (
  file_row         integer PRIMARY KEY,
  property_key     text,
  month            date,
  visit_date       date,
  topic            text,
  case_manager_key text,
  visits           integer
) ON COMMIT DROP;
