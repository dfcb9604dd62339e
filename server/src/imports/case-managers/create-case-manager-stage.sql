-- Staging table of a case-managers import: one row per data row, typed in Node (NULL
-- where a value did not parse). Checked as a set; goes with the transaction.
-- An earlier import of this kind in the same transaction (a seed loading several files) left its own: replaced.
DROP TABLE IF EXISTS pg_temp.import_case_manager;
CREATE TEMP TABLE import_case_manager (
  file_row      integer PRIMARY KEY,
  key           text,
  employer      text,
  employer_kind text,
  funding       text,
  languages     text[],
  fte           numeric(3, 2),
  office_key    text,
  area_keys     text[]
) ON COMMIT DROP;
