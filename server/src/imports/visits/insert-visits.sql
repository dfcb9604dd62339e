-- Inserts the staged visits of city $1 with datasets $2 (their months were emptied by
-- delete-visit-months.sql); a visit without case manager keeps case_manager_id NULL.
INSERT INTO visit (property_id, case_manager_id, month, visit_date, topic, visits, datasets)
SELECT p.id, cm.id, s.month, s.visit_date, s.topic, s.visits, $2::text[]
FROM import_visit AS s
JOIN property AS p ON p.city_ags = $1 AND p.key = s.property_key
LEFT JOIN case_manager AS cm ON cm.city_ags = $1 AND cm.key = s.case_manager_key;
