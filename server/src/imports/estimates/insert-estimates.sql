-- Inserts the staged estimates of city $1 with datasets $2 (their months were emptied
-- by delete-estimate-months.sql, so nothing conflicts).
INSERT INTO unregistered_estimate (property_id, month, low, high, basis, datasets)
SELECT p.id, s.month, s.low, s.high, s.basis, $2::text[]
FROM import_estimate AS s
JOIN property AS p ON p.city_ags = $1 AND p.key = s.property_key;
