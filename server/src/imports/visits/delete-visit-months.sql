-- Removes the visits of city $1 for every month the staged file contains: a visits file
-- replaces its months. Returns how many rows went and the months ('YYYY-MM').
WITH months AS (
  SELECT DISTINCT month FROM import_visit
),
deleted AS (
  DELETE FROM visit AS v
  USING property AS p
  WHERE p.id = v.property_id AND p.city_ags = $1 AND v.month IN (SELECT month FROM months)
  RETURNING 1
)
SELECT (SELECT count(*) FROM deleted)::int AS deleted,
       (SELECT coalesce(array_agg(to_char(month, 'YYYY-MM') ORDER BY month), '{}') FROM months) AS months;
