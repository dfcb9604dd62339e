-- Monthly figures per property of a city ($1), sparse: one row per property and
-- month that has registered residents, an estimate or visits. `kind` says which
-- columns are filled, so one query serves the three tables:
--   residents  value = registered Romanian + Bulgarian residents
--   estimate   value = low, high = high (a range stays a range)
--   visits     value = visits in the month
SELECT 'residents' AS kind, r.property_id, to_char(r.month, 'YYYY-MM') AS month, (r.ro + r.bg) AS value, NULL::int AS high
FROM property_month_residents AS r JOIN property AS p ON p.id = r.property_id
WHERE p.city_ags = $1
UNION ALL
SELECT 'estimate', e.property_id, to_char(e.month, 'YYYY-MM'), e.low, e.high
FROM unregistered_estimate AS e JOIN property AS p ON p.id = e.property_id
WHERE p.city_ags = $1
UNION ALL
SELECT 'visits', v.property_id, to_char(v.month, 'YYYY-MM'), sum(v.visits)::int, NULL
FROM visit AS v JOIN property AS p ON p.id = v.property_id
WHERE p.city_ags = $1
GROUP BY v.property_id, v.month
ORDER BY 2, 3, 1
