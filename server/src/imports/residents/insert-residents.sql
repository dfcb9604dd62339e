-- Inserts the staged resident counts of city $1 with datasets $2 (their months were
-- emptied by delete-resident-months.sql, so nothing conflicts).
INSERT INTO resident_count (property_id, month, nationality, age_group, registered, resident_over_5y, datasets)
SELECT p.id, s.month, s.nationality, s.age_group, s.registered, s.resident_over_5y, $2::text[]
FROM import_resident AS s
JOIN property AS p ON p.city_ags = $1 AND p.key = s.property_key;
