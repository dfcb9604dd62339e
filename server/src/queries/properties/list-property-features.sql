-- The properties of a city ($1) as map points for a month ($2, first day): the
-- current status at the month's end (latest event; on one day the later step),
-- registered Romanian and Bulgarian residents and the estimate range in the month,
-- and whether the property comes from a synthetic dataset.
WITH current_status AS (
  SELECT DISTINCT ON (e.property_id) e.property_id, e.status
  FROM property_status_event AS e
  JOIN property AS p ON p.id = e.property_id
  WHERE p.city_ags = $1 AND e.event_date < ($2::date + interval '1 month')
  ORDER BY e.property_id, e.event_date DESC, property_status_rank(e.status) DESC
)
SELECT p.id, p.key, p.address, p.is_problem, s.status,
       coalesce(r.ro + r.bg, 0) AS ro_bg, e.low, e.high,
       EXISTS (SELECT 1 FROM dataset AS d WHERE d.id = ANY (p.datasets) AND d.synthetic) AS synthetic,
       ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat
FROM property AS p
LEFT JOIN current_status AS s ON s.property_id = p.id
LEFT JOIN property_month_residents AS r ON r.property_id = p.id AND r.month = $2::date
LEFT JOIN unregistered_estimate AS e ON e.property_id = p.id AND e.month = $2::date
WHERE p.city_ags = $1
ORDER BY p.id
