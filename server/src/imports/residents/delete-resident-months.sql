-- Removes the resident counts of city $1 for every month the staged file contains: a
-- residents file replaces its months. Returns how many rows went and the months ('YYYY-MM').
WITH months AS (
  SELECT DISTINCT month FROM import_resident
),
deleted AS (
  DELETE FROM resident_count AS rc
  USING property AS p
  WHERE p.id = rc.property_id AND p.city_ags = $1 AND rc.month IN (SELECT month FROM months)
  RETURNING 1
)
SELECT (SELECT count(*) FROM deleted)::int AS deleted,
       (SELECT coalesce(array_agg(to_char(month, 'YYYY-MM') ORDER BY month), '{}') FROM months) AS months;
