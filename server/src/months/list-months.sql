-- Months with registered-resident counts for a city ($1), oldest first, as YYYY-MM.
SELECT DISTINCT to_char(r.month, 'YYYY-MM') AS month
FROM resident_count AS r
JOIN property AS p ON p.id = r.property_id
WHERE p.city_ags = $1
ORDER BY month
