-- Assigns every property of city $1 to the lowest-level area that contains it (district,
-- else quarter, else borough, else NULL; ties by id), the same rule as
-- ../properties/upsert-properties.sql; only properties whose area changes are written.
-- Returns how many properties the city has and how many lie in no area.
WITH located AS MATERIALIZED (
  -- areas as the outer loop: each polygon is prepared once for all its points
  SELECT DISTINCT ON (p.id) p.id, a.id AS area_id
  FROM area AS a
  JOIN property AS p ON ST_Covers(a.geom, p.geom) AND p.city_ags = $1
  WHERE a.city_ags = $1 AND a.level <> 'city'
  ORDER BY p.id, CASE a.level WHEN 'district' THEN 0 WHEN 'quarter' THEN 1 ELSE 2 END, a.id
),
wanted AS (
  SELECT p.id, l.area_id FROM property AS p LEFT JOIN located AS l ON l.id = p.id WHERE p.city_ags = $1
),
changed AS (
  UPDATE property AS p SET area_id = w.area_id
  FROM wanted AS w
  WHERE p.id = w.id AND p.area_id IS DISTINCT FROM w.area_id
)
SELECT count(*)::int AS properties, count(*) FILTER (WHERE area_id IS NULL)::int AS outside
FROM wanted;
