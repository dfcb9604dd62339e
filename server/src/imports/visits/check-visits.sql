-- Problems of a staged visits import that need the whole file or the database: the same
-- property, date, topic and case manager twice (their counts belong in one row); a
-- property or case-manager key the city ($1) does not have. One row per problem, the
-- first 100 by row, with the total.
WITH duplicate_rows AS (
  SELECT file_row, 'property_key' AS field, property_key AS value, 'duplicate' AS code, first_row::text AS detail
  FROM (SELECT file_row, property_key,
               -- PARTITION BY groups NULLs together: two month-only rows of the same topic are duplicates
               min(file_row) OVER (PARTITION BY property_key, month, visit_date, topic, case_manager_key) AS first_row
        FROM import_visit
        WHERE property_key IS NOT NULL AND month IS NOT NULL AND topic IS NOT NULL) AS keyed
  WHERE file_row <> first_row
),
unknown_properties AS (
  SELECT s.file_row, 'property_key', s.property_key, 'no_property', NULL
  FROM import_visit AS s
  WHERE s.property_key IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM property AS p WHERE p.city_ags = $1 AND p.key = s.property_key)
),
unknown_case_managers AS (
  SELECT s.file_row, 'case_manager_key', s.case_manager_key, 'no_case_manager', NULL
  FROM import_visit AS s
  WHERE s.case_manager_key IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM case_manager AS cm WHERE cm.city_ags = $1 AND cm.key = s.case_manager_key)
),
problems AS (
  SELECT * FROM duplicate_rows
  UNION ALL SELECT * FROM unknown_properties
  UNION ALL SELECT * FROM unknown_case_managers
)
SELECT file_row, field, value, code, detail, count(*) OVER ()::int AS total
FROM problems
ORDER BY file_row, field, value, detail
LIMIT 100;
