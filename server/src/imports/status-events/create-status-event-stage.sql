-- Staging table of a status-events import: one row per data row, typed in Node (NULL
-- where a value did not parse). Checked as a set; goes with the transaction.
-- An earlier import of this kind in the same transaction (a seed loading several files) left its own: replaced.
DROP TABLE IF EXISTS pg_temp.import_status_event;
CREATE TEMP TABLE import_status_event (
  file_row     integer PRIMARY KEY,
  property_key text,
  event_date   date,
  status       text,
  note         text
) ON COMMIT DROP;
