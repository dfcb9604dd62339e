-- Writes the staged status events of city $1: an event with the same property, date
-- and status gets the file's note, the others are inserted. Returns how many rows were
-- inserted and updated.
WITH upserted AS (
  INSERT INTO property_status_event (property_id, status, event_date, note)
  SELECT p.id, s.status, s.event_date, s.note
  FROM import_status_event AS s
  JOIN property AS p ON p.city_ags = $1 AND p.key = s.property_key
  ON CONFLICT (property_id, event_date, status) DO UPDATE SET note = EXCLUDED.note
  -- xmax is 0 for a row this statement inserted, the updating transaction's id otherwise
  RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
FROM upserted;
