-- Staging table of an estimates import: one row per data row, typed in Node (NULL where
-- a value did not parse). Checked as a set (check-estimates.sql); goes with the transaction.
-- An earlier import of this kind in the same transaction (a seed loading several files) left its own: replaced.
DROP TABLE IF EXISTS pg_temp.import_estimate;
CREATE TEMP TABLE import_estimate (
  file_row     integer PRIMARY KEY,
  property_key text,
  month        date,
  low          integer,
  high         integer,
  basis        text
) ON COMMIT DROP;
