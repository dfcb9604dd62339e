-- Problems of a staged offices import that need the whole file or the database: a key
-- given twice, a point outside the city ($1 AGS; 'swapped' when lon and lat the other
-- way round would lie inside). One row per problem, the first 100 by row, with the total.
WITH city AS (
  SELECT geom FROM area WHERE city_ags = $1 AND level = 'city'
),
duplicate_keys AS (
  SELECT file_row, 'key' AS field, key AS value, 'duplicate' AS code, first_row::text AS detail
  FROM (SELECT file_row, key, min(file_row) OVER (PARTITION BY key) AS first_row FROM import_office WHERE key IS NOT NULL) AS keyed
  WHERE file_row <> first_row
),
outside_city AS (
  SELECT s.file_row, s.position_field, s.position_text, 'outside_city',
         CASE WHEN s.position_field = 'lon/lat' AND ST_Covers(city.geom, ST_FlipCoordinates(s.geom)) THEN 'swapped' END
  FROM import_office AS s CROSS JOIN city
  WHERE s.geom IS NOT NULL AND NOT ST_Covers(city.geom, s.geom)
),
problems AS (
  SELECT * FROM duplicate_keys
  UNION ALL SELECT * FROM outside_city
)
SELECT file_row, field, value, code, detail, count(*) OVER ()::int AS total
FROM problems
ORDER BY file_row, field, value, detail
LIMIT 100;
