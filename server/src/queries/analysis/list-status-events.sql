-- WohnStG status events of a city's ($1) properties, oldest first (on one day the
-- later step last), so that replaying them gives each property's status at any
-- month's end. Only the status matters here, never the note.
SELECT e.property_id, to_char(e.event_date, 'YYYY-MM-DD') AS event_date, e.status
FROM property_status_event AS e JOIN property AS p ON p.id = e.property_id
WHERE p.city_ags = $1
ORDER BY e.property_id, e.event_date, property_status_rank(e.status)
