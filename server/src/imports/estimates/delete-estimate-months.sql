-- Removes the estimates of city $1 for every month the staged file contains: an
-- estimates file replaces its months. Returns how many rows went and the months ('YYYY-MM').
WITH months AS (
  SELECT DISTINCT month FROM import_estimate
),
deleted AS (
  DELETE FROM unregistered_estimate AS e
  USING property AS p
  WHERE p.id = e.property_id AND p.city_ags = $1 AND e.month IN (SELECT month FROM months)
  RETURNING 1
)
SELECT (SELECT count(*) FROM deleted)::int AS deleted,
       (SELECT coalesce(array_agg(to_char(month, 'YYYY-MM') ORDER BY month), '{}') FROM months) AS months;
