-- Staging table of a residents import: one row per data row, typed in Node (NULL where
-- a value did not parse). Checked as a set (check-residents.sql); goes with the transaction.
-- An earlier import of this kind in the same transaction (a seed loading several files) left its own: replaced.
DROP TABLE IF EXISTS pg_temp.import_resident;
CREATE TEMP TABLE import_resident (
  file_row         integer PRIMARY KEY,
  property_key     text,
  month            date,
  nationality      text,
  age_group        text,
  registered       integer,
  resident_over_5y integer
) ON COMMIT DROP;
