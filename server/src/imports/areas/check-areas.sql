-- Problems of a staged areas import of city $1 that need the whole file or the database.
-- The file replaces the areas of the levels it contains; the city and the areas of other
-- levels are kept. Finds: a key given twice; a key that a kept area has; a parent_key
-- that names no area in the file or among the kept ones (or names a removed one); a
-- parent that is not of a higher level; an invalid polygon; an area mostly outside the
-- city; and kept areas whose parent the file removes (file_row 0). One row per problem,
-- the first 100 by row, with the total.
WITH city AS (
  SELECT geom FROM area WHERE city_ags = $1 AND level = 'city'
),
replaced_levels AS (
  SELECT DISTINCT level FROM import_area WHERE level IS NOT NULL
),
kept AS (
  SELECT id, key, name, level, parent_id FROM area WHERE city_ags = $1 AND level NOT IN (SELECT level FROM replaced_levels)
),
removed AS (
  SELECT a.id, a.key, a.level
  FROM area AS a
  WHERE a.city_ags = $1 AND a.level IN (SELECT level FROM replaced_levels)
    AND NOT EXISTS (SELECT 1 FROM import_area AS s WHERE s.key = a.key)
),
duplicate_keys AS (
  SELECT file_row, 'key' AS field, key AS value, 'duplicate' AS code, first_row::text AS detail
  FROM (SELECT file_row, key, min(file_row) OVER (PARTITION BY key) AS first_row FROM import_area WHERE key IS NOT NULL) AS keyed
  WHERE file_row <> first_row
),
taken_keys AS (
  SELECT s.file_row, 'key', s.key, 'key_taken', k.level
  FROM import_area AS s JOIN kept AS k ON k.key = s.key
),
parents AS (
  SELECT s.file_row, s.parent_key, s.level,
         coalesce((SELECT f.level FROM import_area AS f WHERE f.key = s.parent_key ORDER BY f.file_row LIMIT 1),
                  (SELECT k.level FROM kept AS k WHERE k.key = s.parent_key)) AS parent_level,
         (SELECT r.level FROM removed AS r WHERE r.key = s.parent_key) AS removed_level
  FROM import_area AS s
  WHERE s.parent_key IS NOT NULL
),
unknown_parents AS (
  SELECT file_row, 'parent_key', parent_key, CASE WHEN removed_level IS NULL THEN 'unknown_parent' ELSE 'replaced_parent' END, removed_level
  FROM parents
  WHERE parent_level IS NULL
),
misplaced_parents AS (
  SELECT file_row, 'parent_key', parent_key, 'parent_level', parent_level || '/' || level
  FROM parents
  WHERE parent_level IS NOT NULL AND level IS NOT NULL
    AND array_position(ARRAY['city', 'borough', 'quarter', 'district'], parent_level) >= array_position(ARRAY['city', 'borough', 'quarter', 'district'], level)
),
shapes AS (
  -- CASE, not AND: ST_Intersection must never see an invalid polygon
  SELECT s.file_row, s.geom,
         ST_IsValid(s.geom) AS valid,
         CASE WHEN ST_IsValid(s.geom) THEN round(100 * ST_Area(ST_Intersection(s.geom, city.geom)) / nullif(ST_Area(s.geom), 0)) END AS percent_inside
  FROM import_area AS s CROSS JOIN city
  WHERE s.geom IS NOT NULL
),
invalid_polygons AS (
  SELECT file_row, 'geometry', '', 'invalid_geometry', ST_IsValidReason(geom)
  FROM shapes WHERE NOT valid
),
outside_city AS (
  SELECT file_row, 'geometry', '', 'area_outside_city', coalesce(percent_inside, 0)::int::text
  FROM shapes WHERE valid AND coalesce(percent_inside, 0) < 50
),
orphaned_children AS (
  SELECT 0, 'key', r.key, 'orphaned_child',
         json_build_object('level', c.level, 'name', c.name, 'key', c.key, 'parent_level', r.level)::text
  FROM kept AS c JOIN removed AS r ON r.id = c.parent_id
),
problems AS (
  SELECT * FROM duplicate_keys
  UNION ALL SELECT * FROM taken_keys
  UNION ALL SELECT * FROM unknown_parents
  UNION ALL SELECT * FROM misplaced_parents
  UNION ALL SELECT * FROM invalid_polygons
  UNION ALL SELECT * FROM outside_city
  UNION ALL SELECT * FROM orphaned_children
)
SELECT file_row, field, value, code, detail, count(*) OVER ()::int AS total
FROM problems
ORDER BY file_row, field, value, detail
LIMIT 100;
