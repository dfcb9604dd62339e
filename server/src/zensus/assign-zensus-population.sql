-- Sets each area's Zensus population for one city ($1). Every cell inside the
-- city counts exactly once per level: in the area that contains its centre or,
-- where generalised borders leave a gap, in the nearest one (ties by id). So each
-- level adds up to the city total and a parent equals the sum of its children.
WITH levels AS (
  SELECT DISTINCT level FROM area WHERE city_ags = $1
),
assigned AS (
  SELECT (
           SELECT a.id FROM area AS a
           WHERE a.city_ags = $1 AND a.level = levels.level
           ORDER BY a.geom <-> c.centre, a.id
           LIMIT 1
         ) AS area_id,
         c.population
  FROM zensus_cell AS c CROSS JOIN levels
  WHERE c.city_ags = $1 AND c.inside_city
),
totals AS (
  SELECT area_id, sum(population)::int AS population FROM assigned GROUP BY area_id
)
UPDATE area SET zensus_population = coalesce(totals.population, 0)
FROM area AS a LEFT JOIN totals ON totals.area_id = a.id
WHERE area.id = a.id AND a.city_ags = $1
  AND EXISTS (SELECT 1 FROM zensus_cell WHERE city_ags = $1);
