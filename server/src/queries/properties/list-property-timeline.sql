-- The enforcement events of a property ($1), oldest first (on one day in procedure order).
SELECT status, to_char(event_date, 'YYYY-MM-DD') AS date, note
FROM property_status_event
WHERE property_id = $1
ORDER BY event_date, property_status_rank(status)
