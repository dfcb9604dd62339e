-- The city ($1 AGS) with its extent, area (EPSG:25832), Zensus population, and a
-- summary per level below it: count, provenance (one per level, or the weakest
-- where levels mix) and whether a Zensus grid is loaded.
WITH city AS (
  SELECT * FROM area WHERE city_ags = $1 AND level = 'city'
),
levels AS (
  SELECT level,
         count(*)::int AS count,
         -- the weakest provenance present: synthetic < approximate < official
         (array_agg(provenance ORDER BY CASE provenance WHEN 'synthetic' THEN 0 WHEN 'approximate' THEN 1 ELSE 2 END))[1] AS provenance
  FROM area WHERE city_ags = $1 AND level <> 'city'
  GROUP BY level
)
SELECT city.name,
       ST_XMin(city.geom) AS west, ST_YMin(city.geom) AS south, ST_XMax(city.geom) AS east, ST_YMax(city.geom) AS north,
       ST_X(ST_PointOnSurface(city.geom)) AS center_lon, ST_Y(ST_PointOnSurface(city.geom)) AS center_lat,
       round((ST_Area(ST_Transform(city.geom, 25832)) / 1e6)::numeric, 2)::float8 AS area_km2,
       city.zensus_population,
       EXISTS (SELECT 1 FROM zensus_cell WHERE city_ags = $1) AS has_zensus_grid,
       coalesce((SELECT jsonb_agg(jsonb_build_object('level', level, 'count', count, 'provenance', provenance)) FROM levels), '[]'::jsonb) AS levels
FROM city
