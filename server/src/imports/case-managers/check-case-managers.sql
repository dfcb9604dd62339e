-- Problems of a staged case-managers import that need the whole file or the database:
-- a key given twice; an office key or area key the city ($1) does not have (one
-- problem per unknown area key). One row per problem, the first 100 by row, with the total.
WITH duplicate_keys AS (
  SELECT file_row, 'key' AS field, key AS value, 'duplicate' AS code, first_row::text AS detail
  FROM (SELECT file_row, key, min(file_row) OVER (PARTITION BY key) AS first_row FROM import_case_manager WHERE key IS NOT NULL) AS keyed
  WHERE file_row <> first_row
),
unknown_offices AS (
  SELECT s.file_row, 'office_key', s.office_key, 'no_office', NULL
  FROM import_case_manager AS s
  WHERE s.office_key IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM advisory_office AS o WHERE o.city_ags = $1 AND o.key = s.office_key)
),
unknown_areas AS (
  SELECT s.file_row, 'area_keys', k.area_key, 'no_area', NULL
  FROM import_case_manager AS s
  CROSS JOIN LATERAL unnest(s.area_keys) AS k (area_key)
  WHERE NOT EXISTS (SELECT 1 FROM area AS a WHERE a.city_ags = $1 AND a.key = k.area_key)
),
problems AS (
  SELECT * FROM duplicate_keys
  UNION ALL SELECT * FROM unknown_offices
  UNION ALL SELECT * FROM unknown_areas
)
SELECT file_row, field, value, code, detail, count(*) OVER ()::int AS total
FROM problems
ORDER BY file_row, field, value, detail
LIMIT 100;
