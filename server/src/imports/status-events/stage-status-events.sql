-- Stages one batch of a status-events import. $1: JSON array of rows as validated in Node.
INSERT INTO import_status_event (file_row, property_key, event_date, status, note)
SELECT r.file_row, r.property_key, r.date, r.status, r.note
FROM jsonb_to_recordset($1::jsonb) AS r (file_row integer, property_key text, date date, status text, note text);
