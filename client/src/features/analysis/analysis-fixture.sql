-- Monthly data for the analysis browser test (analysis.browser.test.ts), on top of seeded
-- Herne: the test template is seeded without operational data (global-setup.ts), and the
-- analysis needs at least 10 months for the Gi* trend. Written by hand; every figure follows
-- from the formulas below.
--
-- * One property in each of the 32 statistical districts, at the district's point on
--   surface, key `A-<district key>`, not a problem property, dataset city-import (not synthetic).
-- * Registered Romanian residents (18–64) of each property for the 24 months
--   2024-11 … 2026-10 (m = 0 … 23, n = position of the district by key, 1 … 32):
--     the 9 districts of the borough Wanne (one contiguous block)   10 + 3·m + n mod 4
--     the other 23 districts                                          8 + n mod 5 + m div 6
--   so Wanne grows fast (10–85), the rest slowly (8–15): Gi* with queen weights finds a hot
--   spot over Wanne, and no two months of a district are alike across the block.
-- No estimates, visits, status events or case managers.
WITH district AS (
  SELECT d.id, d.key, d.geom
  FROM area AS d
  WHERE d.city_ags = '05916000' AND d.level = 'district'
)
INSERT INTO property (city_ags, key, address, area_id, flats, living_area_m2, owner_type, is_problem, datasets, geom)
SELECT '05916000', 'A-' || d.key, 'Analyseweg ' || row_number() OVER (ORDER BY d.key), d.id, 6, 300.0, 'private', false,
       ARRAY['city-import'], ST_PointOnSurface(d.geom)
FROM district AS d;

WITH district AS (
  SELECT d.id, row_number() OVER (ORDER BY d.key) AS n,
         EXISTS (SELECT 1 FROM area_lineage AS l JOIN area AS b ON b.id = l.ancestor_id
                 WHERE l.area_id = d.id AND b.key = '05916000-B-wanne') AS growing
  FROM area AS d
  WHERE d.city_ags = '05916000' AND d.level = 'district'
)
INSERT INTO resident_count (property_id, month, nationality, age_group, registered, resident_over_5y, datasets)
SELECT p.id, (date '2024-11-01' + make_interval(months => m))::date, 'ro', '18-64',
       CASE WHEN d.growing THEN 10 + 3 * m + (d.n % 4)::int ELSE 8 + (d.n % 5)::int + m / 6 END,
       0, ARRAY['city-import']
FROM district AS d
JOIN property AS p ON p.area_id = d.id AND p.key LIKE 'A-%'
CROSS JOIN generate_series(0, 23) AS m;
